/**
 * Small deterministic rosters shared by the draw's unit tests: `n` targets spread over the four credit classes
 * and two districts, and enough qualified inspectors in each district for two departments.
 */
import { CREDIT_CLASSES, type DrawParameters, type InspectorEntry, type RandomSource, type TargetEntry } from './draw.types.js';

export function testTargets(n: number): TargetEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `T${String(i).padStart(6, '0')}`,
    name: `莆田市测试企业${i}有限公司`,
    industry: i % 3 === 0 ? 'H62' : 'F52',
    district: i % 2 === 0 ? '350302' : '350303',
    creditClass: CREDIT_CLASSES[i % 4],
    flags: [],
  }));
}

export function testInspectors(perDistrict = 6): InspectorEntry[] {
  const out: InspectorEntry[] = [];
  for (const department of ['SJ', 'HB']) {
    for (const district of ['350302', '350303']) {
      for (let i = 0; i < perDistrict; i++) {
        out.push({
          id: `${department}-${district}-${i}`,
          name: `检查员${department}${district.slice(-1)}${i}`,
          department,
          district,
          qualifications: i % 2 === 0 ? ['food', 'general'] : ['general'],
          conflicts: [],
        });
      }
    }
  }
  return out;
}

export function testParameters(overrides: Partial<DrawParameters> = {}): DrawParameters {
  return {
    planId: 'PLAN-2026-001',
    department: 'SJ',
    jointDepartments: [],
    items: ['SJ.01.01'],
    targetFilter: { industries: [], districts: [] },
    ratioBp: { A: 100, B: 200, C: 1000, D: 3000 },
    flagRatioBp: { abnormalOperation: 5000, complaint: 3000, seriousViolation: 10000 },
    inspectorsPerTarget: 2,
    requiredQualifications: [],
    matchInspectorDistrict: true,
    ...overrides,
  };
}

export const testRandomSource: RandomSource = {
  kind: 'drand',
  reference: 'drand quicknet round 20000000',
  availableAfter: '2026-03-02T02:00:00Z',
};
export const COMMITTED_AT = '2026-03-01T08:00:00Z';
export const AFTER = '2026-03-02T03:00:00Z';
