/**
 * Plan parameters: validation and normalization. Ratios are basis points (house rule), 0–10000; anything
 * outside is refused (the API answers 422). At least two inspectors per target (APL Art. 42, and DOMAIN.md:
 * "Recusal (APL Art. 43): at least two inspectors").
 */
import { z } from 'zod';
import { sortedSet } from './canonical-bytes.js';
import { invalidDrawInput, type DrawFieldError } from './draw-errors.js';
import type { DrawParameters } from './draw.types.js';

const ZBasisPoints = z.number().int().min(0).max(10_000);
const ZCode = z.string().min(1).max(100);

export const ZDrawParameters = z.object({
  planId: ZCode,
  department: ZCode,
  jointDepartments: z.array(ZCode).max(20),
  items: z.array(ZCode).min(1),
  targetFilter: z.object({ industries: z.array(ZCode), districts: z.array(ZCode) }),
  ratioBp: z.object({ A: ZBasisPoints, B: ZBasisPoints, C: ZBasisPoints, D: ZBasisPoints }),
  flagRatioBp: z.object({ abnormalOperation: ZBasisPoints, complaint: ZBasisPoints, seriousViolation: ZBasisPoints }),
  inspectorsPerTarget: z.number().int().min(2).max(10),
  requiredQualifications: z.array(ZCode),
  matchInspectorDistrict: z.boolean(),
});
export type TDrawParameters = z.infer<typeof ZDrawParameters>;

function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const p = issue.path.map(String);
    if (p[0] === 'ratioBp' || p[0] === 'flagRatioBp') return 'ratio-out-of-range';
    return issue.code === 'too_big' ? 'too-big' : 'too-small';
  }
  return issue.code.replace(/_/g, '-');
}

/** Validated parameters with every set-valued list sorted, so equal plans serialize identically. */
export function normalizeDrawParameters(input: unknown): DrawParameters {
  const parsed = ZDrawParameters.safeParse(input);
  if (!parsed.success) {
    const errors: DrawFieldError[] = parsed.error.issues.map((issue) => ({
      path: `parameters.${issue.path.map(String).join('.')}`,
      code: issueCode(issue),
      message: issue.message,
    }));
    throw invalidDrawInput(errors);
  }
  const p = parsed.data;
  const joint = sortedSet(p.jointDepartments);
  if (joint.includes(p.department)) {
    throw invalidDrawInput([
      { path: 'parameters.jointDepartments', code: 'lead-department-repeated', message: '牵头部门不能同时作为联合部门 / the lead department cannot also join' },
    ]);
  }
  return {
    planId: p.planId,
    department: p.department,
    jointDepartments: joint,
    items: sortedSet(p.items),
    targetFilter: { industries: sortedSet(p.targetFilter.industries), districts: sortedSet(p.targetFilter.districts) },
    ratioBp: { ...p.ratioBp },
    flagRatioBp: { ...p.flagRatioBp },
    inspectorsPerTarget: p.inspectorsPerTarget,
    requiredQualifications: sortedSet(p.requiredQualifications),
    matchInspectorDistrict: p.matchInspectorDistrict,
  };
}
