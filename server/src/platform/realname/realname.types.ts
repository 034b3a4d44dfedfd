/**
 * Real-name verification (实名认证, `realNameVerification`): shared types for every provider.
 *
 * A provider proves that the person at the keyboard is the holder of a resident ID. What it hands back never
 * carries the resident ID in clear beyond the provider itself: only the masked form (shown) and a keyed hash
 * (matched). Collecting no more than that is PIPL Art. 6 (minimum necessary).
 */

/**
 * Assurance level, after the eIDAS levels (Regulation 910/2014 Art. 8), which map well onto what Chinese
 * government identity services offer: `low` = self-asserted data checked only for form (the local demo);
 * `substantial` = a government account with verified identity; `high` = that plus face or certificate proof.
 */
export type Assurance = 'low' | 'substantial' | 'high';

export const ASSURANCE_ORDER: readonly Assurance[] = ['low', 'substantial', 'high'];

/** True when `actual` is at least `required`: callers ask for a minimum, never an exact level. */
export function assuranceAtLeast(actual: Assurance, required: Assurance): boolean {
  return ASSURANCE_ORDER.indexOf(actual) >= ASSURANCE_ORDER.indexOf(required);
}

/** What the API tells the UI about the provider in use (`GET /api/v1/realname/provider`). */
export interface ProviderInfo {
  /** Stable id stored with each result: `local-demo`, `oidc`. */
  id: string;
  /** Shown to the user as is; the demo label says plainly that it is not a government service. */
  label: string;
  /** True for anything that is not a real identity service; the UI must show a warning banner. */
  isDemo: boolean;
  /** How the UI drives it: `otp` = form + one-time code; `redirect` = browser goes to the provider. */
  flow: 'otp' | 'redirect';
}

/** A resident ID as the platform keeps it: masked for display, keyed hash for matching. */
export interface ProtectedResidentId {
  /** `1101**********002X` */
  masked: string;
  /** HMAC-SHA256(piiKey, ID), lowercase hex. */
  hash: string;
}

/** What every provider returns once the person is verified. */
export interface VerifiedClaims {
  name: string;
  residentId: ProtectedResidentId;
  assurance: Assurance;
  /** ProviderInfo.id */
  providerId: string;
  /** The provider's own subject identifier (OIDC `sub`), when it has one; kept for audit, never shown. */
  providerSubject?: string;
  verifiedAt: string;
}

/** Minimal pino-compatible logger, so providers can be tested without Fastify. */
export interface RealNameLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
