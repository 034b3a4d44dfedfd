import { describe, expect, it } from 'vitest';
import { formatBp, formatDate, formatDateTime, formatFen } from './format.js';

describe('money and rates', () => {
  it('shows integer fen as yuan with two decimals, without float rounding', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-1999)).toBe('-¥19.99');
    // 2^53 + 1 fen is not representable as a double; as bigint it stays exact.
    expect(formatFen(9007199254740993n)).toBe('¥90,071,992,547,409.93');
    expect(formatFen(null)).toBe('—');
  });

  it('shows basis points as percent', () => {
    expect(formatBp(35)).toBe('0.35%');
    expect(formatBp(1000)).toBe('10.00%');
    expect(formatBp(-10)).toBe('-0.10%');
  });
});

describe('times in Asia/Shanghai', () => {
  it('shows UTC instants in Beijing time, crossing midnight when it should', () => {
    expect(formatDateTime('2026-08-30T06:05:00Z')).toBe('2026-08-30 14:05');
    expect(formatDateTime('2026-08-30T17:00:00Z')).toBe('2026-08-31 01:00');
    expect(formatDate('2026-12-31T16:30:00Z')).toBe('2027-01-01');
  });

  it('keeps a plain date as it is', () => {
    expect(formatDate('2026-10-01')).toBe('2026-10-01');
    expect(formatDateTime(undefined)).toBe('—');
  });
});
