import type { Page } from 'playwright-core';

/** Password of every seeded demo account (server/src/seed/platform.seed.ts). */
export const DEMO_PASSWORD = 'Demo#2026';

/** Sign in through the login form, as a person would, and wait for the signed-in header. */
export async function loginViaUi(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * Sign in through the API (faster; for tests whose subject is not the login page). The browser context shares
 * the session cookie, so the next page load is signed in.
 */
export async function loginViaApi(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { username, password } });
  if (res.status() !== 200) throw new Error(`login ${username} failed: ${res.status()} ${await res.text()}`);
}

/** Sign out through the user menu. */
export async function logoutViaUi(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录|Sign out/ }).click();
  await page.getByTestId('login-link').waitFor();
}
