/**
 * Roster spreadsheets (.xlsx), the way departments keep their 检查对象名录库 and 执法检查人员名录库:
 *
 *   targets:    统一社会信用代码 | 名称 | 行业代码 | 区域代码 | 信用风险分类 | 投诉举报 | 经营异常 | 严重违法
 *   inspectors: 执法证号 | 姓名 | 部门编码 | 区域代码 | 执法资格 | 回避对象 | 登录账号
 *
 * Flags are 是/否; lists are separated by 、 , ; or spaces. Every row is checked; any error → the whole sheet
 * is refused with every error and its row number (nothing is imported).
 */
import ExcelJS from 'exceljs';
import { isValidUscc } from '../../../platform/identity/uscc.js';
import { CREDIT_CLASSES, type CreditClass, type InspectorEntry, type TargetEntry, type TargetFlag } from '../draw/draw.types.js';

export interface RosterImportError {
  row: number;
  field?: string;
  code: string;
  message: string;
}

export interface InspectorRow extends InspectorEntry {
  /** Username of the inspector's account, if any. */
  username: string;
}

export type RosterParse<T> = { ok: true; rows: T[] } | { ok: false; errors: RosterImportError[] };

export const TARGET_COLUMNS = ['统一社会信用代码', '名称', '行业代码', '区域代码', '信用风险分类', '投诉举报', '经营异常', '严重违法'] as const;
export const INSPECTOR_COLUMNS = ['执法证号', '姓名', '部门编码', '区域代码', '执法资格', '回避对象', '登录账号'] as const;

const INDUSTRY = /^[A-T](\d{2,4})?$/;
const DISTRICT = /^\d{6}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const YES = new Set(['是', 'Y', 'y', 'yes', '1', 'TRUE', 'true']);
const NO = new Set(['', '否', 'N', 'n', 'no', '0', 'FALSE', 'false']);

function list(s: string): string[] {
  return [...new Set(s.split(/[、,，;；\s]+/).filter((x) => x !== ''))];
}

async function readSheet(data: Buffer, columns: readonly string[]): Promise<{ rows: Array<{ row: number; cells: Record<string, string> }>; errors: RosterImportError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return { rows: [], errors: [{ row: 0, code: 'not-xlsx', message: '文件不是有效的 .xlsx / not a valid .xlsx file' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ row: 0, code: 'sheet-missing', message: '没有工作表 / no worksheet' }] };
  const colOf = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => colOf.set(cell.text.trim(), col));
  const missing = columns.filter((c) => !colOf.has(c));
  if (missing.length > 0) {
    return { rows: [], errors: missing.map((c) => ({ row: 1, field: c, code: 'column-missing', message: `缺少列“${c}” / column missing` })) };
  }
  const rows: Array<{ row: number; cells: Record<string, string> }> = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    for (const c of columns) {
      const cell = row.getCell(colOf.get(c)!);
      cells[c] = cell.value === null || cell.value === undefined ? '' : cell.text.trim();
    }
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) return { rows, errors: [{ row: 2, code: 'empty', message: '没有数据行 / no data rows' }] };
  return { rows, errors: [] };
}

function flag(value: string, row: number, field: string, errors: RosterImportError[]): boolean {
  if (YES.has(value)) return true;
  if (!NO.has(value)) errors.push({ row, field, code: 'invalid-flag', message: `“${value}”应为“是”或“否” / must be 是 or 否` });
  return false;
}

