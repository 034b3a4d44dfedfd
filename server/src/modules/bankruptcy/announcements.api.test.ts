import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../platform/calendar/index.js';
import type { TestApi } from '../../test/api.js';
import { describeEachDialect } from '../../test/db.js';
import { createBankruptcyTestApi, PREFIX } from './testing/bankruptcy-test-api.js';
import { acceptedCase, type CaseWorld } from './testing/bankruptcy-fixtures.js';

describeEachDialect('bankruptcy announcements API', (dialect) => {
  let api: TestApi;
  let w: CaseWorld;
  beforeAll(async () => {
    api = await createBankruptcyTestApi(dialect);
    w = await acceptedCase(api, 'liquidation', 1);
  });
  afterAll(() => api.close());

  it('publishes with a PDF whose hash is on the ledger, public to anyone, searchable', async () => {
    const res = await w.judge.client.post(`${PREFIX}/cases/${w.caseId}/announcements`, {
      kind: 'acceptance',
      title: '受理破产清算申请公告',
      body: `本院根据债权人的申请，裁定受理债务人破产清算一案，并指定管理人。\n\n债权人应自公告之日起三十日内向管理人申报债权，并可通过“易破”平台在线申报。`,
    });
    expect(res.statusCode).toBe(201);
    const a = res.json<{ id: string; pdfSha256: string; ledgerIndex: number; issuerKind: string }>();
    expect(a.issuerKind).toBe('court');

    // Anonymous visitors find it and download the PDF; the bytes hash to the recorded value.
    const list = await api.anonymous.get(`${PREFIX}/announcements?q=${encodeURIComponent('受理')}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(a.id);
    const pdf = await api.anonymous.get(`${PREFIX}/announcements/${a.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(a.pdfSha256);

    // Independent check of the content with poppler's pdftotext.
    const dir = mkdtempSync(join(tmpdir(), 'bk-ann-'));
    writeFileSync(join(dir, 'a.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('受理破产清算申请公告');
    expect(text.replace(/\s/g, '')).toContain(w.caseNumber);

    // The ledger leaf carries the same document hash.
    const receipt = await w.judge.client.get(`/api/v1/ledger/receipts/${a.ledgerIndex}`);
    expect(receipt.statusCode).toBe(200);
    expect(JSON.parse(receipt.json<{ leaf: string }>().leaf)).toMatchObject({ type: 'bankruptcy.announcement.published', documentSha256: a.pdfSha256 });

    // Publishing the acceptance records the announcement date; the fixture's case was accepted 50 days ago,
    // so the Art. 14 deadline (25 days) shows as missed, not open.
    const theCase = await w.judge.client.get(`${PREFIX}/cases/${w.caseId}`);
    const body = theCase.json<{ dates: { acceptanceAnnouncedOn: string }; deadlines: { code: string; status: string }[] }>();
    expect(body.dates.acceptanceAnnouncedOn).toBe(todayInChina());
    expect(body.deadlines.find((d) => d.code === 'acceptanceNotice')?.status).toBe('missed');
  });

  it('lets only the court or the administrator of the case publish', async () => {
    const res = await w.creditors[0]!.client.post(`${PREFIX}/cases/${w.caseId}/announcements`, { kind: 'other', title: '冒充公告', body: '不应发布' });
    expect(res.statusCode).toBe(403);
    const admin = await w.administrator.client.post(`${PREFIX}/cases/${w.caseId}/announcements`, { kind: 'auction', title: '拍卖公告', body: '管理人将通过网络司法拍卖平台拍卖债务人名下房产。' });
    expect(admin.statusCode).toBe(201);
    expect(admin.json<{ issuerKind: string }>().issuerKind).toBe('administrator');
    expect((await api.anonymous.get(`${PREFIX}/announcements/nope`)).statusCode).toBe(404);
  });
});
