/**
 * Versions by effective date. The checklist in force on a day is the version with the latest effectiveFrom on
 * or before that day; codes are stable across versions, so a diff by code shows what a new version changes.
 */
import type { ChecklistDepartment, ChecklistVersion } from './checklist.types.js';
import { flattenChecklistTree } from './checklist-tree.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function versionInEffect<T extends Pick<ChecklistVersion, 'effectiveFrom'>>(versions: readonly T[], day: string): T | undefined {
  if (!DAY.test(day)) throw new RangeError(`day must be YYYY-MM-DD, got ${day}`);
  let best: T | undefined;
  for (const v of versions) {
    // ISO dates compare correctly as strings.
    if (v.effectiveFrom <= day && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  return best;
}

export interface ChecklistDiff {
  added: string[];
  removed: string[];
  /** Codes whose text, basis, reminder, parent, industries or method changed. */
  changed: string[];
}

export function diffChecklists(before: readonly ChecklistDepartment[], after: readonly ChecklistDepartment[]): ChecklistDiff {
  const key = (r: ReturnType<typeof flattenChecklistTree>[number]) =>
    JSON.stringify([r.level, r.parentCode, r.text, r.basis, r.reminder, r.industries, r.method]);
  const a = new Map(flattenChecklistTree(before).map((r) => [r.code, key(r)]));
  const b = new Map(flattenChecklistTree(after).map((r) => [r.code, key(r)]));
  return {
    added: [...b.keys()].filter((c) => !a.has(c)),
    removed: [...a.keys()].filter((c) => !b.has(c)),
    changed: [...b.keys()].filter((c) => a.has(c) && a.get(c) !== b.get(c)),
  };
}
