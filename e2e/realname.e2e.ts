import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withResidentIdCheckChar } from '../server/src/platform/identity/resident-id.js';
import { launchBrowser, loginViaApi, loginViaUi, newPage, screenshots, startServer, type RunningApp } from './support/index.js';

/**
 * 实名认证 in the browser with the local demo provider: the demo warning, the ID checked in the browser before
 * anything is sent, the one-time code read from the server log, a wrong guess, success, the return to
 * `?returnTo=`, and the OIDC callback's outcome codes in both languages. Then, against a second server set up
 * with YS_OIDC_ISSUER, the redirect flow through a real OpenID provider (`oidc-provider`, its development
 * sign-in pages) and back to this page, successful and refused.
 *
 * This spec starts its own servers; the local one with LOG_LEVEL=info, because the one-time code is logged at
 * info level and the shared server of the e2e run logs warnings only.
 */
const withServer = inject('appKind') === 'server';

let app: RunningApp;
let browser: Browser;

/** A person with a valid number (check character by the server's own GB 11643 code, not the page's). */
const PERSON = { name: '林晓东', residentId: withResidentIdCheckChar('35010219850312041') };
/** Same number with the last character changed: the check character no longer fits. */
const WRONG_CHECK = PERSON.residentId.slice(0, 17) + (PERSON.residentId[17] === '0' ? '1' : '0');
const DEMO_LABEL = '本地演示实名认证 (Local demo real-name verification — not a government service)';

