import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, loginViaApi, newPage, PHONE, screenshot, screenshots } from './support/index.js';

/**
 * 厦门 易破, the main path: a creditor files a claim on a phone → the administrator reviews it → a meeting is
 * held → the creditor votes on the phone → the administrator closes the vote → the judge sees the result with
 * the article that decided it. Needs the server with the bankruptcy module and its demo data
 * (server/src/seed/bankruptcy*.ts); skipped when the module is not mounted.
 */
const baseURL = inject('baseUrl');
const withServer = inject('appKind') === 'server';
const API = '/api/v1/bankruptcy';
const DEBTOR = '厦门海沧鹭岛精密制造有限公司';

let browser: Browser;
let mounted = false;
beforeAll(async () => {
  browser = await launchBrowser();
  if (withServer) {
    const res = await fetch(`${baseURL}${API}/announcements?limit=1`).catch(() => null);
    mounted = res?.status === 200;
  }
});
afterAll(async () => {
  await browser?.close();
});

async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function caseIdOf(page: Page): Promise<string> {
  const res = await page.request.get(`${API}/cases?scope=public&q=${encodeURIComponent(DEBTOR)}`);
  const { items } = (await res.json()) as { items: { id: string }[] };
  return items[0]!.id;
}

describe.skipIf(!withServer)('bankruptcy main path', () => {
  it('shows the public portal with announcements', async (ctx) => {
    if (!mounted) ctx.skip();
    const { page, context, errors } = await newPage(browser, { baseURL, viewport: DESKTOP });
    await page.goto('/bankruptcy');
    await page.getByTestId('bk-announcement').first().waitFor();
    expect(await page.getByTestId('bk-portal').innerText()).toContain('受理公告');
    await screenshots(page, 'bankruptcy-portal');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('creditor files → administrator reviews → meeting → creditor votes → judge sees the result', async (ctx) => {
    if (!mounted) ctx.skip();
    const creditor = await newPage(browser, { baseURL, viewport: PHONE });
    const admin = await newPage(browser, { baseURL, viewport: DESKTOP });
    const judge = await newPage(browser, { baseURL, viewport: DESKTOP });
    await loginViaApi(creditor.page, 'bk-creditor2');
    await loginViaApi(admin.page, 'bk-admin');
    await loginViaApi(judge.page, 'bk-judge');
    const caseId = await caseIdOf(creditor.page);

    // 1. The creditor files a claim with an evidence PDF on a 375 px phone.
    const c = creditor.page;
    await c.goto('/bankruptcy/cases');
    await c.getByTestId('bk-case-card').filter({ hasText: DEBTOR }).first().click();
    await c.getByRole('tab', { name: /债权/ }).first().click();
    await c.getByTestId('bk-principal').fill('123456.78');
    await c.locator('[data-testid="bk-file-claim"] input[type="file"]').setInputFiles({
      name: '供货合同.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
    });
    await screenshot(c, 'bankruptcy-file-claim-375', { fullPage: true });
    await c.getByTestId('bk-submit-claim').click();
    await c.getByTestId('bk-claim-filed').waitFor();
    await c.getByTestId('bk-my-claim').filter({ hasText: '123,456.78' }).waitFor();
    expect(await c.getByTestId('bk-my-claim').filter({ hasText: '123,456.78' }).innerText()).toMatch(/待审查|Filed/);

    // 2. The administrator reviews it on a desktop.
    const a = admin.page;
    await a.goto(`/bankruptcy/cases/${caseId}`);
    await a.getByRole('tab', { name: /债权/ }).first().click();
    const row = a.locator('tr').filter({ hasText: '123,456.78' }).first();
    await row.getByTestId('bk-review').click();
    await screenshot(a, 'bankruptcy-review-1280');
    await a.locator('#bk-review-ok').click();
    await row.getByTestId('bk-review').waitFor({ state: 'detached' });
    await c.reload();
    await c.getByRole('tab', { name: /债权/ }).first().click();
    await c.getByTestId('bk-my-claim').filter({ hasText: '123,456.78' }).filter({ hasText: /确认|Confirmed/ }).waitFor();

    // 3. A meeting today with an ordinary resolution open for 40 seconds (notice sent 16 days ago).
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const noticed = new Date(Date.now() + 8 * 3_600_000 - 16 * 86_400_000).toISOString().slice(0, 10);
    const meeting = await apiPost<{ id: string }>(a, `${API}/cases/${caseId}/meetings`, {
      title: '临时债权人会议（e2e）',
      meetingOn: today,
      startsAt: new Date().toISOString(),
      place: '“易破”平台线上会议',
      noticeSentOn: noticed,
    });
    const item = await apiPost<{ id: string; closesAt: string }>(a, `${API}/meetings/${meeting.id}/items`, {
      kind: 'ordinary',
      title: '关于聘请审计机构的决议',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 40_000).toISOString(),
    });

    // 4. The creditor signs in and votes on the phone, and gets a ledger receipt.
    await c.goto(`/bankruptcy/items/${item.id}`);
    await c.getByTestId('bk-sign-in').click();
    await c.getByTestId('bk-vote-for').click();
    await c.getByTestId('bk-my-ballot').waitFor();
    expect(await c.getByTestId('bk-my-ballot').innerText()).toMatch(/同意|For/);
    await c.getByTestId('tally-heads').waitFor();
    await screenshot(c, 'bankruptcy-vote-375', { fullPage: true });

    // 5. Once the window has passed the administrator closes the vote.
    const wait = Date.parse(item.closesAt) - Date.now() + 500;
    if (wait > 0) await a.waitForTimeout(wait);
    await a.goto(`/bankruptcy/items/${item.id}`);
    await a.getByTestId('bk-close-vote').click();
    await a.getByTestId('bk-next-step').waitFor();

    // 6. The judge sees the result and the article that decided it, at both widths.
    const j = judge.page;
    await j.goto(`/bankruptcy/items/${item.id}`);
    await j.getByTestId('tally-result').waitFor();
    expect(await j.getByTestId('tally-basis').innerText()).toContain('第六十四条');
    expect(await j.getByTestId('tally-result').innerText()).toMatch(/通过|未通过/);
    await screenshots(j, 'bankruptcy-result');
    await j.goto('/bankruptcy/dashboard');
    await j.getByTestId('bk-chart-stage').locator('canvas').first().waitFor();
    await screenshots(j, 'bankruptcy-dashboard');

    for (const p of [creditor, admin, judge]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 180_000);
});

describe.skipIf(!withServer)('bankruptcy fund supervision and distribution', () => {
  it('administrator records money, the judge approves a large payment, the statement reconciles, a plan is computed', async (ctx) => {
    if (!mounted) ctx.skip();
    const admin = await newPage(browser, { baseURL, viewport: DESKTOP });
    const judge = await newPage(browser, { baseURL, viewport: DESKTOP });
    await loginViaApi(admin.page, 'bk-admin');
    await loginViaApi(judge.page, 'bk-judge');
    const caseId = await caseIdOf(admin.page);
    const tag = String(Date.now()).slice(-6);
    const a = admin.page;

    // 1. A receipt typed in yuan is booked in fen; a payment above the 50,000 yuan threshold waits for the judge.
    await a.goto(`/bankruptcy/cases/${caseId}`);
    await a.getByRole('tab', { name: /资金监管/ }).click();
    await a.getByTestId('bk-receipt-amount').fill('88,888.88');
    await a.getByTestId('bk-receipt-counterparty').fill(`e2e 回款方 ${tag}`);
    await a.getByTestId('bk-receipt-purpose').fill('应收账款回收');
    await a.locator('#bkReceipt_bankReference').fill(`IN-${tag}`);
    await a.getByTestId('bk-receipt-submit').click();
    await a.locator('tr').filter({ hasText: `e2e 回款方 ${tag}` }).filter({ hasText: '88,888.88' }).waitFor();
    await a.getByTestId('bk-disb-amount').fill('66666.66');
    await expect.poll(() => a.getByTestId('bk-disbursement-form').innerText()).toContain('须经法院审批');
    await a.getByTestId('bk-disb-payee').fill(`e2e 审计机构 ${tag}`);
    await a.getByTestId('bk-disb-purpose').fill('专项审计费');
    await a.getByTestId('bk-disb-submit').click();
    const mine = a.getByTestId('bk-disbursement').filter({ hasText: `e2e 审计机构 ${tag}` });
    await mine.getByTestId('bk-disbursement-status').filter({ hasText: '待法院审批' }).waitFor();

    // 2. The judge approves it.
    const j = judge.page;
    await j.goto(`/bankruptcy/cases/${caseId}`);
    await j.getByRole('tab', { name: /资金监管/ }).click();
    const toDecide = j.getByTestId('bk-disbursement').filter({ hasText: `e2e 审计机构 ${tag}` });
    await toDecide.getByTestId('bk-approve').click();
    await j.locator('#bk-decision-ok').click();
    await toDecide.getByTestId('bk-disbursement-status').filter({ hasText: '已批准待付' }).waitFor();

    // 3. The administrator pays it; the balance drops.
    await a.reload();
    await a.getByRole('tab', { name: /资金监管/ }).click();
    await mine.getByTestId('bk-execute').click();
    await a.getByTestId('bk-execute-ref').fill(`OUT-${tag}`);
    await a.locator('#bk-execute-ok').click();
    await mine.getByTestId('bk-disbursement-status').filter({ hasText: '已付款' }).waitFor();

    // 4. The bank statement: both recorded lines match by reference, an unrecorded one is reported.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const csv = ['日期,收支,金额,对方户名,流水号,摘要', `${today},收,"88,888.88",e2e 回款方 ${tag},IN-${tag},回款`, `${today},支,66666.66,e2e 审计机构 ${tag},OUT-${tag},审计费`, `${today},收,12.34,某银行,INT-${tag},利息`].join('\n');
    await a.locator('[data-testid="bk-statement"] input[type="file"]').setInputFiles({ name: '流水.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await a.getByTestId('bk-statement-import').click();
    const rec = a.getByTestId('bk-reconciliation');
    await rec.waitFor();
    const recText = await rec.innerText();
    expect(recText).toMatch(/已匹配\s*2/);
    expect(recText).toContain('第 4 行');
    expect(recText).toContain('12.34');
    await screenshots(a, 'bankruptcy-funds', { fullPage: true });

    // 5. A distribution plan from the calculator, its tiers and creditors, and its PDF.
    await a.getByRole('tab', { name: /分配/ }).click();
    await a.getByTestId('bk-plan-estate').fill('500000');
    await a.getByTestId('bk-add-expenses').click();
    await a.locator('#bkPlan_expenses_0_label').fill('案件受理费');
    await a.locator('#bkPlan_expenses_0_amount').fill('20000');
    await a.getByTestId('bk-plan-submit').click();
    const detail = a.getByTestId('bk-plan-detail');
    await detail.getByTestId('bk-plan-tiers').waitFor();
    expect(await detail.getByTestId('bk-plan-tiers').innerText()).toContain('第一百一十三条');
    expect(await detail.innerText()).toContain('500,000.00');
    const href = await detail.getByTestId('bk-plan-pdf').getAttribute('href');
    const pdf = await a.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await screenshots(a, 'bankruptcy-distribution', { fullPage: true });

    for (const p of [admin, judge]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 180_000);
});

describe.skipIf(!withServer)('bankruptcy assets and investors', () => {
  it('administrator registers an asset and sells it at auction with a premium; an investor registers on a phone', async (ctx) => {
    if (!mounted) ctx.skip();
    const admin = await newPage(browser, { baseURL, viewport: DESKTOP });
    const investor = await newPage(browser, { baseURL, viewport: PHONE });
    await loginViaApi(admin.page, 'bk-admin');
    await loginViaApi(investor.page, 'bk-investor');
    const a = admin.page;
    const tag = String(Date.now()).slice(-6);
    const caseId = await caseIdOf(a);

    // 1. Register → schedule an auction at 100,000 yuan → sold at 125,000 yuan: premium 25.00 %.
    await a.goto(`/bankruptcy/cases/${caseId}`);
    await a.getByRole('tab', { name: /财产/ }).click();
    await a.getByTestId('bk-asset-name').fill(`e2e 数控机床 ${tag}`);
    await a.getByTestId('bk-asset-valuation').fill('110000');
    await a.getByTestId('bk-asset-submit').click();
    const assetRow = a.locator('tr').filter({ hasText: `e2e 数控机床 ${tag}` });
    await assetRow.getByTestId('bk-schedule-auction').click();
    await a.locator('#startPrice').fill('100000');
    await a.locator('#auctionOn').fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    await a.locator('#bk-auction-ok').click();
    const auctionRow = a.locator('tr').filter({ hasText: `e2e 数控机床 ${tag}` }).filter({ hasText: '100,000.00' });
    await auctionRow.getByTestId('bk-auction-result').click();
    await a.locator('#salePrice').fill('125000');
    await a.locator('#bk-result-ok').click();
    await auctionRow.filter({ hasText: '25.00%' }).filter({ hasText: '成交' }).waitFor();
    await screenshots(a, 'bankruptcy-assets', { fullPage: true });

    // 2. The judge accepts the pending reorganization application (seeded), appointing the administrator.
    const judge = await newPage(browser, { baseURL, viewport: DESKTOP });
    await loginViaApi(judge.page, 'bk-judge');
    const pending = await judge.page.request.get(`${API}/cases?q=${encodeURIComponent('厦门翔安光电科技有限公司')}`);
    const app = ((await pending.json()) as { items: { id: string; version: number; stage: string }[] }).items[0]!;
    const me = (await (await a.request.get('/api/v1/auth/me')).json()) as { user: { organization: { id: string } } };
    if (app.stage === 'applied') {
      await apiPost(judge.page, `${API}/cases/${app.id}/accept`, { acceptedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), administratorOrganizationId: me.user.organization.id, version: app.version });
    }
    await judge.context.close();

    // 3. The investor signs the confidentiality undertaking on a phone and submits an intention letter.
    const i = investor.page;
    await i.goto(`/bankruptcy/cases/${app.id}`);
    await i.getByRole('tab', { name: /投资人招募/ }).click();
    await i.getByTestId('bk-accept-undertaking').click();
    await i.getByTestId('bk-investor-submit').click();
    await i.getByTestId('bk-investor-status').filter({ hasText: '已报名' }).waitFor();
    await i.getByTestId('bk-intention-summary').fill('拟出资 8,000 万元承接物流业务与全部车辆，留用全部员工。');
    await i.getByTestId('bk-intention-submit').click();
    await i.getByTestId('bk-investor-status').filter({ hasText: '已提交意向书' }).waitFor();
    await screenshot(i, 'bankruptcy-investor-375', { fullPage: true });

    for (const p of [admin, investor]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 120_000);
});
