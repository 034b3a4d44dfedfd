/**
 * Structural checks of the rosters before they are committed. Hand-written loops rather than a schema
 * library: a target roster can hold a million entries and this runs inside the draw's time budget.
 */
import type { DrawFieldError } from './draw-errors.js';
import { CREDIT_CLASSES, TARGET_FLAGS, type InspectorEntry, type TargetEntry } from './draw.types.js';

const MAX_ERRORS = 100;
const creditClasses = new Set<string>(CREDIT_CLASSES);
const targetFlags = new Set<string>(TARGET_FLAGS);

// Lone surrogates (no UTF-8 form) are refused by the canonical serialization itself (roster-hash.ts), which
// looks at every string anyway; checking them here too would cost another regex pass over a million entries.
function isText(v: unknown): v is string {
  return typeof v === 'string';
}

function isNonEmptyString(v: unknown): v is string {
  return isText(v) && v.length > 0;
}

function isStringArray(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (!isNonEmptyString(s)) return false;
  return true;
}

function checkDuplicates(sorted: ReadonlyArray<{ id: string }>, root: string, errors: DrawFieldError[]): void {
  for (let i = 1; i < sorted.length && errors.length < MAX_ERRORS; i++) {
    if (sorted[i].id === sorted[i - 1].id) {
      errors.push({ path: `${root}[${i}].id`, code: 'duplicate-id', message: `编号重复 / duplicate id ${sorted[i].id}` });
    }
  }
}

/**
 * Errors in a target roster given in canonical (id) order; empty when valid. `duplicates: false` skips the
 * duplicate scan when the caller checks strict id order anyway (which rules duplicates out).
 */
export function validateTargetRoster(sorted: readonly TargetEntry[], opts: { duplicates?: boolean } = {}): DrawFieldError[] {
  const errors: DrawFieldError[] = [];
  for (let i = 0; i < sorted.length && errors.length < MAX_ERRORS; i++) {
    const t = sorted[i] as Partial<TargetEntry> | undefined;
    // Fast path: a well-formed entry allocates nothing (no error paths built for a million good rows).
    if (
      t &&
      typeof t === 'object' &&
      typeof t.id === 'string' &&
      t.id.length > 0 &&
      typeof t.name === 'string' &&
      typeof t.industry === 'string' &&
      typeof t.district === 'string' &&
      t.district.length > 0 &&
      typeof t.creditClass === 'string' &&
      creditClasses.has(t.creditClass) &&
      Array.isArray(t.flags) &&
      (t.flags.length === 0 || t.flags.every((f) => targetFlags.has(f)))
    ) {
      continue;
    }
    const at = `targets[${i}]`;
    if (!t || typeof t !== 'object') {
      errors.push({ path: at, code: 'invalid-entry', message: '条目不是对象 / entry is not an object' });
      continue;
    }
    if (!isNonEmptyString(t.id)) errors.push({ path: `${at}.id`, code: 'required', message: '缺少编号 / id missing' });
    if (!isText(t.name)) errors.push({ path: `${at}.name`, code: 'required', message: '缺少名称 / name missing' });
    if (!isText(t.industry)) errors.push({ path: `${at}.industry`, code: 'required', message: '缺少行业 / industry missing' });
    if (!isNonEmptyString(t.district)) errors.push({ path: `${at}.district`, code: 'required', message: '缺少区域 / district missing' });
    if (typeof t.creditClass !== 'string' || !creditClasses.has(t.creditClass)) {
      errors.push({ path: `${at}.creditClass`, code: 'invalid-credit-class', message: '信用风险分类须为 A/B/C/D / credit class must be A–D' });
    }
    if (!Array.isArray(t.flags) || (t.flags.length > 0 && !t.flags.every((f) => targetFlags.has(f)))) {
      errors.push({ path: `${at}.flags`, code: 'invalid-flag', message: '标记无效 / unknown flag' });
    }
  }
  if (opts.duplicates !== false) checkDuplicates(sorted, 'targets', errors);
  return errors;
}

export function validateInspectorRoster(sorted: readonly InspectorEntry[]): DrawFieldError[] {
  const errors: DrawFieldError[] = [];
  for (let i = 0; i < sorted.length && errors.length < MAX_ERRORS; i++) {
    const p = sorted[i] as Partial<InspectorEntry> | undefined;
    const at = `inspectors[${i}]`;
    if (!p || typeof p !== 'object') {
      errors.push({ path: at, code: 'invalid-entry', message: '条目不是对象 / entry is not an object' });
      continue;
    }
    if (!isNonEmptyString(p.id)) errors.push({ path: `${at}.id`, code: 'required', message: '缺少编号 / id missing' });
    if (!isText(p.name)) errors.push({ path: `${at}.name`, code: 'required', message: '缺少姓名 / name missing' });
    if (!isNonEmptyString(p.department)) errors.push({ path: `${at}.department`, code: 'required', message: '缺少部门 / department missing' });
    if (!isNonEmptyString(p.district)) errors.push({ path: `${at}.district`, code: 'required', message: '缺少区域 / district missing' });
    if (!isStringArray(p.qualifications)) errors.push({ path: `${at}.qualifications`, code: 'invalid', message: '资格须为字符串数组 / qualifications must be strings' });
    if (!isStringArray(p.conflicts)) errors.push({ path: `${at}.conflicts`, code: 'invalid', message: '回避对象须为字符串数组 / conflicts must be strings' });
  }
  checkDuplicates(sorted, 'inspectors', errors);
  return errors;
}
