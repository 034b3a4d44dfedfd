import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import { OidcRealNameProvider, assuranceFromAcr, OIDC_TRANSACTION_TTL_MS, type OidcProviderOptions } from './oidc.provider.js';
import { signInAtProvider, startTestOidcProvider, type TestOidcProvider } from './oidc-test-provider.test-support.js';
import { isRealNameProblem } from './realname.errors.js';
import type { RealNameLogger } from './realname.types.js';

const REDIRECT_URI = 'http://127.0.0.1:9/api/v1/realname/oidc/callback';
const piiKey = randomBytes(32);

function captureLogger(): RealNameLogger & { lines: string[] } {
  const lines: string[] = [];
  const push = (obj: Record<string, unknown>, msg: string) => lines.push(`${msg} ${JSON.stringify(obj)}`);
  return { lines, info: push, warn: push };
}

describe('OIDC real-name provider against a real OpenID provider (oidc-provider v9)', () => {
  let op: TestOidcProvider;
  const logger = captureLogger();
  let rp: OidcRealNameProvider;
  const options = (extra: Partial<OidcProviderOptions> = {}): OidcProviderOptions => ({
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    redirectUri: REDIRECT_URI,
    piiKey,
    logger,
    ...extra,
  });

  beforeAll(async () => {
    op = await startTestOidcProvider(REDIRECT_URI);
    rp = new OidcRealNameProvider(options());
  });
  afterAll(async () => {
    await op.close();
  });

  it('runs the authorization code flow with PKCE, state and nonce and returns name, masked ID and keyed hash', async () => {
    const { url, transaction } = await rp.startAuthorization();
    const auth = new URL(url);
    expect(auth.origin).toBe(op.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBe(transaction.state);
    expect(auth.searchParams.get('nonce')).toBe(transaction.nonce);
    expect(auth.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    // The verifier itself never leaves the server.
    expect(url).not.toContain(transaction.codeVerifier);

    const callback = await signInAtProvider(url, 'zhang-san', REDIRECT_URI);
    const query = new URLSearchParams(callback);
    expect(query.get('code')).toBeTruthy();
    expect(query.get('state')).toBe(transaction.state);

    const claims = await rp.completeAuthorization(callback, transaction);
    expect(claims.name).toBe('张三');
    expect(claims.residentId.masked).toBe('1101**********002X');
    // Independent computation of the keyed hash from the known ID.
    expect(claims.residentId.hash).toBe(createHmac('sha256', piiKey).update('11010519491231002X').digest('hex'));
    expect(claims.assurance).toBe('substantial');
    expect(claims.providerId).toBe('oidc');
    expect(claims.providerSubject).toBe('zhang-san');
    expect(rp.info).toEqual({ id: 'oidc', label: expect.stringContaining('OpenID Connect'), isDemo: false, flow: 'redirect' });
    expect(logger.lines.join('\n')).not.toContain('11010519491231002X');
  });

  it('uses configured claim names, scope and assurance', async () => {
    const custom = new OidcRealNameProvider(options({ scope: 'openid cn_realname', nameClaim: 'xm', residentIdClaim: 'sfzh', assurance: 'high' }));
    const { url, transaction } = await custom.startAuthorization();
    expect(new URL(url).searchParams.get('scope')).toBe('openid cn_realname');
    const claims = await custom.completeAuthorization(await signInAtProvider(url, 'zhang-san', REDIRECT_URI), transaction);
    expect(claims).toMatchObject({ name: '张三', residentId: { masked: '1101**********002X' }, assurance: 'high' });
  });

  it('refuses a callback whose state is not the one stored for the user, before the code is exchanged', async () => {
    const { url, transaction } = await rp.startAuthorization();
    const callback = new URLSearchParams(await signInAtProvider(url, 'zhang-san', REDIRECT_URI));
    const grantsBefore = op.events.filter((e) => e === 'grant.success').length;
    callback.set('state', `${transaction.state}x`);
    await expect(rp.completeAuthorization(callback, transaction)).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-oidc-state-mismatch'));
    // A callback with no state at all is refused the same way.
    callback.delete('state');
    await expect(rp.completeAuthorization(callback, transaction)).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-oidc-state-mismatch'));
    expect(op.events.filter((e) => e === 'grant.success').length).toBe(grantsBefore);
  });

  it('refuses a code from another sign-in (state forged to match, nonce in the ID token differs)', async () => {
    // The attacker's own authorization: code and ID token bound to the attacker's nonce.
    const attacker = await rp.startAuthorization();
    const callback = new URLSearchParams(await signInAtProvider(attacker.url, 'zhang-san', REDIRECT_URI));
    // The victim's stored transaction has another nonce; even with the state made to match, the nonce check fails.
    const victim = await rp.startAuthorization();
    callback.set('state', victim.transaction.state);
    const injected = { ...victim.transaction, codeVerifier: attacker.transaction.codeVerifier };
    await expect(rp.completeAuthorization(callback, injected)).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-oidc-nonce-mismatch'));
  });

  it('refuses a token exchange with the wrong PKCE verifier', async () => {
    const { url, transaction } = await rp.startAuthorization();
    const callback = await signInAtProvider(url, 'zhang-san', REDIRECT_URI);
    const other = await rp.startAuthorization();
    const tampered = { ...transaction, codeVerifier: other.transaction.codeVerifier };
    const errorsBefore = op.events.filter((e) => e === 'grant.error').length;
    await expect(rp.completeAuthorization(callback, tampered)).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-oidc-failed'));
    // Refused by the provider's token endpoint, not by a check on our side.
    expect(op.events.filter((e) => e === 'grant.error').length).toBe(errorsBefore + 1);
  });

  it('refuses a code used twice', async () => {
    const { url, transaction } = await rp.startAuthorization();
    const callback = await signInAtProvider(url, 'zhang-san', REDIRECT_URI);
    await rp.completeAuthorization(callback, transaction);
    await expect(rp.completeAuthorization(callback, transaction)).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-oidc-failed'));
  });

  it('refuses when there is no pending transaction or it is older than 10 minutes', async () => {
    const { url, transaction } = await rp.startAuthorization();
    const callback = await signInAtProvider(url, 'zhang-san', REDIRECT_URI);
    await expect(rp.completeAuthorization(callback, undefined)).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-oidc-transaction-missing'));
    const old = { ...transaction, createdAt: new Date(Date.now() - OIDC_TRANSACTION_TTL_MS - 1000).toISOString() };
    await expect(rp.completeAuthorization(callback, old)).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-oidc-transaction-missing'));
  });

  it('refuses a provider answer without a resident ID, or with an invalid one, and never logs the ID', async () => {
    const a = await rp.startAuthorization();
    await expect(rp.completeAuthorization(await signInAtProvider(a.url, 'no-id', REDIRECT_URI), a.transaction)).rejects.toSatisfy((e) =>
      isRealNameProblem(e, 'realname-oidc-claims-missing'),
    );
    const b = await rp.startAuthorization();
    await expect(rp.completeAuthorization(await signInAtProvider(b.url, 'bad-id', REDIRECT_URI), b.transaction)).rejects.toSatisfy((e) =>
      isRealNameProblem(e, 'realname-oidc-claims-invalid'),
    );
    expect(logger.lines.join('\n')).not.toContain('110105194912310021');
  });

  it('reports the user cancelling at the provider', async () => {
    const { transaction } = await rp.startAuthorization();
    const query = new URLSearchParams({ error: 'access_denied', state: transaction.state, iss: op.issuer });
    await expect(rp.completeAuthorization(query, transaction)).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-oidc-denied'));
  });
});

describe('assuranceFromAcr', () => {
  it('maps known acr values and falls back otherwise', () => {
    const map = { 'urn:gov:face': 'high', 'urn:gov:password': 'substantial' } as const;
    expect(assuranceFromAcr('urn:gov:face', map, 'substantial')).toBe('high');
    expect(assuranceFromAcr('urn:other', map, 'substantial')).toBe('substantial');
    expect(assuranceFromAcr(undefined, map, 'low')).toBe('low');
    // Inherited properties are not levels.
    expect(assuranceFromAcr('toString', map, 'low')).toBe('low');
  });
});
