/**
 * Test support: a real OpenID provider (the `oidc-provider` package) on 127.0.0.1 with a random port, and a
 * fetch-driven "browser" that walks its sign-in and consent pages. Used by the OIDC tests only.
 */
import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** `grant.success` / `grant.error` for every token request, to assert what reached the token endpoint. */
  events: string[];
  close(): Promise<void>;
}

/** People known to the test provider; claims in both the default names and a custom set (`xm`, `sfzh`). */
export const TEST_ACCOUNTS: Record<string, Record<string, unknown>> = {
  'zhang-san': { name: '张三', resident_id: '11010519491231002X', xm: '张三', sfzh: '11010519491231002X' },
  // A provider that leaves the resident ID out: the relying party must refuse it.
  'no-id': { name: '李四' },
  // A provider that sends a malformed ID (wrong check character): refused, not stored.
  'bad-id': { name: '王五', resident_id: '110105194912310021' },
};

export async function startTestOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'yingshang-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const events: string[] = [];

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'resident_id'], cn_realname: ['xm', 'sfzh'] },
    scopes: ['openid', 'profile', 'cn_realname'],
    findAccount: (_ctx, id) => {
      const claims = TEST_ACCOUNTS[id];
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test-1' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // PKCE for every client, not only public ones, so the tests show a wrong verifier is refused.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
  });
  provider.on('grant.success', () => events.push('grant.success'));
  provider.on('grant.error', () => events.push('grant.error'));
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    events,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A cookie jar just good enough for one sign-in: the provider's cookies are host-only and short-lived. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Plays the user's browser from the authorization URL to the redirect back to the relying party: follows
 * redirects, signs in as `login` on the provider's login page and grants consent. Returns the callback's
 * query string (code, state, iss), exactly what the browser would bring to /api/v1/realname/oidc/callback.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.store(res);
    body = undefined;
    if (res.status >= 300 && res.status < 400) {
      const location = new URL(res.headers.get('location')!, url).href;
      if (location.startsWith(redirectUri)) return new URL(location).search.slice(1);
      url = location;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'test-password' } : { prompt });
  }
  throw new Error('sign-in did not reach the redirect URI in 20 steps');
}
