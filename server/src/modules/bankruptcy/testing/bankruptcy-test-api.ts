import type { DialectName } from '../../../platform/db/index.js';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { routePlugins } from '../../../routes.js';
import { createTestApi, type TestApi } from '../../../test/api.js';
import { bankruptcyRoutes } from '../bankruptcy.routes.js';

export const PREFIX = '/api/v1/bankruptcy';

/**
 * A test API with the bankruptcy routes mounted. Until the lead registers the module in server/src/routes.ts,
 * the plugin is added to the list here (once) before the app is built; afterwards this is a no-op.
 */
export async function createBankruptcyTestApi(dialect: DialectName): Promise<TestApi> {
  const list = routePlugins as unknown as [string, RoutePlugin][];
  if (!list.some(([prefix]) => prefix === PREFIX)) list.push([PREFIX, bankruptcyRoutes]);
  return createTestApi(dialect);
}
