/**
 * Rules of a water connection application (泉州 用水报装), pure functions.
 *
 * Simple low-risk projects (社会投资简易低风险 / 小微型简易低风险项目) get "零上门、零审批、零投资": no site visit,
 * no approval, no fee. Quanzhou does not publish numeric thresholds; we recognize a project as simple low-risk
 * when all hold (documented in the service guide, and adjustable here):
 *   - use is residential or commercial (not industrial, not a construction site);
 *   - connection pipe ≤ DN50 (50 mm), i.e. a small-user meter connection;
 *   - expected daily volume ≤ 30 m³.
 */
export type WaterUse = 'residential' | 'commercial' | 'industrial' | 'construction';
export type ApplicantKind = 'enterprise' | 'person';
export type MaterialKind = 'businessLicence' | 'propertyCertificate' | 'drawings' | 'authorization';

export const SIMPLE_LOW_RISK = { maxPipeDiameterMm: 50, maxDailyVolumeM3: 30, uses: ['residential', 'commercial'] as WaterUse[] };

export const waterUseLabels: Record<WaterUse, [string, string]> = {
  residential: ['居民生活用水', 'Residential'],
  commercial: ['经营服务用水', 'Commercial'],
  industrial: ['工业用水', 'Industrial'],
  construction: ['施工临时用水', 'Construction (temporary)'],
};

export const materialLabels: Record<MaterialKind, [string, string]> = {
  businessLicence: ['营业执照', 'Business licence'],
  propertyCertificate: ['不动产权证书或房屋租赁合同', 'Property certificate or lease'],
  drawings: ['用水设计图纸', 'Drawings of the water installation'],
  authorization: ['帮代办授权委托书（申请人签字）', "Applicant's signed authorization for assisted filing"],
};

export interface ProjectFacts {
  waterUse: WaterUse;
  pipeDiameterMm: number;
  dailyVolumeM3: number;
}

export function isSimpleLowRisk(p: ProjectFacts): boolean {
  return (
    SIMPLE_LOW_RISK.uses.includes(p.waterUse) &&
    p.pipeDiameterMm <= SIMPLE_LOW_RISK.maxPipeDiameterMm &&
    p.dailyVolumeM3 <= SIMPLE_LOW_RISK.maxDailyVolumeM3
  );
}

/**
 * Materials required. An enterprise shows its business licence (an electronic licence is valid, 国务院令第716号
 * Art. 11); everyone shows the right to use the site; drawings only where a design is needed (not simple
 * low-risk); an assisted filing (帮代办) needs the applicant's signed authorization.
 */
export function requiredMaterials(kind: ApplicantKind, simpleLowRisk: boolean, assisted: boolean): MaterialKind[] {
  const out: MaterialKind[] = [];
  if (kind === 'enterprise') out.push('businessLicence');
  out.push('propertyCertificate');
  if (!simpleLowRisk) out.push('drawings');
  if (assisted) out.push('authorization');
  return out;
}

/** 一次性告知: every missing material at once, never one at a time. */
export function missingMaterials(required: readonly MaterialKind[], provided: Partial<Record<MaterialKind, string>>): MaterialKind[] {
  return required.filter((k) => !provided[k]);
}

/** `WS-20260830-0001`: the day in China and a per-day sequence. */
export function formatApplicationNumber(day: string, seq: number): string {
  return `WS-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/** Connection number issued at water-on: district code + year + sequence from the application number. */
export function formatConnectionNumber(regionCode: string, applicationNumber: string): string {
  return `QZ${regionCode}${applicationNumber.slice(3).replace('-', '')}`;
}

/** The 5 levels of 好差评 (国办发〔2019〕51号); 不满意 or worse opens a rectification. */
export const ratingLevels: Record<number, [string, string]> = {
  5: ['非常满意', 'Very satisfied'],
  4: ['满意', 'Satisfied'],
  3: ['基本满意', 'Fairly satisfied'],
  2: ['不满意', 'Dissatisfied'],
  1: ['非常不满意', 'Very dissatisfied'],
};

export const isBadRating = (level: number) => level <= 2;

/** Rectification deadline: local rules use 5–15 working days; we default to 5. */
export const RECTIFICATION_WORKING_DAYS = 5;
