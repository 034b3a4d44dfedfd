/**
 * JSON exchange: a ChecklistVersion as nested JSON. Import checks the shape (zod), then runs the same
 * level, code and parent checks as the spreadsheet import; errors name the JSON path of the node.
 */
import { z } from 'zod';
import type { ChecklistImportError, ChecklistRow, ChecklistVersion } from './checklist.types.js';
import { buildChecklistTree } from './checklist-tree.js';

const ZText = z.string().trim().min(1);
const ZCheckPoint = z.strictObject({ code: z.string(), question: ZText, basis: z.string(), reminder: z.string() });
const ZItem = z.strictObject({ code: z.string(), name: ZText, industries: z.array(z.string()), method: z.string(), points: z.array(ZCheckPoint) });
const ZCategory = z.strictObject({ code: z.string(), name: ZText, items: z.array(ZItem) });
const ZDepartment = z.strictObject({ code: z.string(), name: ZText, categories: z.array(ZCategory) });
export const ZChecklistVersion = z.strictObject({
  version: ZText,
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  departments: z.array(ZDepartment).min(1),
});

export type JsonImportResult = { ok: true; checklist: ChecklistVersion } | { ok: false; errors: ChecklistImportError[] };

export function exportChecklistJson(v: ChecklistVersion): string {
  return JSON.stringify(v, null, 2);
}

export function importChecklistJson(input: unknown): JsonImportResult {
  const parsed = ZChecklistVersion.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ row: 0, field: i.path.map(String).join('.'), code: 'invalid-shape', message: i.message })) };
  }
  const v = parsed.data;
  // Same checks as the spreadsheet: number the nodes in document order and remember each node's JSON path.
  const rows: ChecklistRow[] = [];
  const paths: string[] = [];
  const blank = { basis: '', reminder: '', industries: [] as string[], method: '' };
  v.departments.forEach((d, di) => {
    paths.push(`departments[${di}]`);
    rows.push({ ...blank, row: rows.length + 1, level: 'department', code: d.code, parentCode: '', text: d.name });
    d.categories.forEach((c, ci) => {
      paths.push(`departments[${di}].categories[${ci}]`);
      rows.push({ ...blank, row: rows.length + 1, level: 'category', code: c.code, parentCode: d.code, text: c.name });
      c.items.forEach((it, ii) => {
        paths.push(`departments[${di}].categories[${ci}].items[${ii}]`);
        rows.push({ ...blank, row: rows.length + 1, level: 'item', code: it.code, parentCode: c.code, text: it.name, industries: it.industries, method: it.method });
        it.points.forEach((p, pi) => {
          paths.push(`departments[${di}].categories[${ci}].items[${ii}].points[${pi}]`);
          rows.push({ ...blank, row: rows.length + 1, level: 'checkPoint', code: p.code, parentCode: it.code, text: p.question, basis: p.basis, reminder: p.reminder });
        });
      });
    });
  });
  const built = buildChecklistTree(rows);
  if (!built.ok) {
    return { ok: false, errors: built.errors.map((e) => ({ ...e, field: `${paths[e.row - 1]}${e.field ? '.' + e.field : ''}` })) };
  }
  return { ok: true, checklist: { version: v.version, effectiveFrom: v.effectiveFrom, departments: built.departments } };
}
