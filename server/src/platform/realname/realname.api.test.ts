import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { describeEachDialect } from '../../test/db.js';
import { createRealNameTestApp, type Browser, type RealNameTestApp } from './realname-test-app.test-support.js';
import { signInAtProvider, startTestOidcProvider, type TestOidcProvider } from './oidc-test-provider.test-support.js';
import { getVerifiedIdentity } from './realname.service.js';
import { LOCAL_DEMO_LABEL } from './local.provider.js';
import { OIDC_TX_COOKIE } from './routes/oidc-cookie.js';

const ID = '11010519491231002X';
const base = '/api/v1/realname';

function codeFromLog(t: RealNameTestApp, challengeId: string): string {
  const line = t.logLines.find((l) => l.includes(challengeId) && l.includes('one-time code'));
  return /one-time code (\d{6})/.exec(line!)![1]!;
}

describeEachDialect('realname API: local demo provider', (dialect) => {
  let t: RealNameTestApp;
  beforeAll(async () => {
    t = await createRealNameTestApp(dialect);
  });
  afterAll(() => t.close());

  it('tells anyone which provider runs, labelled as a demo', async () => {
    const res = await t.anonymous.get(`${base}/provider`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ provider: { id: 'local-demo', label: LOCAL_DEMO_LABEL, isDemo: true, flow: 'otp' } });
  });

  it('verifies a user with name, resident ID (in the body) and the code from the log; every answer and log masks the ID', async () => {
    const u = await t.newUser();
    expect((await u.get(`${base}/me`)).json()).toEqual({ verification: null });
    const start = await u.post(`${base}/local/start`, { name: '张三', residentId: ID.toLowerCase() });
    expect(start.statusCode).toBe(201);
    const { challengeId, residentIdMasked, codeDelivery } = start.json<{ challengeId: string; residentIdMasked: string; codeDelivery: string }>();
    expect(residentIdMasked).toBe('1101**********002X');
    expect(codeDelivery).toBe('server-log');
    const code = codeFromLog(t, challengeId);

    const wrongCode = code === '999999' ? '000000' : '999999';
    const wrong = await u.post(`${base}/local/confirm`, { challengeId, code: wrongCode });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'realname-code-mismatch', attemptsLeft: 4, title: '验证码不正确' });

    const ok = await u.post(`${base}/local/confirm`, { challengeId, code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ verification: { name: '张三', residentIdMasked: '1101**********002X', assurance: 'low', provider: 'local-demo', isDemo: true } });
    const me = await u.get(`${base}/me`);
    expect(me.json().verification).toMatchObject({ residentIdMasked: '1101**********002X' });

    const identity = await getVerifiedIdentity(t.testDb.db, u.userId);
    expect(identity).toMatchObject({ name: '张三', residentIdMasked: '1101**********002X', assurance: 'low', provider: 'local-demo' });
    expect(identity!.residentIdHash).toBe(createHmac('sha256', t.config.piiKey).update(ID).digest('hex'));

    const rows = await t.testDb.db.selectFrom('realname_verifications').selectAll().where('user_id', '=', u.userId).execute();
    const challenges = await t.testDb.db.selectFrom('realname_challenges').selectAll().where('user_id', '=', u.userId).execute();
    for (const text of [start.body, ok.body, me.body, JSON.stringify(rows), JSON.stringify(challenges), t.logLines.join('')]) {
      expect(text.toUpperCase()).not.toContain(ID);
    }
    expect(JSON.stringify(challenges)).not.toContain(`"${code}"`);
  });

  it('refuses an invalid resident ID with 422 naming the field, and unknown fields with 400', async () => {
    const u = await t.newUser();
    const bad = await u.post(`${base}/local/start`, { name: '张三', residentId: '110105194912310021' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'invalid-resident-id', errors: [{ path: 'body.residentId', code: 'resident-id-check-char' }] });
    const extra = await u.post(`${base}/local/start`, { name: '张三', residentId: ID, phone: '13800000000' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].path).toContain('phone');
  });

  it('needs a signed-in user and the CSRF token; a challenge is only its starter\'s', async () => {
    expect((await t.anonymous.post(`${base}/local/start`, { name: '张三', residentId: ID })).statusCode).toBe(401);
    const a = await t.newUser();
    expect((await a.post(`${base}/local/start`, { name: '张三', residentId: ID }, { csrf: false })).statusCode).toBe(403);
    const { challengeId } = (await a.post(`${base}/local/start`, { name: '张三', residentId: ID })).json<{ challengeId: string }>();
    const b: Browser = await t.newUser();
    const stolen = await b.post(`${base}/local/confirm`, { challengeId, code: codeFromLog(t, challengeId) });
    expect(stolen.statusCode).toBe(404);
    expect(await getVerifiedIdentity(t.testDb.db, b.userId)).toBeNull();
  });

  it('does not offer the OIDC flow when the local demo runs', async () => {
    const u = await t.newUser();
    const res = await u.get(`${base}/oidc/start`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('realname-provider-unavailable');
  });
});

