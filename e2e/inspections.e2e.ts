import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginViaApi, newPage, PHONE, screenshot, screenshots } from './support/index.js';

/**
 * 莆田 自己管 网上查 on a 375 px phone: the mind map and search, an enterprise self-check with its PDF, and a
 * plan from commitment through the draw to an inspection recorded on the inspector's phone.
 * Needs the server (demo data: server/src/seed/inspections.seed.ts).
 */
const baseURL = inject('baseUrl');
const withServer = inject('appKind') === 'server';
const API = '/api/v1/inspections';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function phonePage() {
  return newPage(browser, { baseURL, viewport: PHONE });
}

/** POST with the session's CSRF token (page.request shares the browser context's cookies). */
async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

describe.skipIf(!withServer)('inspections at 375 px', () => {
  it('opens the mind map, expands it, searches in Chinese and follows a result to its node', async () => {
    const { page, context, errors } = await phonePage();
    await page.goto('/inspections/checklist');
    await page.getByTestId('insp-tree').locator('canvas').first().waitFor();
    await expect(page.getByTestId('insp-mind-map').innerText()).resolves.toContain('2300 个要点');
    // Tap the first department node (the tree lays out the root at the left, departments to its right).
    const box = (await page.getByTestId('insp-tree').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + 40);
    await screenshot(page, 'inspections-mind-map-375');
    await page.getByTestId('insp-search').locator('input').fill('健康证明');
    await page.getByTestId('insp-search').locator('input').press('Enter');
    const results = page.getByTestId('insp-search-results');
    await results.locator('a').first().waitFor();
    expect(await results.innerText()).toContain('健康证明');
    await screenshot(page, 'inspections-search-375');
    await results.locator('.ant-list-item a[href^="/inspections/checklist/SJ-"]').last().click();
    await page.getByTestId('insp-node').locator('.ant-card').waitFor();
    expect(await page.getByTestId('insp-node').innerText()).toMatch(/检查依据|抽查事项|检查内容及要点/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs an enterprise self-check and opens its PDF report', async () => {
    const { page, context, errors } = await phonePage();
    await loginViaApi(page, 'insp-enterprise');
    // 餐饮服务 → 餐饮加工制作过程的检查 (seeded checklist: SJ-03-01).
    await page.goto('/inspections/self-check?items=SJ-03-01');
    const item = page.getByTestId('insp-item-SJ-03-01');
    await item.waitFor();
    const groups = item.locator('[data-testid^="insp-answer-"]');
    const n = await groups.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) await groups.nth(i).getByText(i === 1 ? '否，不符合' : '是，符合').click();
    await screenshot(page, 'inspections-self-check-375', { fullPage: true });
    await page.getByTestId('insp-self-check-submit').click();
    await page.getByTestId('insp-not-met').waitFor();
    expect(await page.getByTestId('insp-not-met').innerText()).toContain('检查依据');
    await screenshot(page, 'inspections-self-check-report-375', { fullPage: true });
    const href = await page.getByTestId('insp-self-check-pdf').getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a plan from commitment through the draw to an inspection recorded on the phone', async () => {
    const planner = await phonePage();
    await loginViaApi(planner.page, 'insp-planner');
    const plan = await apiPost<{ id: string; number: string }>(planner.page, `${API}/plans`, {
      title: '2026年荔城区食品销售双随机抽查（e2e）',
      parameters: {
        department: 'SJ',
        items: ['SJ-02-01'],
        targetFilter: { districts: ['350304'], industries: ['F52'] },
        ratioBp: { A: 1000, B: 1000, C: 2000, D: 5000 },
        inspectorsPerTarget: 2,
      },
    });
    const availableAfter = new Date(Date.now() + 4000).toISOString().replace(/\.\d+Z$/, 'Z');
    await apiPost(planner.page, `${API}/plans/${plan.id}/commit`, { randomSource: { kind: 'lottery', reference: '中国福利彩票3D（e2e）', availableAfter } });
    await planner.page.goto(`/inspections/plans/${plan.id}`);
    await planner.page.getByTestId('plan-commitment-hash').waitFor();
    await screenshot(planner.page, 'inspections-plan-committed-375', { fullPage: true });
    await planner.page.waitForTimeout(Math.max(0, Date.parse(availableAfter) - Date.now()) + 500);
    await planner.page.getByTestId('plan-random-value').fill('5 1 9');
    await planner.page.getByTestId('plan-enter-value').click();
    await planner.page.getByTestId('plan-draw').click();
    await planner.page.getByTestId('plan-tasks').waitFor();
    await planner.page.getByTestId('plan-transcript').waitFor();
    await screenshots(planner.page, 'inspections-plan-drawn', { fullPage: true });
    const transcript = await planner.page.request.get(`${API}/public/plans/${plan.id}/transcript`);
    expect(transcript.ok()).toBe(true);

    const inspector = await phonePage();
    await loginViaApi(inspector.page, 'insp-inspector1');
    await inspector.page.goto('/inspections/tasks');
    const first = inspector.page.locator('[data-testid^="task-"]').first();
    await first.waitFor();
    await screenshot(inspector.page, 'inspections-tasks-375');
    await first.locator('a').first().click();
    await inspector.page.getByTestId('insp-task').waitFor();
    const groups = inspector.page.locator('[data-testid^="task-answer-"]');
    await groups.first().waitFor();
    const n = await groups.count();
    for (let i = 0; i < n; i++) await groups.nth(i).getByText('符合', { exact: true }).click();
    await inspector.page.getByTestId('task-notes').fill('现场核查，许可证件齐全，进货台账完整。');
    await inspector.page.getByTestId('task-outcome').getByText('未发现问题').click();
    await inspector.page.getByTestId('task-submit').click();
    await inspector.page.getByText('已录入，待公示').first().waitFor();
    await screenshot(inspector.page, 'inspections-task-recorded-375', { fullPage: true });
    expect(planner.errors).toEqual([]);
    expect(inspector.errors).toEqual([]);
    await planner.context.close();
    await inspector.context.close();
  });
});
