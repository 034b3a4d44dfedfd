import { afterAll, beforeAll, expect, it } from 'vitest';
import { plusDays, todayInChina } from '../../platform/calendar/index.js';
import type { TestApi } from '../../test/api.js';
import { describeEachDialect } from '../../test/db.js';
import { createBankruptcyTestApi, PREFIX } from './testing/bankruptcy-test-api.js';
import { acceptedCase, PDF_BYTES, uploadTo, type CaseWorld } from './testing/bankruptcy-fixtures.js';

describeEachDialect('bankruptcy cases and claims API', (dialect) => {
  let api: TestApi;
  let w: CaseWorld;
  beforeAll(async () => {
    api = await createBankruptcyTestApi(dialect);
    w = await acceptedCase(api, 'liquidation');
  });
  afterAll(() => api.close());

  it('gives the case a court-style number and its statutory deadlines', async () => {
    expect(w.caseNumber).toMatch(/^\(\d{4}\)闽0203破\d+号$/);
    const res = await w.creditors[0]!.client.get(`${PREFIX}/cases/${w.caseId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ stage: string; deadlines: { code: string; basis: { code: string } }[]; relations: string[] }>();
    expect(body.stage).toBe('accepted');
    expect(body.relations).toEqual(['public']);
    expect(body.deadlines.find((d) => d.code === 'acceptanceNotice')?.basis.code).toBe('EBL-14');
  });

  it('checks the claim period against Art. 45 when it is recorded', async () => {
    const today = todayInChina();
    const bad = await w.judge.client.post(`${PREFIX}/cases/${w.caseId}/milestones`, {
      version: w.version,
      acceptanceAnnouncedOn: plusDays(today, -45),
      claimPeriodEndsOn: plusDays(today, -30),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ code: string; basis: string }>()).toMatchObject({ code: 'statutory-deadline', basis: 'EBL-45' });
    const ok = await w.judge.client.post(`${PREFIX}/cases/${w.caseId}/milestones`, {
      version: w.version,
      acceptanceAnnouncedOn: plusDays(today, -45),
      claimPeriodEndsOn: plusDays(today, -10),
    });
    expect(ok.statusCode).toBe(200);
    w.version = ok.json<{ version: number }>().version;
    const stale = await w.judge.client.post(`${PREFIX}/cases/${w.caseId}/milestones`, { version: w.version - 1, firstMeetingOn: today });
    expect(stale.statusCode).toBe(409);
  });

  it('files a claim with evidence, flags it late (Art. 56) and puts it on the ledger', async () => {
    const c = w.creditors[0]!;
    const up = await uploadTo(c.client, '/api/v1/files', '借款合同.pdf', PDF_BYTES);
    expect(up.statusCode).toBe(201);
    const filed = await c.client.post(`${PREFIX}/cases/${w.caseId}/claims`, {
      nature: 'ordinary',
      principalFen: 12_345_600,
      interestFen: '65400',
      secured: true,
      collateralDescription: '厦门市思明区某路1号房产抵押',
      collateralValueFen: 10_000_000,
      evidenceFileIds: [up.json<{ id: string }>().id],
    });
    expect(filed.statusCode).toBe(201);
    const claim = filed.json<{ id: string; claimedFen: number; late: boolean; ledgerIndex: number; evidence: unknown[] }>();
    expect(claim.claimedFen).toBe(12_411_000);
    expect(claim.late).toBe(true);
    expect(claim.ledgerIndex).toBeGreaterThanOrEqual(0);
    expect(claim.evidence).toHaveLength(1);
    // The administrator can read the evidence file the creditor uploaded.
    const file = await w.administrator.client.get(`/api/v1/files/${up.json<{ id: string }>().id}`);
    expect(file.statusCode).toBe(200);
  });

  it('refuses a zero, negative or fractional amount with 422 naming the field', async () => {
    const c = w.creditors[1]!;
    for (const [principalFen, code] of [
      [0, 'zero'],
      [-100, 'negative'],
      [100.5, 'not-an-integer'],
      ['12.30', 'not-an-integer'],
    ] as const) {
      const res = await c.client.post(`${PREFIX}/cases/${w.caseId}/claims`, { nature: 'ordinary', principalFen, secured: false });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ code: string; errors: { path: string; code: string }[] }>()).toMatchObject({
        code: 'amount-invalid',
        errors: [{ path: 'body.principalFen', code }],
      });
    }
  });

  it('refuses evidence of a wrong type with 415', async () => {
    const c = w.creditors[1]!;
    const filed = await c.client.post(`${PREFIX}/cases/${w.caseId}/claims`, { nature: 'ordinary', principalFen: 500_000, secured: false });
    const id = filed.json<{ id: string }>().id;
    const exe = await uploadTo(c.client, `${PREFIX}/claims/${id}/evidence`, 'evidence.pdf', Buffer.from('MZ\x90\x00 not a pdf at all'));
    expect(exe.statusCode).toBe(415);
    const pdf = await uploadTo(c.client, `${PREFIX}/claims/${id}/evidence`, '对账单.pdf', PDF_BYTES);
    expect(pdf.statusCode).toBe(201);
    // Another creditor cannot add evidence to it, nor see it.
    const other = await uploadTo(w.creditors[2]!.client, `${PREFIX}/claims/${id}/evidence`, 'x.pdf', PDF_BYTES);
    expect(other.statusCode).toBe(404);
    expect((await w.creditors[2]!.client.get(`${PREFIX}/claims/${id}`)).statusCode).toBe(404);
  });

  it('reviews on the Art. 57 points and shows creditors only their own claims and the public register', async () => {
    const mine = await w.creditors[1]!.client.get(`${PREFIX}/cases/${w.caseId}/claims/mine`);
    const claim = mine.json<{ items: { id: string; version: number }[] }>().items[0]!;
    const noReason = await w.administrator.client.post(`${PREFIX}/claims/${claim.id}/review`, {
      decision: 'partlyConfirmed',
      confirmedFen: 300_000,
      points: { amount: { ok: false, note: '利息计算至受理日' } },
      version: claim.version,
    });
    expect(noReason.statusCode).toBe(422);
    const reviewed = await w.administrator.client.post(`${PREFIX}/claims/${claim.id}/review`, {
      decision: 'partlyConfirmed',
      confirmedFen: 300_000,
      points: { amount: { ok: false, note: '利息计算至受理日（第四十六条第二款）' } },
      reason: '部分款项无证据支持',
      version: claim.version,
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json<{ status: string; confirmedFen: number }>()).toMatchObject({ status: 'partlyConfirmed', confirmedFen: 300_000 });
    // A creditor may not review.
    expect((await w.creditors[1]!.client.post(`${PREFIX}/claims/${claim.id}/review`, { decision: 'confirmed', points: {}, version: 2 })).statusCode).toBe(403);
    const register = await w.creditors[2]!.client.get(`${PREFIX}/cases/${w.caseId}/claims`);
    const body = register.json<{ view: string; items: Record<string, unknown>[] }>();
    expect(body.view).toBe('public');
    expect(body.items.length).toBeGreaterThanOrEqual(2);
    expect(body.items[0]).not.toHaveProperty('evidence');
    expect(body.items[0]).not.toHaveProperty('reviewReason');
    const full = await w.judge.client.get(`${PREFIX}/cases/${w.caseId}/claims`);
    expect(full.json<{ view: string }>().view).toBe('full');
  });

  it('lists employee claims (Art. 48), masks names publicly, and lets the court confirm unopposed claims (Art. 58)', async () => {
    const listed = await w.administrator.client.post(`${PREFIX}/cases/${w.caseId}/employee-claims`, {
      items: [
        { employeeName: '陈晓明', amountFen: 1_200_000 },
        { employeeName: '林芳', amountFen: 980_000 },
      ],
    });
    expect(listed.statusCode).toBe(201);
    const register = await w.creditors[2]!.client.get(`${PREFIX}/cases/${w.caseId}/claims`);
    const names = register.json<{ items: { creditorName: string; source: string }[] }>().items.filter((i) => i.source === 'listed').map((i) => i.creditorName);
    expect(names.sort()).toEqual(['林*', '陈**']);
    const claimId = listed.json<{ items: { id: string }[] }>().items[0]!.id;
    const obj = await w.creditors[1]!.client.post(`${PREFIX}/claims/${claimId}/objections`, { reason: '工资数额与劳动合同不符' });
    expect(obj.statusCode).toBe(201);
    expect((await w.outsider.client.post(`${PREFIX}/claims/${claimId}/objections`, { reason: '无关人员异议' })).statusCode).toBe(403);
    const confirmed = await w.judge.client.post(`${PREFIX}/cases/${w.caseId}/claims/court-confirm`, { on: todayInChina() });
    expect(confirmed.statusCode).toBe(200);
    // The partly confirmed claim and the unopposed employee claim; not the objected one, not the unreviewed one.
    expect(confirmed.json<{ confirmed: number }>().confirmed).toBe(2);
  });

  it('keeps an application that is not accepted away from everyone but the court', async () => {
    const res = await w.judge.client.post(`${PREFIX}/cases`, {
      procedure: 'reorganization',
      applicantName: '债务人自行申请',
      applicantRole: 'debtor',
      debtorName: '厦门待审查有限公司',
      debtorUscc: '91350100M000100Y43',
      appliedOn: todayInChina(),
      courtCode: '闽0203',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string; applicationNumber: string }>().id;
    expect(res.json<{ applicationNumber: string }>().applicationNumber).toMatch(/破申\d+号$/);
    expect((await w.creditors[0]!.client.get(`${PREFIX}/cases/${id}`)).statusCode).toBe(404);
    expect((await w.creditors[0]!.client.post(`${PREFIX}/cases/${id}/claims`, { nature: 'ordinary', principalFen: 1, secured: false })).statusCode).toBe(404);
    const bad = await w.judge.client.post(`${PREFIX}/cases`, {
      procedure: 'liquidation',
      applicantName: '某债权人',
      applicantRole: 'creditor',
      debtorName: '某公司',
      debtorUscc: '91350100M000100Y4Z',
      appliedOn: todayInChina(),
      courtCode: '闽0203',
    });
    expect(bad.statusCode).toBe(422);
    expect((await w.creditors[0]!.client.post(`${PREFIX}/cases`, {})).statusCode).toBe(400);
  });
});
