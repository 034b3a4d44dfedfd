import { describe, expect, it } from 'vitest';
import * as server from '../../../../../server/src/platform/identity/resident-id.js';
import { normalizeResidentIdInput, residentIdCheckChar, residentIdProblem, withResidentIdCheckChar } from './resident-id-check.js';

const TODAY = new Date('2026-03-01T00:00:00Z');

describe('resident ID check (GB 11643-1999)', () => {
  it('accepts the standard’s published examples', () => {
    // GB 11643-1999 Annex example and the commonly cited specimen numbers.
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull();
    expect(residentIdProblem('440524188001010014', TODAY)).toBeNull();
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('names what is wrong', () => {
    expect(residentIdProblem('11010519491231002', TODAY)).toBe('format');
    expect(residentIdProblem('11010519491231002x', TODAY)).toBe('format');
    expect(residentIdProblem('110105194902300021', TODAY)).toBe('birth-date');
    expect(residentIdProblem(withResidentIdCheckChar('11010520300101002'), TODAY)).toBe('birth-date');
    expect(residentIdProblem('110105194912310021', TODAY)).toBe('check-char');
  });

  it('normalizes what people type', () => {
    expect(normalizeResidentIdInput(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normalizeResidentIdInput('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
  });

  it('agrees with the server’s check on random numbers, valid and not', () => {
    let seed = 20260301;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const year = 1850 + Math.floor(rand() * 200);
      const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(rand() * 31)).padStart(2, '0');
      const seq = String(Math.floor(rand() * 1000)).padStart(3, '0');
      const first17 = `350102${year}${month}${day}${seq}`;
      const last = rand() < 0.5 ? residentIdCheckChar(first17) : '0123456789X'[Math.floor(rand() * 11)];
      const id = first17 + last;
      expect(residentIdProblem(id, TODAY)).toBe(server.residentIdProblem(id, TODAY));
      if (residentIdProblem(id, TODAY) === null) valid++;
    }
    // Both kinds were exercised.
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(2700);
  });
});
