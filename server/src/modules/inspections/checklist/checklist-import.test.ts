import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleChecklist } from './checklist-sample.fixture.js';
import { buildChecklistTree, countChecklist, flattenChecklistTree } from './checklist-tree.js';
import { exportChecklistJson, importChecklistJson } from './checklist-json.js';
import { diffChecklists, versionInEffect } from './checklist-versions.js';
import { exportChecklistXlsx, importChecklistXlsx, SHEET_NAME } from './checklist-xlsx.js';

async function sheetWith(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAME);
  ws.addRow(['层级', '编码', '上级编码', '名称或检查内容', '检查依据', '提醒注意事项', '适用行业', '检查方式']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('checklist xlsx', () => {
  it('round-trips a tree through .xlsx, keeping codes, texts and the version', async () => {
    const data = await exportChecklistXlsx(sampleChecklist, { version: '2026-1', effectiveFrom: '2026-03-01' });
    const back = await importChecklistXlsx(data);
    expect(back.errors).toEqual([]);
    expect(back.departments).toEqual(sampleChecklist);
    expect(back.version).toBe('2026-1');
    expect(back.effectiveFrom).toBe('2026-03-01');
  });

  it('reports duplicate codes, orphan nodes and missing levels with their row numbers, and imports nothing', async () => {
    const data = await sheetWith([
      ['所属部门', 'SJ', '', '莆田市市场监督管理局'], // row 2
      ['抽查类别', 'SJ-01', 'SJ', '食品销售'], // row 3
      ['抽查事项', 'SJ-01-01', 'SJ-01', '食品经营许可情况的检查', '', '', 'F52', '现场检查'], // row 4
      ['检查内容及要点', 'SJ-01-01-001', 'SJ-01-01', '是否依法取得食品经营许可证？', '《食品安全法》第三十五条', '未取得许可不得经营。'], // row 5
      ['检查内容及要点', 'SJ-01-01-001', 'SJ-01-01', '重复的要点？', '依据', '提醒'], // row 6: duplicate code
      ['检查内容及要点', 'SJ-01-09-001', 'SJ-01-09', '上级不存在的要点？', '依据', '提醒'], // row 7: orphan
      ['检查内容及要点', 'SJ-01-02', 'SJ-01', '直接挂在类别下的要点？', '依据', '提醒'], // row 8: skips the item level
      ['检查内容及要点', 'SJ-01-01-002', 'SJ-01-01', '缺少依据的要点？', '', '提醒'], // row 9: no basis (fifth level)
      ['抽查类别', 'SJ-02', 'SJ', '没有事项的类别'], // row 10: nothing below
      ['层次', 'SJ-03', 'SJ', '层级写错'], // row 11: unknown level
    ]);
    const r = await importChecklistXlsx(data);
    expect(r.ok).toBe(false);
    expect(r.departments).toBeUndefined();
    const byRow = r.errors.map((e) => [e.row, e.code]);
    expect(byRow).toEqual(
      expect.arrayContaining([
        [6, 'duplicate-code'],
        [7, 'orphan-node'],
        [8, 'missing-level'],
        [9, 'missing-level'],
        [10, 'missing-level'],
        [11, 'unknown-level'],
      ]),
    );
    expect(r.errors.find((e) => e.row === 6)?.message).toContain('第 5 行');
    // Rows 2–5 are fine and produce no errors.
    expect(r.errors.filter((e) => e.row >= 2 && e.row <= 5)).toEqual([]);
    expect(r.errors.map((e) => e.row)).toEqual([...r.errors.map((e) => e.row)].sort((a, b) => a - b));
  });

  it('reports a missing column and a file that is not xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SHEET_NAME).addRow(['层级', '编码', '名称或检查内容']);
    const r = await importChecklistXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.errors.map((e) => e.code)).toContain('column-missing');
    expect((await importChecklistXlsx(Buffer.from('not a zip'))).errors[0].code).toBe('not-xlsx');
  });
});

describe('checklist JSON', () => {
  it('round-trips and reports missing levels and duplicates by JSON path', () => {
    const v = { version: '2026-1', effectiveFrom: '2026-03-01', departments: sampleChecklist };
    expect(importChecklistJson(JSON.parse(exportChecklistJson(v)))).toEqual({ ok: true, checklist: v });
    const broken = structuredClone(v);
    broken.departments[1].categories[0].items[0].points = [];
    broken.departments[0].categories[0].items[1].code = 'SJ-01-01';
    const r = importChecklistJson(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.field, e.code])).toEqual(
        expect.arrayContaining([
          ['departments[0].categories[0].items[1].code', 'duplicate-code'],
          ['departments[1].categories[0].items[0].code', 'missing-level'],
        ]),
      );
    }
    expect(importChecklistJson({ version: 'x', effectiveFrom: '2026-3-1', departments: [] }).ok).toBe(false);
  });
});

describe('checklist tree', () => {
  it('counts levels and flattens depth first', () => {
    expect(countChecklist(sampleChecklist)).toEqual({ departments: 2, categories: 2, items: 3, checkPoints: 4 });
    const rows = flattenChecklistTree(sampleChecklist);
    expect(rows.map((r) => r.level).slice(0, 4)).toEqual(['department', 'category', 'item', 'checkPoint']);
    const rebuilt = buildChecklistTree(rows);
    expect(rebuilt.ok && rebuilt.departments).toEqual(sampleChecklist);
  });

  it('picks the version in effect by date and diffs versions by code', () => {
    const versions = [
      { version: '2025-1', effectiveFrom: '2025-01-01' },
      { version: '2026-1', effectiveFrom: '2026-03-01' },
      { version: '2026-2', effectiveFrom: '2026-09-01' },
    ];
    expect(versionInEffect(versions, '2024-12-31')).toBeUndefined();
    expect(versionInEffect(versions, '2026-03-01')?.version).toBe('2026-1');
    expect(versionInEffect(versions, '2026-08-31')?.version).toBe('2026-1');
    expect(versionInEffect(versions, '2027-01-01')?.version).toBe('2026-2');
    const next = structuredClone(sampleChecklist);
    next[0].categories[0].items[0].points[1].reminder = '有效期届满前申请延续。';
    next[1].categories[0].items[0].points.push({ code: 'XF-01-01-002', question: '是否每月至少进行一次防火检查？', basis: '《消防法》第十六条', reminder: '保留检查记录。' });
    next[0].categories[0].items.pop();
    expect(diffChecklists(sampleChecklist, next)).toEqual({
      added: ['XF-01-01-002'],
      removed: ['SJ-01-02', 'SJ-01-02-001'],
      changed: ['SJ-01-01-002'],
    });
  });
});
