import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { residentIdProblem } from '../identity/resident-id.js';
import { realNameProblem } from './realname.errors.js';
import { normalizePersonName } from './person-name.js';
import { normalizeResidentId, protectResidentId } from './resident-id-hash.js';
import { systemClock, type Assurance, type Clock, type ProviderInfo, type RealNameLogger, type VerifiedClaims } from './realname.types.js';

export const OIDC_DEFAULT_LABEL = '政务服务实名认证 (Government real-name verification, OpenID Connect)';

/** A pending authorization: kept server-side for the user who started it, never sent to the browser. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  createdAt: string;
}

/** Ten minutes is ample for a person to sign in at the provider, and bounds how long a stolen state is useful. */
export const OIDC_TRANSACTION_TTL_MS = 10 * 60 * 1000;

export interface OidcProviderOptions {
  /** YS_OIDC_ISSUER */
  issuer: string;
  /** YS_OIDC_CLIENT_ID */
  clientId: string;
  /** YS_OIDC_CLIENT_SECRET */
  clientSecret: string;
  /** Registered at the provider: `${publicUrl}/api/v1/realname/oidc/callback`. */
  redirectUri: string;
  piiKey: Buffer;
  logger: RealNameLogger;
  /** Default `openid profile`. */
  scope?: string;
  /** Claim holding the person's name; default `name`. */
  nameClaim?: string;
  /** Claim holding the resident ID; default `resident_id`. */
  residentIdClaim?: string;
  /** Level granted when the ID token's `acr` is absent or unknown; default `substantial`. */
  assurance?: Assurance;
  /** `acr` values the provider uses, mapped to levels (e.g. a face-verified login → `high`). */
  acrAssurance?: Record<string, Assurance>;
  /** How the client authenticates at the token endpoint; default `client_secret_basic` (OIDC Core 9). */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  label?: string;
  clock?: Clock;
}

/**
 * Real-name verification by a government OpenID Connect provider: authorization code flow with PKCE (S256),
 * `state` checked against the transaction stored for the user (CSRF), `nonce` checked in the ID token (replay),
 * issuer checked by RFC 9207 `iss` when the provider sends it. Name and resident ID come from the ID token or,
 * when the provider keeps them out of it (the usual default), from the UserInfo endpoint.
 */
export class OidcRealNameProvider {
  readonly info: ProviderInfo;
  private readonly opts: Required<Omit<OidcProviderOptions, 'acrAssurance' | 'label'>> & Pick<OidcProviderOptions, 'acrAssurance'>;
  private discovered: Promise<client.Configuration> | undefined;

  constructor(options: OidcProviderOptions) {
    this.info = Object.freeze({ id: 'oidc', label: options.label ?? OIDC_DEFAULT_LABEL, isDemo: false, flow: 'redirect' as const });
    this.opts = {
      scope: 'openid profile',
      nameClaim: 'name',
      residentIdClaim: 'resident_id',
      assurance: 'substantial',
      tokenEndpointAuthMethod: 'client_secret_basic',
      clock: systemClock,
      ...options,
    };
  }