export async function parseTargetsXlsx(data: Buffer): Promise<RosterParse<TargetEntry>> {
  const sheet = await readSheet(data, TARGET_COLUMNS);
  if (sheet.errors.length > 0) return { ok: false, errors: sheet.errors };
  const errors: RosterImportError[] = [];
  const seen = new Map<string, number>();
  const rows: TargetEntry[] = [];
  for (const { row, cells } of sheet.rows) {
    const id = cells['统一社会信用代码'].toUpperCase();
    if (!isValidUscc(id)) errors.push({ row, field: '统一社会信用代码', code: 'invalid-uscc', message: `统一社会信用代码“${id}”无效 / invalid uscc` });
    const first = seen.get(id);
    if (first !== undefined) errors.push({ row, field: '统一社会信用代码', code: 'duplicate-id', message: `与第 ${first} 行重复 / duplicate of row ${first}` });
    else seen.set(id, row);
    if (cells['名称'] === '') errors.push({ row, field: '名称', code: 'required', message: '名称为空 / name missing' });
    if (!INDUSTRY.test(cells['行业代码'])) errors.push({ row, field: '行业代码', code: 'invalid-industry', message: '行业代码应为 GB/T 4754 代码，如 H62 / GB/T 4754 code' });
    if (!DISTRICT.test(cells['区域代码'])) errors.push({ row, field: '区域代码', code: 'invalid-district', message: '区域代码应为 6 位行政区划代码 / 6-digit division code' });
    const cls = cells['信用风险分类'].toUpperCase();
    if (!CREDIT_CLASSES.includes(cls as CreditClass)) errors.push({ row, field: '信用风险分类', code: 'invalid-credit-class', message: '信用风险分类应为 A/B/C/D / credit class A–D' });
    const flags: TargetFlag[] = [];
    if (flag(cells['投诉举报'], row, '投诉举报', errors)) flags.push('complaint');
    if (flag(cells['经营异常'], row, '经营异常', errors)) flags.push('abnormalOperation');
    if (flag(cells['严重违法'], row, '严重违法', errors)) flags.push('seriousViolation');
    rows.push({ id, name: cells['名称'], industry: cells['行业代码'], district: cells['区域代码'], creditClass: cls as CreditClass, flags: flags.sort() });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

export async function parseInspectorsXlsx(data: Buffer): Promise<RosterParse<InspectorRow>> {
  const sheet = await readSheet(data, INSPECTOR_COLUMNS);
  if (sheet.errors.length > 0) return { ok: false, errors: sheet.errors };
  const errors: RosterImportError[] = [];
  const seen = new Map<string, number>();
  const rows: InspectorRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const id = cells['执法证号'];
    if (!CODE.test(id)) errors.push({ row, field: '执法证号', code: 'invalid-id', message: '执法证号应为字母、数字、点或横线 / invalid certificate number' });
    const first = seen.get(id);
    if (first !== undefined) errors.push({ row, field: '执法证号', code: 'duplicate-id', message: `与第 ${first} 行重复 / duplicate of row ${first}` });
    else seen.set(id, row);
    if (cells['姓名'] === '') errors.push({ row, field: '姓名', code: 'required', message: '姓名为空 / name missing' });
    if (!CODE.test(cells['部门编码'])) errors.push({ row, field: '部门编码', code: 'invalid-department', message: '部门编码无效 / invalid department code' });
    if (!DISTRICT.test(cells['区域代码'])) errors.push({ row, field: '区域代码', code: 'invalid-district', message: '区域代码应为 6 位行政区划代码 / 6-digit division code' });
    const conflicts = list(cells['回避对象']).map((c) => c.toUpperCase());
    for (const c of conflicts) {
      if (!isValidUscc(c)) errors.push({ row, field: '回避对象', code: 'invalid-uscc', message: `回避对象“${c}”不是有效的统一社会信用代码 / invalid uscc` });
    }
    rows.push({
      id,
      name: cells['姓名'],
      department: cells['部门编码'],
      district: cells['区域代码'],
      qualifications: list(cells['执法资格']).sort(),
      conflicts: conflicts.sort(),
      username: cells['登录账号'],
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** Write a roster sheet (for templates, exports and tests). */
export async function writeRosterXlsx(columns: readonly string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录库');
  ws.addRow([...columns]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 20));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function targetToRow(t: TargetEntry): string[] {
  const yes = (f: TargetFlag) => (t.flags.includes(f) ? '是' : '否');
  return [t.id, t.name, t.industry, t.district, t.creditClass, yes('complaint'), yes('abnormalOperation'), yes('seriousViolation')];
}

export function inspectorToRow(p: InspectorEntry & { username?: string }): string[] {
  return [p.id, p.name, p.department, p.district, p.qualifications.join('、'), p.conflicts.join('、'), p.username ?? ''];
}
