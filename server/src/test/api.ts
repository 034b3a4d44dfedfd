/**
 * API test support: a Fastify app on a fresh database, a login helper that keeps the session cookie and CSRF
 * token, and factories that make a fresh organization and user per test (so tests never share records).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../platform/config/index.js';
import type { Db, DialectName } from '../platform/db/index.js';
import { createOrganization, createUser, withUsccCheckChar, type OrganizationKind } from '../platform/identity/index.js';
import { createTestDb, type TestDb } from './db.js';

export const TEST_PASSWORD = 'Test#2026pw';

export interface TestApi {
  app: FastifyInstance;
  db: Db;
  config: Config;
  testDb: TestDb;
  /** Log in; returns a client that sends the cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  /** Every line the server logged (JSON), e.g. to read a one-time code as an operator would. */
  logLines: string[];
  close(): Promise<void>;
}

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  csrfToken: string | null;
}

function client(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Client {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken && opts.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(opts.headers as Record<string, string> | undefined),
      },
    });
  return {
    csrfToken,
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: (url, body, headers) => request({ method: 'POST', url, payload: body as InjectOptions['payload'], headers }),
    put: (url, body, headers) => request({ method: 'PUT', url, payload: body as InjectOptions['payload'], headers }),
    delete: (url, headers) => request({ method: 'DELETE', url, headers }),
  };
}

export async function createTestApi(dialect: DialectName, overrides: Partial<Config> = {}): Promise<TestApi> {
  const testDb = await createTestDb(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-test-'));
  const config = loadConfig({ dataDir, databaseUrl: testDb.url, rateLimitLoginPerMinute: 1000, ...overrides });
  const logLines: string[] = [];
  const app = await buildApp({ db: testDb.db, config, logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } } });
  await app.ready();
  return {
    app,
    db: testDb.db,
    config,
    testDb,
    anonymous: client(app, null, null),
    logLines,
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'ys_session');
      return client(app, `ys_session=${setCookie!.value}`, res.json<{ csrfToken: string }>().csrfToken);
    },
    async close() {
      await app.close();
      await testDb.close();
    },
  };
}

let counter = 0;
/** A fresh organization with a valid, unique 统一社会信用代码. */
export async function createTestOrganization(db: Db, kind: OrganizationKind = 'enterprise', name?: string) {
  counter += 1;
  const body = randomBytes(5).toString('hex').toUpperCase().replace(/[IOSVZ]/g, 'A');
  const uscc = withUsccCheckChar(`913505${String(counter % 100).padStart(2, '0')}${body.slice(0, 9).padEnd(9, '0')}`);
  return createOrganization(db, { kind, name: name ?? `测试机构${counter}-${body.slice(0, 4)}`, uscc: kind === 'enterprise' ? uscc : null });
}

/** A fresh user (password TEST_PASSWORD) in the organization with the roles. */
export async function createTestUser(
  db: Db,
  config: Config,
  opts: { organizationId: string; roles: string[]; username?: string; residentId?: string; phone?: string },
) {
  counter += 1;
  const username = opts.username ?? `u${counter}_${randomBytes(3).toString('hex')}`;
  return createUser(db, config.piiKey, {
    username,
    displayName: `测试用户${counter}`,
    password: TEST_PASSWORD,
    organizationId: opts.organizationId,
    roles: opts.roles,
    residentId: opts.residentId ?? null,
    phone: opts.phone ?? null,
  });
}
