/**
 * `.xlsx` exchange, one node per row — the format departments fill in:
 *
 *   层级 | 编码 | 上级编码 | 名称或检查内容 | 检查依据 | 提醒注意事项 | 适用行业 | 检查方式
 *
 * 层级 is 所属部门 / 抽查类别 / 抽查事项 / 检查内容及要点 (or the English identifiers); 适用行业 lists
 * GB/T 4754 codes separated by 、 , ; or spaces. A second sheet 版本 holds 版本 and 生效日期. Import checks
 * every row (checklist-tree.ts) and returns either the whole tree or every error with its row number.
 */
import ExcelJS from 'exceljs';
import type { ChecklistDepartment, ChecklistImportError, ChecklistLevel, ChecklistRow } from './checklist.types.js';
import { LEVEL_LABELS } from './checklist.types.js';
import { buildChecklistTree, flattenChecklistTree } from './checklist-tree.js';

export const SHEET_NAME = '抽查事项清单';
export const VERSION_SHEET_NAME = '版本';

const COLUMNS = [
  { key: 'level', zh: '层级', en: 'level', width: 14 },
  { key: 'code', zh: '编码', en: 'code', width: 16 },
  { key: 'parentCode', zh: '上级编码', en: 'parentCode', width: 16 },
  { key: 'text', zh: '名称或检查内容', en: 'text', width: 50 },
  { key: 'basis', zh: '检查依据', en: 'basis', width: 50 },
  { key: 'reminder', zh: '提醒注意事项', en: 'reminder', width: 40 },
  { key: 'industries', zh: '适用行业', en: 'industries', width: 14 },
  { key: 'method', zh: '检查方式', en: 'method', width: 14 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const LEVEL_BY_LABEL = new Map<string, ChecklistLevel>(
  (Object.keys(LEVEL_LABELS) as ChecklistLevel[]).flatMap((l) => [
    [LEVEL_LABELS[l].zh, l],
    [l, l],
    [l.toLowerCase(), l],
  ]),
);
LEVEL_BY_LABEL.set('检查要点', 'checkPoint');

export interface XlsxImportResult {
  ok: boolean;
  departments?: ChecklistDepartment[];
  version?: string;
  effectiveFrom?: string;
  errors: ChecklistImportError[];
}

export async function exportChecklistXlsx(departments: readonly ChecklistDepartment[], meta: { version: string; effectiveFrom: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yingshang 营商';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.zh, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of flattenChecklistTree(departments)) {
    ws.addRow({ ...r, level: LEVEL_LABELS[r.level].zh, industries: r.industries.join('、') });
  }
  const vs = wb.addWorksheet(VERSION_SHEET_NAME);
  vs.addRow(['版本', meta.version]);
  vs.addRow(['生效日期', meta.effectiveFrom]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(row: ExcelJS.Row, col: number): string {
  const cell = row.getCell(col);
  return cell.value === null || cell.value === undefined ? '' : cell.text.trim();
}

export async function importChecklistXlsx(data: Buffer): Promise<XlsxImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, errors: [{ row: 0, code: 'not-xlsx', message: '文件不是有效的 .xlsx / not a valid .xlsx file' }] };
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) return { ok: false, errors: [{ row: 0, code: 'sheet-missing', message: `缺少工作表“${SHEET_NAME}” / sheet missing` }] };

  const header = ws.getRow(1);
  const colOf = new Map<ColumnKey, number>();
  header.eachCell((cell, col) => {
    const name = cell.text.trim();
    const c = COLUMNS.find((x) => x.zh === name || x.en === name);
    if (c) colOf.set(c.key, col);
  });
  const errors: ChecklistImportError[] = [];
  for (const c of COLUMNS) {
    if (!colOf.has(c.key) && c.key !== 'industries' && c.key !== 'method') {
      errors.push({ row: 1, field: c.zh, code: 'column-missing', message: `缺少列“${c.zh}” / column ${c.en} missing` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const rows: ChecklistRow[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (k: ColumnKey) => (colOf.has(k) ? cellText(row, colOf.get(k)!) : '');
    const values = COLUMNS.map((c) => get(c.key));
    if (values.every((v) => v === '')) return;
    const levelText = get('level');
    const level = LEVEL_BY_LABEL.get(levelText);
    if (!level) {
      errors.push({ row: rowNumber, field: '层级', code: 'unknown-level', message: `层级“${levelText}”无效，应为 所属部门/抽查类别/抽查事项/检查内容及要点 / unknown level` });
    }
    rows.push({
      row: rowNumber,
      level: level ?? ('' as ChecklistLevel),
      code: get('code'),
      parentCode: get('parentCode'),
      text: get('text'),
      basis: get('basis'),
      reminder: get('reminder'),
      industries: get('industries').split(/[、,，;；\s]+/).filter((s) => s !== ''),
      method: get('method'),
    });
  });
  if (rows.length === 0) errors.push({ row: 2, code: 'empty', message: '清单没有任何数据行 / no data rows' });

  const built = buildChecklistTree(rows.filter((r) => r.level !== ('' as ChecklistLevel)));
  if (!built.ok) errors.push(...built.errors);
  // The level errors above come from rows left out of the build; keep everything in row order.
  errors.sort((a, b) => a.row - b.row);

  const vs = wb.getWorksheet(VERSION_SHEET_NAME);
  let version: string | undefined;
  let effectiveFrom: string | undefined;
  vs?.eachRow((row) => {
    const k = cellText(row, 1);
    const cell = row.getCell(2);
    const v = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cellText(row, 2);
    if (k === '版本' || k === 'version') version = v;
    if (k === '生效日期' || k === 'effectiveFrom') effectiveFrom = v;
  });
  if (errors.length > 0 || !built.ok) return { ok: false, errors };
  return { ok: true, departments: built.departments, version, effectiveFrom, errors: [] };
}
