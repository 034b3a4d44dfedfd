import { describe, expect, it } from 'vitest';
import { isValidResidentId, maskPhone, maskResidentId, residentIdProblem, withResidentIdCheckChar } from './resident-id.js';

describe('居民身份证号码 GB 11643-1999', () => {
  it('accepts the standard examples', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('440524188001010014')).toBe(true);
  });
  it('rejects a wrong check character', () => {
    expect(residentIdProblem('110105194912310021')).toBe('check-char');
  });
  it('rejects impossible and future birth dates', () => {
    expect(residentIdProblem(withResidentIdCheckChar('11010519490230002'))).toBe('birth-date');
    expect(residentIdProblem(withResidentIdCheckChar('11010520990101002'), new Date('2026-11-27'))).toBe('birth-date');
    expect(residentIdProblem(withResidentIdCheckChar('11010520261127002'), new Date('2026-11-28'))).toBeNull();
  });
  it('rejects bad formats', () => {
    expect(residentIdProblem('11010519491231002x')).toBe('format');
    expect(residentIdProblem('1101051949123100')).toBe('format');
  });
  it('masks IDs and phone numbers', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone('13905951234')).toBe('139****1234');
  });
});