describeEachDialect('realname API: OIDC provider', (dialect) => {
  let t: RealNameTestApp;
  let op: TestOidcProvider;
  const publicUrl = 'http://127.0.0.1:18080';
  beforeAll(async () => {
    op = await startTestOidcProvider(`${publicUrl}${base}/oidc/callback`);
    t = await createRealNameTestApp(dialect, { publicUrl, oidcIssuer: op.issuer, oidcClientId: op.clientId, oidcClientSecret: op.clientSecret });
  });
  afterAll(async () => {
    await t.close();
    await op.close();
  });

  /** GET /oidc/start as the browser: the redirect to the provider and the transaction cookie. */
  async function start(u: Browser) {
    const res = await u.get(`${base}/oidc/start`);
    expect(res.statusCode).toBe(302);
    const cookie = res.cookies.find((c) => c.name === OIDC_TX_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `${base}/oidc` });
    return { location: res.headers.location as string, txCookie: cookie.value };
  }

  it('runs the whole flow: start → provider sign-in and consent → callback → stored, masked result', async () => {
    expect((await t.anonymous.get(`${base}/provider`)).json().provider).toMatchObject({ id: 'oidc', isDemo: false, flow: 'redirect' });
    const u = await t.newUser();
    const { location, txCookie } = await start(u);
    expect(location.startsWith(`${op.issuer}/`)).toBe(true);
    const query = await signInAtProvider(location, 'zhang-san', `${publicUrl}${base}/oidc/callback`);
    const cb = await u.get(`${base}/oidc/callback?${query}`, { [OIDC_TX_COOKIE]: txCookie });
    expect(cb.statusCode).toBe(302);
    expect(cb.headers.location).toBe('/realname?status=verified');
    expect((await u.get(`${base}/me`)).json()).toMatchObject({
      verification: { name: '张三', residentIdMasked: '1101**********002X', assurance: 'substantial', provider: 'oidc', isDemo: false },
    });
    expect(t.logLines.join('').toUpperCase()).not.toContain(ID);
    // The transaction is single use: the same callback again is refused.
    const again = await u.get(`${base}/oidc/callback?${query}`, { [OIDC_TX_COOKIE]: txCookie });
    expect(again.headers.location).toBe('/realname?error=realname-oidc-transaction-missing');
  });

  it('refuses a callback with a wrong state and stores nothing', async () => {
    const u = await t.newUser();
    const { location, txCookie } = await start(u);
    const query = new URLSearchParams(await signInAtProvider(location, 'zhang-san', `${publicUrl}${base}/oidc/callback`));
    query.set('state', 'forged-state');
    const cb = await u.get(`${base}/oidc/callback?${query}`, { [OIDC_TX_COOKIE]: txCookie });
    expect(cb.headers.location).toBe('/realname?error=realname-oidc-state-mismatch');
    expect(await getVerifiedIdentity(t.testDb.db, u.userId)).toBeNull();
  });

  it('refuses a callback brought by another user (the transaction is bound to whoever started it)', async () => {
    const victim = await t.newUser();
    const attacker = await t.newUser();
    const { location, txCookie } = await start(attacker);
    const query = await signInAtProvider(location, 'zhang-san', `${publicUrl}${base}/oidc/callback`);
    const cb = await victim.get(`${base}/oidc/callback?${query}`, { [OIDC_TX_COOKIE]: txCookie });
    expect(cb.headers.location).toBe('/realname?error=realname-oidc-transaction-missing');
    expect(await getVerifiedIdentity(t.testDb.db, victim.userId)).toBeNull();
  });

  it('does not offer the local demo when OIDC runs', async () => {
    const u = await t.newUser();
    const res = await u.post(`${base}/local/start`, { name: '张三', residentId: ID });
    expect(res.statusCode).toBe(409);
  });
});
