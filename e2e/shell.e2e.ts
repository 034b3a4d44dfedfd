import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { modules } from '../web/src/app/modules.js';
import { DEMO_PASSWORD, launchBrowser, loginViaUi, logoutViaUi, navLabels, newPage, screenshot, screenshots, PHONE } from './support/index.js';

/**
 * The web shell: the public portal, navigation by role for each demo account, the inbox, the admin pages,
 * the language switch and the phone layout, with screenshots at 1280 px and 375 px.
 */
const baseURL = inject('baseUrl');
const withServer = inject('appKind') === 'server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('public portal', () => {
  it('shows the eight services as cards, each opening its module route', async () => {
    const { page, context, errors } = await newPage(browser, { baseURL });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '福建营商环境一站式服务平台' }).isVisible()).resolves.toBe(true);
    const cards = page.getByTestId('service-cards').locator('a[data-testid^="service-card-"]');
    expect(await cards.count()).toBe(8);
    for (const m of modules) {
      const card = page.getByTestId(`service-card-${m.id}`);
      expect(await card.getAttribute('href')).toBe(m.path);
      expect(await card.innerText()).toContain(m.reform[0]);
    }
    await screenshots(page, 'portal-home');
    await screenshot(page, 'portal-home-full-1280', { fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows anonymous visitors the public navigation only', async () => {
    const { page, context } = await newPage(browser, { baseURL });
    await page.goto('/');
    const labels = await navLabels(page);
    expect(labels).toContain('首页');
    expect(labels).toContain('存证核验');
    for (const m of modules) expect(labels).toContain(m.name[0]);
    expect(labels).not.toContain('消息中心');
    expect(labels).not.toContain('系统管理');
    expect(await page.getByTestId('login-link').isVisible()).toBe(true);
    await context.close();
  });

  it('says 建设中 for a module whose pages are not switched on, and 404 for an unknown path', async () => {
    const { page, context } = await newPage(browser, { baseURL });
    const pending = modules.filter((m) => m.page === null);
    for (const m of pending) {
      await page.goto(m.path);
      const box = page.getByTestId('under-construction');
      await box.waitFor();
      const text = await box.innerText();
      expect(text).toContain('建设中');
      expect(text).toContain(m.name[0]);
    }
    if (pending[0]) await screenshots(page, 'under-construction');
    await page.goto('/no-such-page');
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await context.close();
  });

  it('serves the public receipt check at /verify', async () => {
    const { page, context } = await newPage(browser, { baseURL });
    await page.goto('/verify');
    await page.getByText('存证核验').first().waitFor();
    await screenshots(page, 'verify');
    await context.close();
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const { page, context } = await newPage(browser, { baseURL });
    await page.goto('/');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Fujian one-stop business services' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Fujian one-stop business services' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await navLabels(page)).toContain('Home');
    await screenshots(page, 'portal-home-en');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: '福建营商环境一站式服务平台' }).waitFor();
    await context.close();
  });

  it('puts the menu in a drawer on a 375 px phone', async () => {
    const { page, context } = await newPage(browser, { baseURL, viewport: PHONE });
    await page.goto('/');
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('nav-toggle').click();
    await page.locator('.ant-drawer-open').waitFor();
    expect(await navLabels(page)).toContain('首页');
    await screenshot(page, 'nav-drawer-375');
    await page.getByRole('menuitem', { name: /存证核验/ }).click();
    await page.waitForURL('**/verify');
    await context.close();
  });
});

/** Each seeded demo account and what its navigation must and must not offer. */
const demoAccounts = [
  { username: 'admin', sees: ['首页', '消息中心', '系统管理', '机构管理', '用户管理', '角色列表', '审计日志'], hidden: [] as string[] },
  { username: 'enterprise', sees: ['首页', '消息中心', '用水报装'], hidden: ['系统管理', '用户管理'] },
  // One account of every module role: each sees its own work and not the others'.
  { username: 'wc-applicant', sees: ['我要报装', '我的申请'], hidden: ['工作台', '监管看板', '系统管理'] },
  { username: 'wc-manager', sees: ['工作台', '帮代办'], hidden: ['我要报装', '监管看板', '系统管理'] },
  { username: 'wc-crew', sees: ['工作台'], hidden: ['帮代办', '监管看板', '我要报装'] },
  { username: 'wc-supervisor', sees: ['工作台', '监管看板'], hidden: ['帮代办', '我要报装'] },
  { username: 'insp-planner', sees: ['抽查计划', '统计'], hidden: ['我的检查任务', '系统管理'] },
  { username: 'insp-inspector1', sees: ['我的检查任务'], hidden: ['抽查计划', '系统管理'] },
  { username: 'insp-enterprise', sees: ['企业自查'], hidden: ['抽查计划', '我的检查任务'] },
  { username: 'bk-judge', sees: ['我的案件', '审判看板', '危困企业与预重整'], hidden: ['系统管理'] },
  { username: 'bk-admin', sees: ['我的案件'], hidden: ['审判看板', '系统管理'] },
  { username: 'bk-creditor', sees: ['我的案件'], hidden: ['审判看板', '危困企业与预重整'] },
];

