import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { plusDays, todayInChina } from '../../platform/calendar/index.js';
import { createTestOrganization, createTestUser, type TestApi } from '../../test/api.js';
import { describeEachDialect } from '../../test/db.js';
import { bankruptcyRoles } from './bankruptcy.policy.js';
import { createBankruptcyTestApi, PREFIX } from './testing/bankruptcy-test-api.js';
import { acceptedCase, confirmedClaim, type CaseWorld } from './testing/bankruptcy-fixtures.js';

describeEachDialect('bankruptcy distribution, funds, assets, investors, registry and indicators API', (dialect) => {
  let api: TestApi;
  let w: CaseWorld;
  const claims: Record<string, string> = {};
  beforeAll(async () => {
    api = await createBankruptcyTestApi(dialect);
    w = await acceptedCase(api, 'liquidation', 3);
    claims.bank = await confirmedClaim(w, w.creditors[0]!, 1_000_000, { secured: true, collateralDescription: '厂房', collateralValueFen: 600_000 });
    claims.supplier = await confirmedClaim(w, w.creditors[1]!, 400_000);
    claims.tax = await confirmedClaim(w, w.creditors[2]!, 100_000, { nature: 'tax' });
  });
  afterAll(() => api.close());

  it('computes a distribution plan from the register with the secured shortfall as ordinary, and a PDF', async () => {
    const res = await w.administrator.client.post(`${PREFIX}/cases/${w.caseId}/distribution-plans`, {
      freeEstateFen: 500_000,
      collaterals: [{ collateralId: 'plant', realizedFen: 600_000, claimIds: [claims.bank] }],
      expenses: [{ id: 'court-fee', label: '案件受理费', amountFen: 50_000 }],
      commonBenefitDebts: [{ id: 'guard', label: '看护费', amountFen: 50_000 }],
    });
    expect(res.statusCode).toBe(201);
    const plan = res.json<{ id: string; round: number; pdfSha256: string; estateFen: number; tiers: { tier: string; allowedFen: number; payFen: number }[]; claims: { claimId: string; payFen: number }[] }>();
    expect(plan.round).toBe(1);
    expect(plan.estateFen).toBe(1_100_000);
    // 500,000 − 100,000 debts = 400,000: tax 100,000 in full, then 300,000 over 400,000 shortfall + 400,000.
    expect(plan.tiers.map((t) => [t.tier, t.allowedFen, t.payFen])).toEqual([
      ['employee', 0, 0],
      ['socialInsuranceAndTax', 100_000, 100_000],
      ['ordinary', 800_000, 300_000],
    ]);
    const bank = plan.claims.find((c) => c.claimId === claims.bank)!;
    expect(bank.payFen).toBe(600_000 + 150_000);

    // A creditor sees its own line only; the PDF hashes to the recorded value.
    const mine = await w.creditors[1]!.client.get(`${PREFIX}/distribution-plans/${plan.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ claims: { claimId: string; payFen: number }[] }>().claims).toEqual([expect.objectContaining({ claimId: claims.supplier, payFen: 150_000 })]);
    expect((await w.outsider.client.get(`${PREFIX}/distribution-plans/${plan.id}`)).statusCode).toBe(403);
    const pdf = await w.creditors[1]!.client.get(`${PREFIX}/distribution-plans/${plan.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(plan.pdfSha256);

    const bad = await w.administrator.client.post(`${PREFIX}/cases/${w.caseId}/distribution-plans`, { freeEstateFen: -1, expenses: [], commonBenefitDebts: [] });
    expect(bad.statusCode).toBe(422);
  });

  it('holds a disbursement above the threshold for the judge, executes it, and reconciles a statement', async () => {
    const admin = w.administrator.client;
    expect((await admin.post(`${PREFIX}/cases/${w.caseId}/funds/receipts`, { direction: 'in', amountFen: 20_000_000, occurredOn: todayInChina(), counterparty: '厦门某拍卖有限公司', purpose: '房产拍卖款', bankReference: 'TX-IN-1' })).statusCode).toBe(201);
    const small = await admin.post(`${PREFIX}/cases/${w.caseId}/funds/disbursements`, { amountFen: 100_000, payee: '某评估公司', purpose: '评估费' });
    expect(small.json<{ status: string; needsApproval: boolean }>()).toMatchObject({ status: 'approved', needsApproval: false });
    const big = await admin.post(`${PREFIX}/cases/${w.caseId}/funds/disbursements`, { amountFen: 6_000_000, payee: '某律师事务所', purpose: '诉讼代理费' });
    const b = big.json<{ id: string; status: string; version: number }>();
    expect(b.status).toBe('requested');
    const early = await admin.post(`${PREFIX}/disbursements/${b.id}/execute`, { executedOn: todayInChina(), bankReference: 'TX-OUT-2', version: b.version });
    expect(early.statusCode).toBe(409);
    expect((await admin.post(`${PREFIX}/disbursements/${b.id}/decision`, { approve: true, version: b.version })).statusCode).toBe(403);
    const approved = await w.judge.client.post(`${PREFIX}/disbursements/${b.id}/decision`, { approve: true, note: '同意', version: b.version });
    expect(approved.statusCode).toBe(200);
    const a = approved.json<{ version: number }>();
    const done = await admin.post(`${PREFIX}/disbursements/${b.id}/execute`, { executedOn: todayInChina(), bankReference: 'TX-OUT-2', version: a.version });
    expect(done.statusCode).toBe(200);
    expect(done.json<{ status: string; ledgerIndex: number }>().status).toBe('executed');

    const csv = `date,direction,amount,counterparty,reference,purpose\n${todayInChina()},in,200000.00,厦门某拍卖有限公司,TX-IN-1,拍卖款\n${todayInChina()},out,60000.00,某律师事务所,TX-OUT-2,代理费\n${todayInChina()},out,12.34,银行,FEE-9,手续费\n`;
    const rec = await admin.post(`${PREFIX}/cases/${w.caseId}/funds/statements`, { csv });
    expect(rec.statusCode).toBe(200);
    expect(rec.json<{ matched: number; unrecordedOnStatement: { amountFen: number }[] }>()).toMatchObject({ matched: 2, unrecordedOnStatement: [{ amountFen: 1234 }] });
    const overview = await w.judge.client.get(`${PREFIX}/cases/${w.caseId}/funds`);
    expect(overview.json<{ balanceFen: number; unreconciled: number }>()).toEqual(expect.objectContaining({ balanceFen: 20_000_000 - 6_000_000 - 1234, unreconciled: 0 }));
    expect((await w.creditors[0]!.client.get(`${PREFIX}/cases/${w.caseId}/funds`)).statusCode).toBe(403);
  });

  it('registers assets, investigations and auctions with the premium rate in the indicators', async () => {
    const admin = w.administrator.client;
    const asset = await admin.post(`${PREFIX}/cases/${w.caseId}/assets`, { assetType: 'realEstate', name: '思明区某路1号厂房', valuationFen: 80_000_000 });
    expect(asset.statusCode).toBe(201);
    const inv = await admin.post(`${PREFIX}/cases/${w.caseId}/investigations`, { department: 'vehicles', requestText: '请协助查询债务人名下机动车登记信息' });
    expect((await admin.post(`${PREFIX}/investigations/${inv.json<{ id: string }>().id}/answer`, { answerText: '名下登记机动车2辆' })).statusCode).toBe(200);
    const auction = await admin.post(`${PREFIX}/assets/${asset.json<{ id: string }>().id}/auctions`, { startPriceFen: 56_000_000, auctionOn: todayInChina() });
    const sold = await admin.post(`${PREFIX}/auctions/${auction.json<{ id: string }>().id}/result`, { sold: true, salePriceFen: 75_600_000 });
    expect(sold.json<{ premiumRateBp: number }>().premiumRateBp).toBe(3500);
    const ind = await w.judge.client.get(`${PREFIX}/cases/${w.caseId}/indicators`);
    expect(ind.statusCode).toBe(200);
    const body = ind.json<{ duration: { days: number; ongoing: boolean }; costRatioBp: number; auctions: { meanBp: number }; recovery: { bySource: { source: string; rateBp: number | null }[] } }>();
    expect(body.duration).toMatchObject({ days: 50, ongoing: true });
    expect(body.costRatioBp).toBe(909); // 100,000 of 1,100,000
    expect(body.auctions.meanBp).toBe(3500);
    expect(body.recovery.bySource.find((s) => s.source === 'socialInsuranceAndTax')?.rateBp).toBe(10_000);
  });

  it('records investor registration with the undertaking, and the court statistics with deadlines at risk', async () => {
    const org = await createTestOrganization(api.db, 'enterprise');
    const user = await createTestUser(api.db, api.config, { organizationId: org.id, roles: [bankruptcyRoles.investor] });
    const investor = await api.login(user.username);
    expect((await investor.post(`${PREFIX}/cases/${w.caseId}/investors`, { acceptUndertaking: false })).statusCode).toBe(422);
    const reg = await investor.post(`${PREFIX}/cases/${w.caseId}/investors`, { acceptUndertaking: true });
    expect(reg.statusCode).toBe(201);
    expect(reg.json<{ dataRoomAccess: boolean; ledgerIndex: number }>().dataRoomAccess).toBe(true);
    const intent = await investor.post(`${PREFIX}/investors/${reg.json<{ id: string }>().id}/intention`, { summary: '拟以现金 1.2 亿元受让全部股权并承接职工' });
    expect(intent.json<{ status: string }>().status).toBe('intentionSubmitted');
    expect((await w.administrator.client.get(`${PREFIX}/cases/${w.caseId}/investors`)).json<{ items: unknown[] }>().items).toHaveLength(1);

    const stats = await w.judge.client.get(`${PREFIX}/statistics`);
    expect(stats.statusCode).toBe(200);
    const s = stats.json<{ cases: number; claimFilings: number; fundSupervisionActions: number; deadlinesAtRisk: { code: string; status: string }[] }>();
    expect(s.cases).toBe(1);
    expect(s.claimFilings).toBe(3);
    expect(s.fundSupervisionActions).toBeGreaterThanOrEqual(5);
    // Accepted 50 days ago and never announced: the Art. 14 deadline is overdue.
    expect(s.deadlinesAtRisk).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'acceptanceNotice', status: 'overdue' })]));
    expect((await w.creditors[0]!.client.get(`${PREFIX}/statistics`)).statusCode).toBe(403);
  });

  it('keeps the pre-case registry: distressed enterprises, mediation, pre-reorganization and its conversion', async () => {
    const org = await createTestOrganization(api.db, 'government');
    const user = await createTestUser(api.db, api.config, { organizationId: org.id, roles: [bankruptcyRoles['assistance-officer']] });
    const officer = await api.login(user.username);
    const de = await officer.post(`${PREFIX}/distressed-enterprises`, { name: '厦门困境制造有限公司', uscc: '91350100M000100Y43', district: '思明区', needs: ['financing', 'assetTrading'], description: '订单下滑，资金链紧张' });
    expect(de.statusCode).toBe(201);
    expect((await officer.post(`${PREFIX}/distressed-enterprises`, { name: '坏代码公司', uscc: '91350100M000100Y4Z', district: '湖里区', needs: ['financing'], description: '-' })).statusCode).toBe(422);
    const med = await officer.post(`${PREFIX}/mediations`, { distressedEnterpriseId: de.json<{ id: string }>().id, debtorName: '厦门困境制造有限公司', parties: '某银行；某供应商', subject: '展期还款', amountFen: 30_000_000, outcome: 'settled' });
    expect(med.statusCode).toBe(201);
    expect((await w.creditors[0]!.client.get(`${PREFIX}/mediations`)).statusCode).toBe(403);

    const pre = await w.judge.client.post(`${PREFIX}/pre-reorganizations`, { debtorName: '厦门预重整有限公司', debtorUscc: '91350900587527783P', registeredOn: plusDays(todayInChina(), -30), notes: '临时管理人已进场' });
    expect(pre.statusCode).toBe(201);
    const app = await w.judge.client.post(`${PREFIX}/cases`, { procedure: 'reorganization', applicantName: '厦门预重整有限公司', applicantRole: 'debtor', debtorName: '厦门预重整有限公司', debtorUscc: '91350900587527783P', appliedOn: todayInChina(), courtCode: '闽0203' });
    const conv = await w.judge.client.post(`${PREFIX}/pre-reorganizations/${pre.json<{ id: string }>().id}/convert`, { caseId: app.json<{ id: string }>().id });
    expect(conv.statusCode).toBe(200);
    expect(conv.json<{ status: string }>().status).toBe('converted');
    const wrong = await w.judge.client.post(`${PREFIX}/pre-reorganizations/${pre.json<{ id: string }>().id}/convert`, { caseId: w.caseId });
    expect(wrong.statusCode).toBe(409);
  });
});
