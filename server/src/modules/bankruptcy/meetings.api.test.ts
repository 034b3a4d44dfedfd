import { afterAll, beforeAll, expect, it } from 'vitest';
import { plusDays, todayInChina } from '../../platform/calendar/index.js';
import type { TestApi } from '../../test/api.js';
import { describeEachDialect } from '../../test/db.js';
import { createBankruptcyTestApi, PREFIX } from './testing/bankruptcy-test-api.js';
import { acceptedCase, confirmedClaim, meetingWithItem, PDF_BYTES, uploadTo, waitUntil, type CaseWorld } from './testing/bankruptcy-fixtures.js';

interface Outcome {
  passed: boolean;
  decidedBy: { code: string };
  heads: { for: number; present: number; met: boolean };
  amount: { forFen: number; totalFen: number; met: boolean };
}

describeEachDialect('bankruptcy meetings and voting API', (dialect) => {
  let api: TestApi;
  let w: CaseWorld;
  beforeAll(async () => {
    api = await createBankruptcyTestApi(dialect);
    w = await acceptedCase(api, 'liquidation', 4);
    // Unsecured total 1,000,000 fen: 500,000 + 300,000 + 150,000 + 50,000.
    await confirmedClaim(w, w.creditors[0]!, 500_000);
    await confirmedClaim(w, w.creditors[1]!, 300_000);
    await confirmedClaim(w, w.creditors[2]!, 150_000);
    await confirmedClaim(w, w.creditors[3]!, 50_000);
  });
  afterAll(() => api.close());

  it('refuses a meeting notified less than 15 days ahead (Art. 63)', async () => {
    const today = todayInChina();
    const res = await w.administrator.client.post(`${PREFIX}/cases/${w.caseId}/meetings`, {
      title: '债权人会议',
      meetingOn: plusDays(today, 20),
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      place: '线上',
      noticeSentOn: plusDays(today, 6),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ basis: string; limit: string }>()).toMatchObject({ basis: 'EBL-63', limit: plusDays(today, 5) });
  });

  it('holds an Art. 64 vote: ballots with receipts, final on cast, closed at the deadline, result with its article', async () => {
    const { meetingId, itemId, closesAt } = await meetingWithItem(w, { kind: 'ordinary', title: '关于继续营业的决议' }, 2500);
    const [a, b, c, d] = w.creditors;
    expect((await a!.client.post(`${PREFIX}/meetings/${meetingId}/sign-in`)).statusCode).toBe(200);
    expect((await d!.client.post(`${PREFIX}/meetings/${meetingId}/sign-in`)).statusCode).toBe(200);
    expect((await w.outsider.client.post(`${PREFIX}/meetings/${meetingId}/sign-in`)).statusCode).toBe(403);

    // b and c vote for: 450,000 of 1,000,000 — heads 2 of 4 present is not a majority either.
    const vb = await b!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for' });
    expect(vb.statusCode).toBe(201);
    expect(vb.json<{ ledgerIndex: number }>().ledgerIndex).toBeGreaterThanOrEqual(0);
    expect((await c!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for' })).statusCode).toBe(201);
    // Second ballot under finalOnCast → 409.
    const again = await b!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'against' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('ballot-already-cast');
    // Not a creditor of the case → 403; no group on an ordinary item → still no vote.
    const stranger = await w.outsider.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for' });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json<{ code: string }>().code).toBe('no-voting-right');

    // The administrator keys in a's paper ballot with its scan.
    const scan = await uploadTo(w.administrator.client, '/api/v1/files', '表决票-扫描件.pdf', PDF_BYTES);
    const paper = await w.administrator.client.post(`${PREFIX}/items/${itemId}/paper-ballots`, {
      voterId: a!.organizationId,
      choice: 'for',
      scanFileId: scan.json<{ id: string }>().id,
    });
    expect(paper.statusCode).toBe(201);
    expect(paper.json<{ channel: string }>().channel).toBe('paper');

    const live = await d!.client.get(`${PREFIX}/items/${itemId}/tally`);
    expect(live.statusCode).toBe(200);
    const lt = live.json<{ final: boolean; outcome: Outcome }>();
    expect(lt.final).toBe(false);
    // a, b, c voted; d signed in: 3 of 4 present for; 950,000 of 1,000,000.
    expect(lt.outcome.heads).toEqual({ for: 3, present: 4, met: true });
    expect(lt.outcome.amount).toMatchObject({ forFen: 950_000, totalFen: 1_000_000, met: true });
    expect((await w.outsider.client.get(`${PREFIX}/items/${itemId}/tally`)).statusCode).toBe(403);

    // Closing early is refused.
    expect((await w.administrator.client.post(`${PREFIX}/items/${itemId}/close`)).statusCode).toBe(409);
    await waitUntil(closesAt);
    const late = await d!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'against' });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string }>().code).toBe('vote-closed');
    const closed = await w.administrator.client.post(`${PREFIX}/items/${itemId}/close`);
    expect(closed.statusCode).toBe(200);
    const result = closed.json<{ outcome: Outcome; nextStep: { step: string }; item: { resultNoticeDueOn: string; resultLedgerIndex: number } }>();
    expect(result.outcome.passed).toBe(true);
    expect(result.outcome.decidedBy.code).toBe('EBL-64-1');
    expect(result.nextStep.step).toBe('resolutionStands');
    expect(result.item.resultNoticeDueOn >= todayInChina()).toBe(true);
    // The judge sees the stored result.
    const judgeView = await w.judge.client.get(`${PREFIX}/items/${itemId}/tally`);
    expect(judgeView.json<{ final: boolean; outcome: Outcome }>()).toMatchObject({ final: true, outcome: { passed: true } });

    // The creditor's receipt proves its ballot is in the signed log.
    const receipt = await b!.client.get(`${PREFIX}/items/${itemId}/ballots/mine/receipt`);
    expect(receipt.statusCode).toBe(200);
    const r = receipt.json<{ leafIndex: number; leaf: string; inclusionProof: string[]; checkpoint: string }>();
    expect(r.leafIndex).toBe(vb.json<{ ledgerIndex: number }>().ledgerIndex);
    expect(JSON.parse(r.leaf)).toMatchObject({ type: 'bankruptcy.vote.cast', data: { choice: 'for' } });
    expect((await c!.client.get(`${PREFIX}/items/${itemId}/ballots/mine/receipt`)).statusCode).toBe(200);
    expect((await d!.client.get(`${PREFIX}/items/${itemId}/ballots/mine/receipt`)).statusCode).toBe(404);
  });

  it('lets the latest ballot count when the item allows changes until the close', async () => {
    const { itemId } = await meetingWithItem(w, { kind: 'assetManagementPlan', title: '债务人财产管理方案', ballotPolicy: 'changeableUntilClose' }, 60_000);
    const a = w.creditors[0]!;
    expect((await a.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'against' })).statusCode).toBe(201);
    expect((await a.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for' })).statusCode).toBe(201);
    const mine = await a.client.get(`${PREFIX}/items/${itemId}/ballots/mine`);
    const ballots = mine.json<{ items: { choice: string; superseded: boolean; ledgerIndex: number }[] }>().items;
    expect(ballots.map((x) => [x.choice, x.superseded])).toEqual([
      ['against', true],
      ['for', false],
    ]);
    const tally = await a.client.get(`${PREFIX}/items/${itemId}/tally`);
    expect(tally.json<{ outcome: Outcome }>().outcome.amount.forFen).toBe(500_000);
  });

  it('passes a distribution plan at exactly one half, fails one short of heads and amount, re-votes once (Art. 65 ¶2), then the court rules', async () => {
    const { itemId, closesAt, meetingId } = await meetingWithItem(w, { kind: 'distributionPlan', title: '破产财产分配方案' }, 1500);
    for (const c of [w.creditors[1]!, w.creditors[2]!, w.creditors[3]!]) {
      expect((await c.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for' })).statusCode).toBe(201);
    }
    expect((await w.creditors[0]!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'against' })).statusCode).toBe(201);
    await waitUntil(closesAt);
    const closed = await w.administrator.client.post(`${PREFIX}/items/${itemId}/close`);
    const r = closed.json<{ outcome: Outcome & { failedTests: string[] }; nextStep: { step: string; basis: { code: string } } }>();
    // 3 of 4 heads but 500,000 of 1,000,000 is exactly one half: passes ("以上" includes it).
    expect(r.outcome.passed).toBe(true);
    const second = await meetingWithItem(w, { kind: 'distributionPlan', title: '破产财产分配方案（第二轮）' }, 1500);
    expect((await w.creditors[3]!.client.post(`${PREFIX}/items/${second.itemId}/ballots`, { choice: 'for' })).statusCode).toBe(201);
    expect((await w.creditors[0]!.client.post(`${PREFIX}/items/${second.itemId}/ballots`, { choice: 'against' })).statusCode).toBe(201);
    await waitUntil(second.closesAt);
    const failed = await w.administrator.client.post(`${PREFIX}/items/${second.itemId}/close`);
    const f = failed.json<{ outcome: Outcome & { failedTests: string[] }; nextStep: { step: string; basis: { code: string } } }>();
    expect(f.outcome.passed).toBe(false);
    expect(f.outcome.failedTests).toEqual(['headcount', 'amount']);
    expect(f.nextStep).toMatchObject({ step: 'secondVote', basis: { code: 'EBL-65-2' } });
    const revote = await w.administrator.client.post(`${PREFIX}/items/${second.itemId}/revote`, {
      meetingId,
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 1500).toISOString(),
    });
    expect(revote.statusCode).toBe(201);
    const rv = revote.json<{ id: string; attempt: number; closesAt: string }>();
    expect(rv.attempt).toBe(2);
    await waitUntil(rv.closesAt);
    const final = await w.administrator.client.post(`${PREFIX}/items/${rv.id}/close`);
    expect(final.json<{ nextStep: { step: string; basis: { code: string } } }>().nextStep).toMatchObject({ step: 'courtRules', basis: { code: 'EBL-65-2' } });
    expect((await w.administrator.client.post(`${PREFIX}/items/${rv.id}/revote`, { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 5000).toISOString() })).statusCode).toBe(409);
  });

  it('refuses a reorganization plan item in a liquidation case', async () => {
    const res = await meetingWithItem(w, { kind: 'reorganizationPlan', title: '重整计划草案' }).catch((e: Error) => e);
    expect(res).toBeInstanceOf(Error);
    expect(String(res)).toContain('422');
  });
});

