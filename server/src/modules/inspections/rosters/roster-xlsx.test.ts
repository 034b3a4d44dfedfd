import { describe, expect, it } from 'vitest';
import { withUsccCheckChar } from '../../../platform/identity/uscc.js';
import { INSPECTOR_COLUMNS, parseInspectorsXlsx, parseTargetsXlsx, TARGET_COLUMNS, writeRosterXlsx } from './roster-xlsx.js';

const u1 = withUsccCheckChar('91350302MA2Y00001');
const u2 = withUsccCheckChar('91350303MA2Y00002');

describe('roster spreadsheets', () => {
  it('reads targets with flags and credit classes', async () => {
    const data = await writeRosterXlsx(TARGET_COLUMNS, [
      [u1, '莆田市城厢区兴隆商行', 'F52', '350302', 'b', '是', '否', ''],
      [u2, '莆田市涵江区鸿福餐饮店', 'H62', '350303', 'D', '', '是', '是'],
    ]);
    const r = await parseTargetsXlsx(data);
    expect(r).toEqual({
      ok: true,
      rows: [
        { id: u1, name: '莆田市城厢区兴隆商行', industry: 'F52', district: '350302', creditClass: 'B', flags: ['complaint'] },
        { id: u2, name: '莆田市涵江区鸿福餐饮店', industry: 'H62', district: '350303', creditClass: 'D', flags: ['abnormalOperation', 'seriousViolation'] },
      ],
    });
  });

  it('lists every bad row and imports nothing', async () => {
    const data = await writeRosterXlsx(TARGET_COLUMNS, [
      [u1, '甲', 'F52', '350302', 'A', '', '', ''],
      [u1, '乙', 'F52', '350302', 'A', '', '', ''], // row 3: duplicate
      ['91350302MA2Y00001X', '丙', 'Z9', '3503', 'E', '可能', '', ''], // row 4: bad uscc, industry, district, class, flag
    ]);
    const r = await parseTargetsXlsx(data);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.row, e.code])).toEqual([
        [3, 'duplicate-id'],
        [4, 'invalid-uscc'],
        [4, 'invalid-industry'],
        [4, 'invalid-district'],
        [4, 'invalid-credit-class'],
        [4, 'invalid-flag'],
      ]);
    }
  });

  it('reads inspectors with qualifications, conflicts and accounts', async () => {
    const data = await writeRosterXlsx(INSPECTOR_COLUMNS, [['ZF-001', '林海', 'SJ', '350302', '食品、特种设备', `${u2}、${u1}`, 'inspector1']]);
    const r = await parseInspectorsXlsx(data);
    expect(r).toEqual({
      ok: true,
      rows: [{ id: 'ZF-001', name: '林海', department: 'SJ', district: '350302', qualifications: ['特种设备', '食品'].sort(), conflicts: [u1, u2].sort(), username: 'inspector1' }],
    });
    const bad = await parseInspectorsXlsx(await writeRosterXlsx(INSPECTOR_COLUMNS.slice(0, 3), [['ZF-1', '林', 'SJ']]));
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(['column-missing', 'column-missing', 'column-missing', 'column-missing']);
  });
});
