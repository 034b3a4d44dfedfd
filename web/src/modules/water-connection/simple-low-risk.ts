import type { MaterialKind, WaterUse } from './water-connection.labels.js';

/**
 * The form's preview of the server's rules (server/src/modules/water-connection/application-rules.ts): which
 * projects are simple low-risk and which materials are needed. The server decides; this only tells the user
 * early what will be asked.
 */
export interface SimpleLowRiskRule {
  maxPipeDiameterMm: number;
  maxDailyVolumeM3: number;
  uses: string[];
}

export const DEFAULT_RULE: SimpleLowRiskRule = { maxPipeDiameterMm: 50, maxDailyVolumeM3: 30, uses: ['residential', 'commercial'] };

export function isSimpleLowRisk(rule: SimpleLowRiskRule, p: { waterUse?: WaterUse; pipeDiameterMm?: number; dailyVolumeM3?: number }): boolean | null {
  if (!p.waterUse || typeof p.pipeDiameterMm !== 'number' || typeof p.dailyVolumeM3 !== 'number') return null;
  return rule.uses.includes(p.waterUse) && p.pipeDiameterMm <= rule.maxPipeDiameterMm && p.dailyVolumeM3 <= rule.maxDailyVolumeM3;
}

/** Business licence for enterprises; the right to use the site always; drawings unless simple; authorization when assisted. */
export function requiredMaterials(enterprise: boolean, simple: boolean, assisted: boolean): MaterialKind[] {
  const out: MaterialKind[] = [];
  if (enterprise) out.push('businessLicence');
  out.push('propertyCertificate');
  if (!simple) out.push('drawings');
  if (assisted) out.push('authorization');
  return out;
}
