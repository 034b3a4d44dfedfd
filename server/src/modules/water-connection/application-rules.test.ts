import { describe, expect, it } from 'vitest';
import { formatApplicationNumber, isBadRating, isSimpleLowRisk, missingMaterials, requiredMaterials } from './application-rules.js';

describe('simple low-risk projects', () => {
  it('small residential and commercial connections qualify, boundaries included', () => {
    expect(isSimpleLowRisk({ waterUse: 'commercial', pipeDiameterMm: 50, dailyVolumeM3: 30 })).toBe(true);
    expect(isSimpleLowRisk({ waterUse: 'residential', pipeDiameterMm: 20, dailyVolumeM3: 1 })).toBe(true);
  });
  it('a larger pipe, a larger volume, industrial or construction use do not', () => {
    expect(isSimpleLowRisk({ waterUse: 'commercial', pipeDiameterMm: 51, dailyVolumeM3: 10 })).toBe(false);
    expect(isSimpleLowRisk({ waterUse: 'commercial', pipeDiameterMm: 40, dailyVolumeM3: 31 })).toBe(false);
    expect(isSimpleLowRisk({ waterUse: 'industrial', pipeDiameterMm: 20, dailyVolumeM3: 1 })).toBe(false);
    expect(isSimpleLowRisk({ waterUse: 'construction', pipeDiameterMm: 20, dailyVolumeM3: 1 })).toBe(false);
  });
});

describe('materials (一次性告知)', () => {
  it('lists every missing material at once', () => {
    const req = requiredMaterials('enterprise', false, true);
    expect(req).toEqual(['businessLicence', 'propertyCertificate', 'drawings', 'authorization']);
    expect(missingMaterials(req, { propertyCertificate: 'f1' })).toEqual(['businessLicence', 'drawings', 'authorization']);
  });
  it('a person needs no business licence; a simple project no drawings', () => {
    expect(requiredMaterials('person', true, false)).toEqual(['propertyCertificate']);
  });
});

describe('numbers and ratings', () => {
  it('formats WS-YYYYMMDD-NNNN', () => {
    expect(formatApplicationNumber('2026-08-30', 1)).toBe('WS-20260830-0001');
    expect(formatApplicationNumber('2026-08-30', 12345)).toBe('WS-20260830-12345');
  });
  it('不满意 and 非常不满意 are bad ratings, 基本满意 is not', () => {
    expect([1, 2, 3, 4, 5].map(isBadRating)).toEqual([true, true, false, false, false]);
  });
});