  /** Discovery runs once per process and is retried after a failure (the provider may have been down). */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((err: unknown) => {
      this.discovered = undefined;
      throw err;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const issuer = new URL(this.opts.issuer);
    const auth =
      this.opts.tokenEndpointAuthMethod === 'client_secret_post'
        ? client.ClientSecretPost(this.opts.clientSecret)
        : client.ClientSecretBasic(this.opts.clientSecret);
    // Plain HTTP only to a provider on this machine (tests, a provider behind a local proxy); TLS otherwise.
    const execute = issuer.protocol === 'http:' && isLoopback(issuer.hostname) ? [client.allowInsecureRequests] : [];
    return client.discovery(issuer, this.opts.clientId, undefined, auth, { execute, timeout: 15 });
  }

  /** Builds the authorization request. The caller stores the transaction for this user and redirects. */
  async startAuthorization(): Promise<{ url: string; transaction: OidcTransaction }> {
    const config = await this.configuration().catch((err: unknown) => this.failed('discovery', err));
    const transaction: OidcTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      createdAt: this.opts.clock().toISOString(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.opts.redirectUri,
      scope: this.opts.scope,
      response_type: 'code',
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, transaction };
  }

  /**
   * Consumes the provider's redirect. `callbackQuery` is the query string the browser brought back; the URL
   * is rebuilt on the registered redirect URI so a forged Host header cannot change what is sent to the
   * token endpoint. `transaction` is the one stored for the signed-in user, or undefined when there is none.
   */
  async completeAuthorization(callbackQuery: URLSearchParams | string, transaction: OidcTransaction | undefined): Promise<VerifiedClaims> {
    const now = this.opts.clock();
    if (!transaction || now.getTime() - Date.parse(transaction.createdAt) > OIDC_TRANSACTION_TTL_MS) {
      throw realNameProblem('realname-oidc-transaction-missing');
    }
    const params = new URLSearchParams(callbackQuery);
    // Checked here before anything else (openid-client checks it again) so a forged callback gets a clear
    // answer and never reaches the token endpoint.
    if (!sameString(params.get('state') ?? '', transaction.state)) throw realNameProblem('realname-oidc-state-mismatch');
    const error = params.get('error');
    if (error === 'access_denied') throw realNameProblem('realname-oidc-denied');
    if (error) throw this.failed('authorization', new Error(`authorization error ${error}`));

    const config = await this.configuration().catch((err: unknown) => this.failed('discovery', err));
    const callbackUrl = new URL(this.opts.redirectUri);
    callbackUrl.search = params.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      if (isNonceMismatch(err)) throw realNameProblem('realname-oidc-nonce-mismatch');
      throw this.failed('token', err);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw this.failed('token', new Error('no ID token'));
    let claims: Record<string, unknown> = { ...idClaims };
    if (claims[this.opts.nameClaim] === undefined || claims[this.opts.residentIdClaim] === undefined) {
      try {
        // The subject must match the ID token's: a UserInfo answer about someone else is refused by the library.
        const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...userInfo, ...claims };
      } catch (err) {
        throw this.failed('userinfo', err);
      }
    }
    return this.toVerifiedClaims(claims, idClaims.sub, typeof idClaims.acr === 'string' ? idClaims.acr : undefined, now);
  }

  private toVerifiedClaims(claims: Record<string, unknown>, sub: string, acr: string | undefined, now: Date): VerifiedClaims {
    const rawName = claims[this.opts.nameClaim];
    const rawId = claims[this.opts.residentIdClaim];
    if (typeof rawName !== 'string' || typeof rawId !== 'string' || !rawName || !rawId) {
      this.opts.logger.warn({ missing: [this.opts.nameClaim, this.opts.residentIdClaim].filter((c) => typeof claims[c] !== 'string') }, 'realname oidc claims missing');
      throw realNameProblem('realname-oidc-claims-missing');
    }
    const residentId = normalizeResidentId(rawId);
    const problem = residentIdProblem(residentId, now);
    const name = normalizePersonName(rawName);
    if (problem || !name) {
      this.opts.logger.warn({ residentIdProblem: problem, nameValid: name !== null }, 'realname oidc claims invalid');
      throw realNameProblem('realname-oidc-claims-invalid');
    }
    return {
      name,
      residentId: protectResidentId(residentId, this.opts.piiKey),
      assurance: assuranceFromAcr(acr, this.opts.acrAssurance, this.opts.assurance),
      providerId: this.info.id,
      providerSubject: sub,
      verifiedAt: now.toISOString(),
    };
  }

  /** Logs the library's message and code only: its error causes can hold the ID token's claims. */
  private failed(step: string, err: unknown): never {
    const e = err instanceof Error ? err : new Error(String(err));
    const code = (e as { code?: unknown }).code;
    this.opts.logger.warn({ step, code: typeof code === 'string' ? code : undefined, message: e.message }, 'realname oidc failed');
    throw realNameProblem('realname-oidc-failed', `step ${step}`);
  }
}

export function assuranceFromAcr(acr: string | undefined, map: Record<string, Assurance> | undefined, fallback: Assurance): Assurance {
  if (acr !== undefined && map && Object.hasOwn(map, acr)) return map[acr]!;
  return fallback;
}

function isNonceMismatch(err: unknown): boolean {
  if (!(err instanceof client.ClientError) || err.code !== 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') return false;
  const cause = err.cause as { cause?: { claim?: unknown } } | undefined;
  return cause?.cause?.claim === 'nonce';
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';
}
