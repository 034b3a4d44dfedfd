import type { Config } from '../config/index.js';
import type { Assurance } from './realname.types.js';

export const OIDC_CALLBACK_PATH = '/api/v1/realname/oidc/callback';

/** OIDC settings beyond the three in Config. Documented in README.md ("Settings"). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  nameClaim: string;
  residentIdClaim: string;
  assurance: Assurance;
  acrAssurance: Record<string, Assurance>;
}

const ASSURANCES: readonly Assurance[] = ['low', 'substantial', 'high'];

/**
 * Null when no issuer is set: the embedded default then runs the local demo provider. The claim names differ
 * between provincial identity services, hence YS_OIDC_NAME_CLAIM / YS_OIDC_RESIDENT_ID_CLAIM.
 */
export function oidcSettings(config: Config, env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  if (!config.oidcIssuer) return null;
  if (!config.oidcClientId) throw new Error('配置错误 YS_OIDC_CLIENT_ID is required when YS_OIDC_ISSUER is set');
  const assurance = (env.YS_OIDC_ASSURANCE || 'substantial') as Assurance;
  if (!ASSURANCES.includes(assurance)) throw new Error(`配置错误 YS_OIDC_ASSURANCE=${assurance}: expected low, substantial or high`);
  return {
    issuer: config.oidcIssuer,
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret,
    // Concatenated, not resolved: a public URL with a path (behind a proxy) keeps its path.
    redirectUri: `${config.publicUrl.replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`,
    scope: env.YS_OIDC_SCOPE || 'openid profile',
    nameClaim: env.YS_OIDC_NAME_CLAIM || 'name',
    residentIdClaim: env.YS_OIDC_RESIDENT_ID_CLAIM || 'resident_id',
    assurance,
    acrAssurance: parseAcrAssurance(env.YS_OIDC_ACR_ASSURANCE ?? ''),
  };
}

/** `urn:gov:face=high,urn:gov:password=substantial` → { 'urn:gov:face': 'high', … }. */
export function parseAcrAssurance(raw: string): Record<string, Assurance> {
  const map: Record<string, Assurance> = {};
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const acr = part.slice(0, eq).trim();
    const level = part.slice(eq + 1).trim() as Assurance;
    if (eq <= 0 || !ASSURANCES.includes(level)) {
      throw new Error(`配置错误 YS_OIDC_ACR_ASSURANCE: "${part}" should be acr=low|substantial|high`);
    }
    map[acr] = level;
  }
  return map;
}
