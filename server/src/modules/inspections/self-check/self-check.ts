/**
 * Enterprise self-check (照单自己管): the firm picks the checklist items that apply to it, answers each check
 * point yes (met) or no (not met), and gets a report listing the points not met with their basis and reminder,
 * so it can put things right before any inspection.
 */
import type { ChecklistDepartment } from '../checklist/checklist.types.js';

export type SelfCheckAnswer = 'yes' | 'no';

export interface SelfCheckInput {
  itemCodes: string[];
  /** Check point code → answer. Points left out are reported as unanswered. */
  answers: Record<string, SelfCheckAnswer>;
}

export interface SelfCheckFinding {
  pointCode: string;
  question: string;
  basis: string;
  reminder: string;
  itemCode: string;
  itemName: string;
  categoryName: string;
  departmentName: string;
}

export interface SelfCheckItemSummary {
  code: string;
  name: string;
  categoryName: string;
  departmentName: string;
  points: number;
  met: number;
  notMet: number;
}

export interface SelfCheckReport {
  items: SelfCheckItemSummary[];
  pointCount: number;
  met: number;
  notMet: SelfCheckFinding[];
  unanswered: string[];
  /** All points answered. */
  complete: boolean;
}

export interface SelfCheckIssue {
  path: string;
  code: string;
  message: string;
}

export class SelfCheckError extends Error {
  readonly status = 422;
  readonly code = 'self-check-invalid';

  constructor(readonly errors: SelfCheckIssue[]) {
    super(`自查内容有误 / invalid self-check: ${errors[0]?.message ?? ''}`);
    this.name = 'SelfCheckError';
  }
}

export function evaluateSelfCheck(departments: readonly ChecklistDepartment[], input: SelfCheckInput): SelfCheckReport {
  const items = new Map<string, { item: ChecklistDepartment['categories'][number]['items'][number]; categoryName: string; departmentName: string }>();
  for (const d of departments) for (const c of d.categories) for (const i of c.items) items.set(i.code, { item: i, categoryName: c.name, departmentName: d.name });

  const errors: SelfCheckIssue[] = [];
  const chosen = [...new Set(input.itemCodes)];
  if (chosen.length === 0) errors.push({ path: 'itemCodes', code: 'no-items', message: '请至少选择一个抽查事项 / choose at least one item' });
  chosen.forEach((code, k) => {
    if (!items.has(code)) errors.push({ path: `itemCodes[${k}]`, code: 'unknown-item', message: `抽查事项 ${code} 不存在 / unknown item` });
  });
  const inScope = new Set(chosen.flatMap((c) => items.get(c)?.item.points.map((p) => p.code) ?? []));
  for (const [code, answer] of Object.entries(input.answers)) {
    if (answer !== 'yes' && answer !== 'no') errors.push({ path: `answers.${code}`, code: 'invalid-answer', message: '答案须为“是”或“否” / answer must be yes or no' });
    if (!inScope.has(code)) errors.push({ path: `answers.${code}`, code: 'point-not-in-items', message: `检查要点 ${code} 不属于所选事项 / not in the chosen items` });
  }
  if (errors.length > 0) throw new SelfCheckError(errors);

  const report: SelfCheckReport = { items: [], pointCount: 0, met: 0, notMet: [], unanswered: [], complete: false };
  for (const code of chosen) {
    const { item, categoryName, departmentName } = items.get(code)!;
    const summary: SelfCheckItemSummary = { code, name: item.name, categoryName, departmentName, points: item.points.length, met: 0, notMet: 0 };
    for (const p of item.points) {
      report.pointCount++;
      const a = input.answers[p.code];
      if (a === 'yes') {
        summary.met++;
        report.met++;
      } else if (a === 'no') {
        summary.notMet++;
        report.notMet.push({ pointCode: p.code, question: p.question, basis: p.basis, reminder: p.reminder, itemCode: code, itemName: item.name, categoryName, departmentName });
      } else {
        report.unanswered.push(p.code);
      }
    }
    report.items.push(summary);
  }
  report.complete = report.unanswered.length === 0;
  return report;
}
