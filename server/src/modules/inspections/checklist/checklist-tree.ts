/**
 * From rows to the tree and back, with the import checks: duplicate codes, orphan nodes (the parent code does
 * not exist), missing levels (a node whose parent is not exactly one level up, a department, category or item
 * with nothing under it, a check point without its basis or reminder). Every error carries its row number;
 * when there is any error no tree is returned, so nothing is imported.
 */
import type { ChecklistCounts, ChecklistDepartment, ChecklistImportError, ChecklistItem, ChecklistLevel, ChecklistRow, ChecklistCategory } from './checklist.types.js';
import { CHECKLIST_LEVELS, LEVEL_LABELS } from './checklist.types.js';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const DEPTH: Record<ChecklistLevel, number> = { department: 0, category: 1, item: 2, checkPoint: 3 };

export type BuildResult = { ok: true; departments: ChecklistDepartment[] } | { ok: false; errors: ChecklistImportError[] };

function label(level: ChecklistLevel): string {
  return `${LEVEL_LABELS[level].zh}（${LEVEL_LABELS[level].en}）`;
}

function checkRowFields(r: ChecklistRow, errors: ChecklistImportError[]): void {
  if (!CHECKLIST_LEVELS.includes(r.level)) {
    errors.push({ row: r.row, field: 'level', code: 'unknown-level', message: `层级无效 / unknown level "${String(r.level)}"` });
  }
  if (!CODE_PATTERN.test(r.code)) {
    errors.push({ row: r.row, field: 'code', code: r.code === '' ? 'code-missing' : 'code-invalid', message: `编码须为字母、数字、点、横线（最长 64 位）/ invalid code "${r.code}"` });
  }
  if (r.text.trim() === '') errors.push({ row: r.row, field: 'text', code: 'text-missing', message: '名称或内容为空 / name or question missing' });
  if (r.level === 'department' && r.parentCode !== '') {
    errors.push({ row: r.row, field: 'parentCode', code: 'department-has-parent', message: '所属部门不应有上级编码 / a department has no parent' });
  }
  if (r.level !== 'department' && r.level !== undefined && r.parentCode === '') {
    errors.push({ row: r.row, field: 'parentCode', code: 'parent-missing', message: `${label(r.level)}缺少上级编码 / parent code missing` });
  }
  if (r.level === 'checkPoint') {
    // The fifth level: every check point states its basis and a reminder.
    if (r.basis.trim() === '') errors.push({ row: r.row, field: 'basis', code: 'missing-level', message: '缺少第五层级“检查依据” / basis missing' });
    if (r.reminder.trim() === '') errors.push({ row: r.row, field: 'reminder', code: 'missing-level', message: '缺少第五层级“提醒注意事项” / reminder missing' });
  }
}

export function buildChecklistTree(rows: readonly ChecklistRow[]): BuildResult {
  const errors: ChecklistImportError[] = [];
  const byCode = new Map<string, ChecklistRow>();
  for (const r of rows) {
    checkRowFields(r, errors);
    const first = byCode.get(r.code);
    if (first && r.code !== '') {
      errors.push({ row: r.row, field: 'code', code: 'duplicate-code', message: `编码 ${r.code} 与第 ${first.row} 行重复 / duplicate of row ${first.row}` });
    } else if (r.code !== '') {
      byCode.set(r.code, r);
    }
  }

  const children = new Map<string, ChecklistRow[]>();
  for (const r of rows) {
    if (r.level === 'department' || r.parentCode === '' || byCode.get(r.code) !== r) continue;
    const parent = byCode.get(r.parentCode);
    if (!parent) {
      errors.push({ row: r.row, field: 'parentCode', code: 'orphan-node', message: `上级编码 ${r.parentCode} 不存在 / parent ${r.parentCode} not found` });
      continue;
    }
    if (DEPTH[parent.level] !== DEPTH[r.level] - 1) {
      const expected = CHECKLIST_LEVELS[DEPTH[r.level] - 1];
      errors.push({
        row: r.row,
        field: 'parentCode',
        code: 'missing-level',
        message: `${label(r.level)}的上级应为${label(expected)}，第 ${parent.row} 行是${label(parent.level)} / the parent must be one level up`,
      });
      continue;
    }
    let list = children.get(parent.code);
    if (!list) children.set(parent.code, (list = []));
    list.push(r);
  }

  for (const r of byCode.values()) {
    if (r.level !== 'checkPoint' && CHECKLIST_LEVELS.includes(r.level) && !children.has(r.code)) {
      const below = CHECKLIST_LEVELS[DEPTH[r.level] + 1];
      errors.push({ row: r.row, field: 'code', code: 'missing-level', message: `${label(r.level)} ${r.code} 下没有${label(below)} / nothing at the next level` });
    }
  }

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };

  const kids = (code: string) => children.get(code) ?? [];
  const departments: ChecklistDepartment[] = rows
    .filter((r) => r.level === 'department')
    .map((d) => ({
      code: d.code,
      name: d.text.trim(),
      categories: kids(d.code).map(
        (c): ChecklistCategory => ({
          code: c.code,
          name: c.text.trim(),
          items: kids(c.code).map(
            (i): ChecklistItem => ({
              code: i.code,
              name: i.text.trim(),
              industries: i.industries,
              method: i.method.trim(),
              points: kids(i.code).map((p) => ({ code: p.code, question: p.text.trim(), basis: p.basis.trim(), reminder: p.reminder.trim() })),
            }),
          ),
        }),
      ),
    }));
  return { ok: true, departments };
}

/** The rows of a tree, depth first, numbered from `firstRow` (2 when row 1 holds the headers). */
export function flattenChecklistTree(departments: readonly ChecklistDepartment[], firstRow = 2): ChecklistRow[] {
  const rows: ChecklistRow[] = [];
  const push = (r: Omit<ChecklistRow, 'row'>) => rows.push({ row: firstRow + rows.length, ...r });
  const blank = { basis: '', reminder: '', industries: [] as string[], method: '' };
  for (const d of departments) {
    push({ ...blank, level: 'department', code: d.code, parentCode: '', text: d.name });
    for (const c of d.categories) {
      push({ ...blank, level: 'category', code: c.code, parentCode: d.code, text: c.name });
      for (const i of c.items) {
        push({ ...blank, level: 'item', code: i.code, parentCode: c.code, text: i.name, industries: i.industries, method: i.method });
        for (const p of i.points) {
          push({ ...blank, level: 'checkPoint', code: p.code, parentCode: i.code, text: p.question, basis: p.basis, reminder: p.reminder });
        }
      }
    }
  }
  return rows;
}

export function countChecklist(departments: readonly ChecklistDepartment[]): ChecklistCounts {
  let categories = 0;
  let items = 0;
  let checkPoints = 0;
  for (const d of departments) {
    categories += d.categories.length;
    for (const c of d.categories) {
      items += c.items.length;
      for (const i of c.items) checkPoints += i.points.length;
    }
  }
  return { departments: departments.length, categories, items, checkPoints };
}
