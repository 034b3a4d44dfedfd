/**
 * Test support for the real-name API tests: the full application (buildApp) on a fresh database, with the
 * real-name routes added when server/src/routes.ts does not list them yet, and the server log captured so a
 * test can read the one-time code the way an operator would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../app.js';
import { routePlugins } from '../../routes.js';
import { loadConfig, type Config } from '../config/index.js';
import type { DialectName } from '../db/index.js';
import { createTestDb, type TestDb } from '../../test/db.js';
import { createTestOrganization, createTestUser, TEST_PASSWORD } from '../../test/api.js';
import { realNameRoutes } from './realname.routes.js';

export interface Browser {
  userId: string;
  get(url: string, cookies?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body: unknown, opts?: { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export interface RealNameTestApp {
  app: FastifyInstance;
  testDb: TestDb;
  config: Config;
  /** Every line the server logged, as JSON text. */
  logLines: string[];
  anonymous: Browser;
  /** A fresh user in a fresh enterprise, signed in. */
  newUser(): Promise<Browser>;
  close(): Promise<void>;
}

export async function createRealNameTestApp(dialect: DialectName, overrides: Partial<Config> = {}): Promise<RealNameTestApp> {
  const testDb = await createTestDb(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-realname-'));
  const config = loadConfig({ dataDir, databaseUrl: testDb.url, rateLimitLoginPerMinute: 1000, ...overrides });
  const logLines: string[] = [];
  const app = await buildApp({
    db: testDb.db,
    config,
    logger: {
      level: 'info',
      stream: { write: (line: string) => logLines.push(line) },
      // The same redaction as production (server/src/app.ts).
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', '*.residentId', '*.phone', '*.password'], censor: '[masked]' },
    },
  });
  if (!routePlugins.some(([, plugin]) => plugin === realNameRoutes)) {
    await app
      .withTypeProvider<ZodTypeProvider>()
      .register(async (scope) => realNameRoutes(scope.withTypeProvider<ZodTypeProvider>(), { db: testDb.db, config }), { prefix: '/api/v1/realname' });
  }
  await app.ready();

  const browser = (userId: string, session: string | null, csrf: string | null): Browser => ({
    userId,
    get: (url, cookies = {}) => app.inject({ method: 'GET', url, cookies: { ...(session ? { ys_session: session } : {}), ...cookies } }),
    post: (url, body, opts = {}) =>
      app.inject({
        method: 'POST',
        url,
        payload: body as Record<string, unknown>,
        cookies: session ? { ys_session: session } : {},
        headers: csrf && opts.csrf !== false ? { 'x-csrf-token': csrf } : {},
      }),
  });

  return {
    app,
    testDb,
    config,
    logLines,
    anonymous: browser('', null, null),
    async newUser() {
      const org = await createTestOrganization(testDb.db);
      const user = await createTestUser(testDb.db, config, { organizationId: org.id, roles: ['enterprise-user'] });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      return browser(user.id, res.cookies.find((c) => c.name === 'ys_session')!.value, res.json<{ csrfToken: string }>().csrfToken);
    },
    async close() {
      await app.close();
      await testDb.close();
    },
  };
}
