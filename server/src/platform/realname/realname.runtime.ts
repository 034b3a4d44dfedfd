import type { Config } from '../config/index.js';
import type { Db } from '../db/index.js';
import { LocalRealNameProvider } from './local.provider.js';
import { OidcRealNameProvider } from './oidc.provider.js';
import { createDbChallengeStore } from './realname.repository.js';
import { oidcSettings } from './realname.settings.js';
import type { ProviderInfo, RealNameLogger } from './realname.types.js';

/**
 * The provider this server runs: the OIDC provider when YS_OIDC_ISSUER is set, otherwise the local demo.
 * Built once per process (it caches the provider's discovery document); every piece of state it uses lives
 * in the database.
 */
export type RealNameRuntime =
  | { info: ProviderInfo; kind: 'local'; local: LocalRealNameProvider }
  | { info: ProviderInfo; kind: 'oidc'; oidc: OidcRealNameProvider };

export function createRealNameRuntime(db: Db, config: Config, logger: RealNameLogger, env: NodeJS.ProcessEnv = process.env): RealNameRuntime {
  const settings = oidcSettings(config, env);
  if (settings) {
    const oidc = new OidcRealNameProvider({ ...settings, piiKey: config.piiKey, logger });
    return { info: oidc.info, kind: 'oidc', oidc };
  }
  const local = new LocalRealNameProvider({ store: createDbChallengeStore(db), piiKey: config.piiKey, logger });
  return { info: local.info, kind: 'local', local };
}
