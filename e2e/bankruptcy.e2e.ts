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
