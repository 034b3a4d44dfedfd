import { describe, expect, it } from 'vitest';
import { formatYuan, parseFen } from './fen.js';

describe('fen input', () => {
  it('accepts whole fen as number, bigint or digit string', () => {
    expect(parseFen(12345)).toEqual({ ok: true, fen: 12345n });
    expect(parseFen('12345')).toEqual({ ok: true, fen: 12345n });
    expect(parseFen(7n)).toEqual({ ok: true, fen: 7n });
  });
  it('refuses zero (unless allowed), negatives, fractions of a fen and junk', () => {
    expect(parseFen(0)).toEqual({ ok: false, problem: 'zero' });
    expect(parseFen(0, { allowZero: true })).toEqual({ ok: true, fen: 0n });
    expect(parseFen(-1)).toEqual({ ok: false, problem: 'negative' });
    expect(parseFen('-1')).toEqual({ ok: false, problem: 'negative' });
    expect(parseFen(1.5)).toEqual({ ok: false, problem: 'not-an-integer' });
    expect(parseFen('1.50')).toEqual({ ok: false, problem: 'not-an-integer' });
    expect(parseFen('1e3')).toEqual({ ok: false, problem: 'not-an-integer' });
    expect(parseFen(null)).toEqual({ ok: false, problem: 'not-an-integer' });
    expect(parseFen(2 ** 53)).toEqual({ ok: false, problem: 'too-large' });
    expect(parseFen('1000000000000000001')).toEqual({ ok: false, problem: 'too-large' });
  });
  it('formats yuan with thousands separators', () => {
    expect(formatYuan(123456789n)).toBe('1,234,567.89');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuan(-100n)).toBe('-1.00');
  });
});