beforeAll(async () => {
  if (!withServer) return;
  app = await startServer({ env: { LOG_LEVEL: 'info' } });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Waits for the one-time code the local demo provider logged for this challenge. */
async function oneTimeCode(challengeId: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const line = readFileSync(app.logFile, 'utf8')
      .split('\n')
      .find((l) => l.includes(challengeId) && /one-time code \d{6}/.test(l));
    if (line) return /one-time code (\d{6})/.exec(line)![1];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no one-time code for ${challengeId} in ${app.logFile}`);
}

/** Fills step 1 and sends it; returns the challenge id from the server's answer. */
async function requestCode(page: Page): Promise<string> {
  await page.getByTestId('realname-name').fill(PERSON.name);
  await page.getByTestId('realname-resident-id').fill(PERSON.residentId);
  const started = page.waitForResponse((r) => r.url().endsWith('/api/v1/realname/local/start') && r.request().method() === 'POST');
  await page.getByTestId('realname-start').click();
  const res = await started;
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { challengeId: string; residentIdMasked: string };
  await page.getByTestId('realname-code-form').waitFor();
  return body.challengeId;
}

/** Every input value and the visible text of the page: the full ID must appear in neither once sent. */
async function pageShows(page: Page): Promise<string> {
  return page.evaluate(() => [document.body.innerText, ...Array.from(document.querySelectorAll('input'), (i) => i.value)].join('\n'));
}

// The tests share one user and run in order: the later ones expect the verification the second one made.
describe.skipIf(!withServer)('real-name verification (实名认证)', () => {
  it('sends signed-out visitors to the login page and back', async () => {
    const { page, context } = await newPage(browser, { baseURL: app.baseUrl });
    await page.goto('/realname?returnTo=/water-connection');
    await page.getByTestId('login-card').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/realname?returnTo=/water-connection');
    await page.locator('#username').fill('enterprise');
    await page.locator('#password').fill('Demo#2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('realname-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/realname');
    await context.close();
  });

  it('verifies the enterprise user with the local demo: banner, ID check, one-time code, success', async () => {
    const { page, context, errors } = await newPage(browser, { baseURL: app.baseUrl });
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await loginViaUi(page, 'enterprise');

    // Reachable from the user menu.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '实名认证' }).click();
    await page.getByTestId('realname-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/realname');

    const banner = page.getByTestId('realname-demo-banner');
    await banner.waitFor();
    expect(await page.getByTestId('realname-provider-label').innerText()).toBe(DEMO_LABEL);
    expect(await banner.innerText()).toContain('一次性验证码写入服务器日志，不发送短信');
    await screenshots(page, 'realname-form');

    // A wrong check character is caught in the browser: field error, and nothing is sent.
    const before = requests.length;
    await page.getByTestId('realname-name').fill(PERSON.name);
    await page.getByTestId('realname-resident-id').fill(WRONG_CHECK);
    await page.getByTestId('realname-start').click();
    const idItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('realname-resident-id') });
    await expect.poll(() => idItem.locator('.ant-form-item-explain-error').innerText()).toBe('校验码不正确，请核对号码');
    // Too short is a format error, also without a request.
    await page.getByTestId('realname-resident-id').fill(PERSON.residentId.slice(0, 16));
    await page.getByTestId('realname-start').click();
    await expect.poll(() => idItem.locator('.ant-form-item-explain-error').innerText()).toBe('应为 18 位：17 位数字加 1 位数字或 X');
    await screenshots(page, 'realname-invalid-id');
    expect(requests.slice(before).filter((r) => r.url().includes('/realname/local/'))).toEqual([]);

    // A valid number goes out in a POST body, and from then on only the masked form is shown.
    const challengeId = await requestCode(page);
    const start = requests.find((r) => r.url().endsWith('/realname/local/start'))!;
    expect(start.method()).toBe('POST');
    expect(start.postDataJSON()).toEqual({ name: PERSON.name, residentId: PERSON.residentId });
    const masked = `${PERSON.residentId.slice(0, 4)}**********${PERSON.residentId.slice(-4)}`;
    expect(await page.getByTestId('realname-masked-id').innerText()).toBe(masked);
    expect(await pageShows(page)).not.toContain(PERSON.residentId);
    expect(await page.getByTestId('realname-code-sent').innerText()).toContain('验证码已写入服务器日志');
    const countdown = (await page.getByTestId('realname-countdown').innerText()).trim();
    expect(countdown).toMatch(/^剩余 [45]:\d\d$/);
    // It counts down.
    await expect.poll(async () => (await page.getByTestId('realname-countdown').innerText()).trim(), { timeout: 5_000 }).not.toBe(countdown);
    expect(await page.getByTestId('realname-attempts').innerText()).toBe('还可尝试 5 次');

    // One wrong guess uses one of the five attempts.
    const code = await oneTimeCode(challengeId);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByTestId('realname-code').fill(wrong);
    await page.getByTestId('realname-confirm').click();
    const codeItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('realname-code') });
    await expect.poll(() => codeItem.locator('.ant-form-item-explain-error').innerText()).toBe('验证码不正确，还可尝试 4 次');
    expect(await page.getByTestId('realname-attempts').innerText()).toBe('还可尝试 4 次');
    await page.getByTestId('realname-code').fill(code);
    await screenshots(page, 'realname-code');

    await page.getByTestId('realname-confirm').click();
    await page.getByTestId('realname-success').waitFor();
    expect(await page.getByTestId('realname-verified-name').innerText()).toBe(PERSON.name);
    expect(await page.getByTestId('realname-verified-id').innerText()).toBe(masked);
    expect(await page.getByTestId('realname-verified-assurance').innerText()).toContain('低');
    expect(await page.getByTestId('realname-verified-at').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await pageShows(page)).not.toContain(PERSON.residentId);
    await screenshots(page, 'realname-success');

    // The ID never travelled in a URL, and was sent exactly once.
    expect(requests.filter((r) => r.url().includes(PERSON.residentId))).toEqual([]);
    expect(requests.filter((r) => (r.postData() ?? '').includes(PERSON.residentId))).toHaveLength(1);

    // Coming back later shows the recorded verification.
    await page.reload();
    await page.getByTestId('realname-current').waitFor();
    expect(await page.getByTestId('realname-verified-id').innerText()).toBe(masked);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends the user back to ?returnTo after a fresh verification, and only to paths of this site', async () => {
    const { page, context, errors } = await newPage(browser, { baseURL: app.baseUrl });
    await loginViaApi(page, 'enterprise');

    await page.goto('/realname?returnTo=//evil.example/x');
    await page.getByTestId('realname-current').waitFor();
    expect(await page.getByTestId('realname-return').count()).toBe(0);

    await page.goto('/realname?returnTo=/notifications');
    await page.getByTestId('realname-current').waitFor();
    await page.getByTestId('realname-again').click();
    const challengeId = await requestCode(page);
    await page.getByTestId('realname-code').fill(await oneTimeCode(challengeId));
    await page.getByTestId('realname-confirm').click();
    await page.getByTestId('realname-auto-return').waitFor();
    await page.waitForURL((u) => u.pathname === '/notifications', { timeout: 15_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the provider callback outcome in Chinese and English and cleans the URL', async () => {
    const { page, context, errors } = await newPage(browser, { baseURL: app.baseUrl });
    await loginViaApi(page, 'enterprise');

    await page.goto('/realname?error=realname-oidc-state-mismatch');
    const alert = page.getByTestId('realname-callback-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('实名认证回调校验失败（state 不一致）');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => alert.innerText()).toContain('The provider callback was refused (state mismatch)');
    expect(await page.getByTestId('realname-provider-label').innerText()).toBe(DEMO_LABEL);
    await screenshots(page, 'realname-callback-error-en');

    // An unknown code is not echoed.
    await page.goto('/realname?error=%3Cb%3Ehello%3C%2Fb%3E');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Real-name verification did not complete');
    expect(await alert.innerText()).not.toContain('hello');

    // ?status=verified shows the latest result as the outcome.
    await page.goto('/realname?status=verified');
    await page.getByTestId('realname-success').waitFor();
    expect(await page.getByTestId('realname-verified-name').innerText()).toBe(PERSON.name);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** People known to the test OpenID provider (the same as server/src/platform/realname's OIDC tests). */
const IDP_ACCOUNTS: Record<string, { name: string; resident_id?: string }> = {
  'zhang-san': { name: '张三', resident_id: '11010519491231002X' },
  // Sends a number with a wrong check character: the server must refuse it.
  'bad-id': { name: '王五', resident_id: '110105194912310021' },
};

/**
 * An OpenID provider on 127.0.0.1. The listening socket comes first (the server under test needs the issuer
 * URL at start), the provider second (it needs the server's redirect URI); the app contacts the issuer only
 * when someone starts a verification.
 */
async function listenForIdp(): Promise<{ server: Server; issuer: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function attachIdp(server: Server, issuer: string, client: { id: string; secret: string; redirectUri: string }): void {
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'resident_id'] },
    scopes: ['openid', 'profile'],
    findAccount: (_ctx, id) => {
      const claims = IDP_ACCOUNTS[id];
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'e2e-1' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
  });
  server.on('request', provider.callback());
}

/** The provider's development pages: sign in as `login` (any password), then consent. */
async function signInAtIdp(page: Page, issuer: string, login: string): Promise<void> {
  await page.waitForURL((u) => u.href.startsWith(issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe.skipIf(!withServer)('real-name verification through an OpenID provider', () => {
  let oidcApp: RunningApp;
  let idp: Server;
  let issuer = '';

  beforeAll(async () => {
    ({ server: idp, issuer } = await listenForIdp());
    const client = { id: 'yingshang-e2e', secret: randomBytes(24).toString('base64url') };
    oidcApp = await startServer({ env: { YS_OIDC_ISSUER: issuer, YS_OIDC_CLIENT_ID: client.id, YS_OIDC_CLIENT_SECRET: client.secret } });
    attachIdp(idp, issuer, { ...client, redirectUri: `${oidcApp.baseUrl}/api/v1/realname/oidc/callback` });
  }, 240_000);

  afterAll(async () => {
    await oidcApp?.stop();
    if (idp) await new Promise<void>((resolve) => idp.close(() => resolve()));
  });

  it('shows the provider, refuses an invalid ID it sends, and verifies on the second try, returning to ?returnTo', async () => {
    const { page, context, errors } = await newPage(browser, { baseURL: oidcApp.baseUrl });
    await loginViaApi(page, 'enterprise');
    await page.goto('/realname?returnTo=/notifications');
    expect(await page.getByTestId('realname-provider-label').innerText()).toBe('政务服务实名认证 (Government real-name verification, OpenID Connect)');
    expect(await page.getByTestId('realname-demo-banner').count()).toBe(0);
    await page.getByTestId('realname-oidc-start').waitFor();
    await screenshots(page, 'realname-oidc');

    // The provider sends a malformed number: the callback refuses it and this page says why.
    await page.getByTestId('realname-oidc-start').click();
    await signInAtIdp(page, issuer, 'bad-id');
    const refused = page.getByTestId('realname-callback-error');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('认证服务返回的身份证号码无效');
    expect(new URL(page.url()).search).toBe('');

    // Second try with a proper account: verified at the provider's level, then back to where the user was.
    // The provider would otherwise reuse its session with the first account (its cookies start with `_`;
    // cookies ignore ports, so the app's own session cookie is in the same jar and must stay).
    await context.clearCookies({ name: /^_/ });
    await page.getByTestId('realname-oidc-start').click();
    await signInAtIdp(page, issuer, 'zhang-san');
    await page.getByTestId('realname-success').waitFor();
    expect(await page.getByTestId('realname-verified-name').innerText()).toBe('张三');
    expect(await page.getByTestId('realname-verified-id').innerText()).toBe('1101**********002X');
    expect(await page.getByTestId('realname-verified-assurance').innerText()).toContain('较高');
    await page.waitForURL((u) => u.pathname === '/notifications', { timeout: 15_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