describe.skipIf(!withServer)('signed in (server with demo accounts)', () => {
  it('rejects a wrong password with the server’s Chinese problem title', async () => {
    const { page, context } = await newPage(browser, { baseURL });
    await page.goto('/login');
    await page.locator('#username').fill('no-such-user');
    await page.locator('#password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await alert.waitFor();
    await screenshots(page, 'login-failed');
    await context.close();
  });

  for (const account of demoAccounts) {
    it(`shows ${account.username} the navigation of its roles`, async () => {
      const { page, context, errors } = await newPage(browser, { baseURL });
      await loginViaUi(page, account.username);
      const labels = await navLabels(page);
      for (const label of account.sees) expect(labels, `${account.username} should see ${label}`).toContain(label);
      for (const label of account.hidden) expect(labels, `${account.username} should not see ${label}`).not.toContain(label);
      expect(await page.getByTestId('welcome').innerText()).toContain('您好');
      await screenshots(page, `home-${account.username}`);
      await page.goto('/notifications');
      await page.getByText('消息中心').first().waitFor();
      await screenshots(page, `notifications-${account.username}`);
      await logoutViaUi(page);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('lets the platform admin see users, organizations, roles and the audit log', async () => {
    const { page, context } = await newPage(browser, { baseURL });
    await loginViaUi(page, 'admin');
    await page.goto('/admin/users');
    await page.locator('.ant-table-row').filter({ hasText: 'enterprise' }).first().waitFor();
    await screenshots(page, 'admin-users');
    await page.goto('/admin/organizations');
    await page.locator('.ant-table-row').filter({ hasText: '泉州市自来水有限公司' }).first().waitFor();
    await screenshots(page, 'admin-organizations');
    await page.goto('/admin/roles');
    await page.locator('.ant-table-row').filter({ hasText: 'platform-admin' }).first().waitFor();
    await screenshots(page, 'admin-roles');
    await page.goto('/admin/audit');
    // The admin's own login is a state-changing request, so it is in the log.
    await page.locator('.ant-table-row').filter({ hasText: '/api/v1/auth/login' }).first().waitFor();
    await screenshots(page, 'admin-audit');
    await context.close();
  });

  it('creates an organization through the admin form: field error in Chinese, then success with CSRF and Idempotency-Key', async () => {
    const { page, context } = await newPage(browser, { baseURL });
    await loginViaUi(page, 'admin');
    const posts: Record<string, string>[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/v1/admin/organizations')) posts.push(req.headers());
    });
    await page.goto('/admin/organizations');
    await page.getByTestId('create-organization').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^企业$/ }).click();
    await dialog.locator('#name').fill('宁德时代新能源科技股份有限公司');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    // The server requires a credit code for enterprises; its message lands under the field.
    await dialog.locator('#uscc_help, .ant-form-item-explain-error').filter({ hasText: '企业须填写统一社会信用代码' }).first().waitFor();
    await screenshots(page, 'admin-organization-error');
    await dialog.locator('#uscc').fill('91350900587527783P');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row').filter({ hasText: '91350900587527783P' }).waitFor();
    expect(posts).toHaveLength(2);
    for (const h of posts) {
      expect(h['x-csrf-token']).toMatch(/.{16,}/);
      expect(h['idempotency-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(h['accept-language']).toBe('zh-CN');
    }
    expect(posts[0]['idempotency-key']).not.toBe(posts[1]['idempotency-key']);
    await context.close();
  });

  it('keeps the admin pages from an enterprise user and sends anonymous visitors to login', async () => {
    const { page, context } = await newPage(browser, { baseURL });
    await page.goto('/notifications');
    await page.waitForURL('**/login?next=%2Fnotifications');
    await page.locator('#username').fill('enterprise');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    // Back where the visitor wanted to go.
    await page.waitForURL('**/notifications');
    await page.goto('/admin/users');
    await page.getByText('无权访问').waitFor();
    await screenshots(page, 'forbidden-enterprise');
    await context.close();
  });
});
