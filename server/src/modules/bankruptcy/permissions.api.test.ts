import { afterAll, beforeAll, expect, it } from 'vitest';
import { plusDays, todayInChina } from '../../platform/calendar/index.js';
import { createTestOrganization, createTestUser, type Client, type TestApi } from '../../test/api.js';
import { describeEachDialect } from '../../test/db.js';
import { bankruptcyRoles } from './bankruptcy.policy.js';
import { createBankruptcyTestApi, PREFIX } from './testing/bankruptcy-test-api.js';
import { acceptedCase, confirmedClaim, type CaseWorld } from './testing/bankruptcy-fixtures.js';

/** What each role of the module may do, and what it may not (403), and anonymous callers (401). */
describeEachDialect('bankruptcy permissions by role', (dialect) => {
  let api: TestApi;
  let w: CaseWorld;
  let caseId: string;
  let claimId: string;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    api = await createBankruptcyTestApi(dialect);
    w = await acceptedCase(api, 'reorganization', 1);
    const user = async (kind: Parameters<typeof createTestOrganization>[1], roles: string[]) => {
      const org = await createTestOrganization(api.db, kind);
      const u = await createTestUser(api.db, api.config, { organizationId: org.id, roles });
      return { org, client: await api.login(u.username) };
    };
    // A case whose debtor has an account: registered by its USCC, so the debtor's users see it.
    const debtor = await user('enterprise', [bankruptcyRoles.debtor]);
    const reg = await w.judge.client.post(`${PREFIX}/cases`, {
      procedure: 'liquidation',
      applicantName: '某债权银行',
      applicantRole: 'creditor',
      debtorName: debtor.org.name,
      debtorUscc: debtor.org.uscc,
      appliedOn: plusDays(todayInChina(), -5),
      courtCode: '闽0203',
    });
    const r = reg.json<{ id: string; version: number }>();
    await w.judge.client.post(`${PREFIX}/cases/${r.id}/accept`, { acceptedOn: todayInChina(), administratorOrganizationId: w.administrator.organizationId, version: r.version });
    caseId = r.id;
    claimId = await confirmedClaim({ ...w, caseId }, w.creditors[0]!, 1_000_000);
    as.judge = w.judge.client;
    as.administrator = w.administrator.client;
    as.creditor = w.creditors[0]!.client;
    as.debtor = debtor.client;
    as.investor = (await user('enterprise', [bankruptcyRoles.investor])).client;
    as.assist = (await user('government', [bankruptcyRoles['assistance-officer']])).client;
    as.stranger = (await user('enterprise', ['enterprise-user'])).client;
    as.anonymous = api.anonymous;
  });
  afterAll(() => api.close());

  const expectStatuses = async (call: (c: Client) => Promise<{ statusCode: number }>, expected: Record<string, number>) => {
    const got: Record<string, number> = {};
    for (const role of Object.keys(expected)) got[role] = (await call(as[role]!)).statusCode;
    expect(got).toEqual(expected);
  };

  it('register an application: the court only', async () => {
    const body = { procedure: 'liquidation', applicantName: '某公司', applicantRole: 'debtor', debtorName: '某公司', debtorUscc: '91350100M000100Y43', appliedOn: todayInChina(), courtCode: '闽0203' };
    await expectStatuses((c) => c.post(`${PREFIX}/cases`, body), { administrator: 403, creditor: 403, debtor: 403, investor: 403, assist: 403, stranger: 403, anonymous: 401 });
  });

  it('file a claim: creditors only', async () => {
    const body = { nature: 'ordinary', principalFen: 100, secured: false };
    await expectStatuses((c) => c.post(`${PREFIX}/cases/${caseId}/claims`, body), { judge: 403, administrator: 403, debtor: 403, investor: 403, assist: 403, stranger: 403, anonymous: 401 });
  });

  it('see a case: everyone signed in once accepted; the debtor sees it as debtor', async () => {
    await expectStatuses((c) => c.get(`${PREFIX}/cases/${caseId}`), { judge: 200, administrator: 200, creditor: 200, debtor: 200, investor: 200, assist: 200, stranger: 200, anonymous: 401 });
    const mine = await as.debtor!.get(`${PREFIX}/cases?scope=mine`);
    expect(mine.json<{ items: { id: string; relations: string[] }[] }>().items.find((c) => c.id === caseId)?.relations).toContain('debtor');
  });

  it('the full claim register: court and administrator; others the public register', async () => {
    const views: Record<string, string> = {};
    for (const role of ['judge', 'administrator', 'creditor', 'debtor', 'stranger']) views[role] = (await as[role]!.get(`${PREFIX}/cases/${caseId}/claims`)).json<{ view: string }>().view;
    expect(views).toEqual({ judge: 'full', administrator: 'full', creditor: 'public', debtor: 'public', stranger: 'public' });
  });

  it('review a claim: the administrator only', async () => {
    const body = { decision: 'rejected', points: {}, reason: '测试', version: 1 };
    await expectStatuses((c) => c.post(`${PREFIX}/claims/${claimId}/review`, body), { judge: 403, creditor: 403, debtor: 403, investor: 403, stranger: 403, anonymous: 401 });
  });

  it('object to a claim: creditors of the case and the debtor', async () => {
    await expectStatuses((c) => c.post(`${PREFIX}/claims/${claimId}/objections`, { reason: '数额有误' }), { creditor: 201, debtor: 201, investor: 403, stranger: 403, anonymous: 401 });
  });

  it('schedule a meeting: the court or the administrator', async () => {
    const body = { title: '债权人会议', meetingOn: plusDays(todayInChina(), 20), startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(), place: '线上', noticeSentOn: todayInChina() };
    await expectStatuses((c) => c.post(`${PREFIX}/cases/${caseId}/meetings`, body), { creditor: 403, debtor: 403, investor: 403, stranger: 403, anonymous: 401 });
    expect((await as.administrator!.post(`${PREFIX}/cases/${caseId}/meetings`, body)).statusCode).toBe(201);
  });

  it('fund supervision and distribution plans: the court and the administrator', async () => {
    await expectStatuses((c) => c.get(`${PREFIX}/cases/${caseId}/funds`), { judge: 200, administrator: 200, creditor: 403, debtor: 403, investor: 403, stranger: 403, anonymous: 401 });
    await expectStatuses((c) => c.post(`${PREFIX}/cases/${caseId}/funds/disbursements`, { amountFen: 100, payee: 'x', purpose: 'y' }), { judge: 403, creditor: 403, debtor: 403, anonymous: 401 });
    await expectStatuses((c) => c.get(`${PREFIX}/cases/${caseId}/distribution-plans`), { judge: 200, administrator: 200, creditor: 200, debtor: 403, stranger: 403, anonymous: 401 });
  });

  it('investor registration: investors only; statistics: judges only; registry: assistance centre and court', async () => {
    await expectStatuses((c) => c.post(`${PREFIX}/cases/${w.caseId}/investors`, { acceptUndertaking: true }), { creditor: 403, judge: 403, stranger: 403, anonymous: 401, investor: 201 });
    await expectStatuses((c) => c.get(`${PREFIX}/statistics`), { judge: 200, administrator: 403, creditor: 403, assist: 403, anonymous: 401 });
    await expectStatuses((c) => c.get(`${PREFIX}/distressed-enterprises`), { assist: 200, judge: 200, administrator: 403, creditor: 403, anonymous: 401 });
    await expectStatuses((c) => c.get(`${PREFIX}/announcements`), { anonymous: 200, stranger: 200 });
  });
});
