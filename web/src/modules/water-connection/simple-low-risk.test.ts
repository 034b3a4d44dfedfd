import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE, isSimpleLowRisk, requiredMaterials } from './simple-low-risk.js';

describe('simple low-risk preview', () => {
  it('needs a small commercial or residential connection', () => {
    expect(isSimpleLowRisk(DEFAULT_RULE, { waterUse: 'commercial', pipeDiameterMm: 50, dailyVolumeM3: 30 })).toBe(true);
    expect(isSimpleLowRisk(DEFAULT_RULE, { waterUse: 'commercial', pipeDiameterMm: 65, dailyVolumeM3: 30 })).toBe(false);
    expect(isSimpleLowRisk(DEFAULT_RULE, { waterUse: 'residential', pipeDiameterMm: 25, dailyVolumeM3: 31 })).toBe(false);
    expect(isSimpleLowRisk(DEFAULT_RULE, { waterUse: 'industrial', pipeDiameterMm: 20, dailyVolumeM3: 1 })).toBe(false);
    expect(isSimpleLowRisk(DEFAULT_RULE, { waterUse: 'commercial', pipeDiameterMm: 20 })).toBeNull();
  });

  it('asks for drawings only when a design is needed, and the authorization only when assisted', () => {
    expect(requiredMaterials(true, true, false)).toEqual(['businessLicence', 'propertyCertificate']);
    expect(requiredMaterials(true, false, false)).toEqual(['businessLicence', 'propertyCertificate', 'drawings']);
    expect(requiredMaterials(false, false, true)).toEqual(['propertyCertificate', 'drawings', 'authorization']);
  });
});
