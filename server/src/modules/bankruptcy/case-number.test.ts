import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCaseNumber, parseCaseNumber } from './case-number.js';

describe('case numbers', () => {
  it('formats and parses the court style', () => {
    expect(formatCaseNumber({ year: 2026, courtCode: '闽0203', typeCode: '破', serial: 12 })).toBe('(2026)闽0203破12号');
    expect(formatCaseNumber({ year: 2026, courtCode: '闽02', typeCode: '破申', serial: 3 }, 'fullWidth')).toBe('（2026）闽02破申3号');
    expect(parseCaseNumber('(2026)闽0203破12号')).toEqual({ year: 2026, courtCode: '闽0203', typeCode: '破', serial: 12 });
    expect(parseCaseNumber('（2025）闽02破申7号')).toEqual({ year: 2025, courtCode: '闽02', typeCode: '破申', serial: 7 });
  });

  it('refuses malformed numbers', () => {
    for (const bad of ['(2026)闽0203破012号', '(2026)闽023破1号', '(2026)X0203破1号', '(2026)闽0203民初1号', '2026闽0203破1号', '(2026)闽0203破号']) {
      expect(parseCaseNumber(bad)).toBeNull();
    }
    expect(() => formatCaseNumber({ year: 2026, courtCode: '闽203', typeCode: '破', serial: 1 })).toThrow();
    expect(() => formatCaseNumber({ year: 2026, courtCode: '闽0203', typeCode: '破', serial: 0 })).toThrow();
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2999 }),
        fc.constantFrom('闽', '闽02', '闽0203', '京0105', '粤03'),
        fc.constantFrom('破' as const, '破申' as const),
        fc.integer({ min: 1, max: 9_999_999 }),
        (year, courtCode, typeCode, serial) => {
          const n = { year, courtCode, typeCode, serial };
          expect(parseCaseNumber(formatCaseNumber(n))).toEqual(n);
        },
      ),
    );
  });
});