describeEachDialect('bankruptcy reorganization vote API', (dialect) => {
  let api: TestApi;
  let w: CaseWorld;
  beforeAll(async () => {
    api = await createBankruptcyTestApi(dialect);
    w = await acceptedCase(api, 'reorganization', 3);
    // A bank secured on a plant worth 600,000 with a claim of 800,000: secured group 600,000, ordinary 200,000.
    await confirmedClaim(w, w.creditors[0]!, 800_000, { secured: true, collateralDescription: '厂房抵押', collateralValueFen: 600_000 });
    await confirmedClaim(w, w.creditors[1]!, 300_000);
    await confirmedClaim(w, w.creditors[2]!, 100_000);
  });
  afterAll(() => api.close());

  it('votes by group, fails when one group fails, and re-votes only that group (Arts. 84, 87)', async () => {
    const { itemId, closesAt, meetingId } = await meetingWithItem(w, { kind: 'reorganizationPlan', title: '重整计划草案' }, 2000);
    const [bank, big, small] = w.creditors;
    expect((await bank!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for', group: 'secured' })).statusCode).toBe(201);
    expect((await bank!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for', group: 'ordinary' })).statusCode).toBe(201);
    expect((await big!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'against', group: 'ordinary' })).statusCode).toBe(201);
    expect((await small!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for', group: 'ordinary' })).statusCode).toBe(201);
    // Not in the secured group → 403.
    expect((await small!.client.post(`${PREFIX}/items/${itemId}/ballots`, { choice: 'for', group: 'secured' })).statusCode).toBe(403);
    await waitUntil(closesAt);
    const closed = await w.administrator.client.post(`${PREFIX}/items/${itemId}/close`);
    const r = closed.json<{ outcome: { passed: boolean; failedGroups: string[]; decidedBy: { code: string } }; nextStep: { step: string; groups: string[] } }>();
    // Ordinary: 2 of 3 heads, 300,000 of 600,000 < 2/3 → fails.
    expect(r.outcome).toMatchObject({ passed: false, failedGroups: ['ordinary'], decidedBy: { code: 'EBL-84-2' } });
    expect(r.nextStep).toMatchObject({ step: 'negotiateAndRevote', groups: ['ordinary'] });

    const revote = await w.administrator.client.post(`${PREFIX}/items/${itemId}/revote`, {
      meetingId,
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 1500).toISOString(),
    });
    const rv = revote.json<{ id: string; closesAt: string; revoteGroups: string[] }>();
    expect(rv.revoteGroups).toEqual(['ordinary']);
    expect((await bank!.client.post(`${PREFIX}/items/${rv.id}/ballots`, { choice: 'for', group: 'secured' })).statusCode).toBe(403);
    for (const c of [bank!, big!, small!]) expect((await c.client.post(`${PREFIX}/items/${rv.id}/ballots`, { choice: 'for', group: 'ordinary' })).statusCode).toBe(201);
    await waitUntil(rv.closesAt);
    const final = await w.administrator.client.post(`${PREFIX}/items/${rv.id}/close`);
    const f = final.json<{ outcome: { passed: boolean; decidedBy: { code: string }; groups: { group: string; revoted: boolean }[] }; nextStep: { step: string } }>();
    expect(f.outcome.passed).toBe(true);
    expect(f.outcome.decidedBy.code).toBe('EBL-86-1');
    expect(f.outcome.groups.map((g) => [g.group, g.revoted])).toEqual([
      ['secured', false],
      ['ordinary', true],
    ]);
    expect(f.nextStep.step).toBe('applyForCourtApproval');
    const theCase = await w.judge.client.get(`${PREFIX}/cases/${w.caseId}`);
    expect(theCase.json<{ dates: { planPassedOn: string } }>().dates.planPassedOn).toBe(todayInChina());
  });
});
