import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleChecklist } from '../checklist/checklist-sample.fixture.js';
import { evaluateSelfCheck } from './self-check.js';
import { selfCheckPdf } from './self-check.service.js';

const poppler = spawnSync('pdftotext', ['-v']).status === 0;

describe('self-check PDF', () => {
  it.skipIf(!poppler)('prints the points not met with basis and reminder (read back with poppler pdftotext)', async () => {
    const report = evaluateSelfCheck(sampleChecklist, { itemCodes: ['SJ-01-01'], answers: { 'SJ-01-01-001': 'yes', 'SJ-01-01-002': 'no' } });
    const pdf = await selfCheckPdf({ id: 'isc_1', checklistVersion: '2026-1', itemCodes: ['SJ-01-01'], answers: {}, report, createdAt: '2026-03-01T02:00:00Z' }, '莆田市荔城区永兴鞋服有限公司');
    const file = join(mkdtempSync(join(tmpdir(), 'selfcheck-')), 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('企业自查报告');
    expect(text).toContain('莆田市荔城区永兴鞋服有限公司');
    expect(text).toContain('食品经营许可证是否在有效期内？');
    expect(text).toContain('《中华人民共和国行政许可法》第五十条');
    expect(text).toContain('有效期届满三十日前申请延续。');
    expect(text).not.toContain('是否依法取得食品经营许可证？'); // met, so not in the findings
  });
});
