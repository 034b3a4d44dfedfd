import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { routePlugins } from '../../routes.js';
import { createTestDb, describeEachDialect, type TestDb } from '../../test/db.js';
import { loadConfig } from '../config/index.js';
import { runTool, tempDir, writeTemp } from '../pki/pki.test-support.js';
import { timestampRoutes } from './timestamp.routes.js';

describeEachDialect('POST /api/v1/tsa (RFC 3161 over HTTP)', (dialect) => {
  let app: FastifyInstance;
  let testDb: TestDb;
  let dir: string;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    const config = loadConfig({ dataDir: tempDir('ys-tsa-api-'), databaseUrl: testDb.url });
    app = await buildApp({ db: testDb.db, config, logger: false });
    // Until server/src/routes.ts lists the plugin, mount it the way the lead will.
    if (!routePlugins.some(([, plugin]) => plugin === timestampRoutes)) {
      await app.withTypeProvider<ZodTypeProvider>().register(
        async (scope) => timestampRoutes(scope.withTypeProvider<ZodTypeProvider>(), { db: testDb.db, config }),
        { prefix: '/api/v1/tsa' },
      );
    }
    await app.ready();
    dir = tempDir('ys-tsa-api-files-');
  });

  afterAll(async () => {
    await app.close();
    await testDb.close();
  });

  function openssl(...args: string[]) {
    return runTool('openssl', args);
  }

  async function post(body: Buffer, contentType = 'application/timestamp-query') {
    return app.inject({ method: 'POST', url: '/api/v1/tsa', headers: { 'content-type': contentType }, payload: body });
  }

  it('answers an openssl query with a reply that openssl verifies against /ca.pem', async () => {
    const data = writeTemp('deed.txt', '抵押登记 mortgage registration 2026-08-30\n', dir);
    const query = join(dir, 'q.tsq');
    expect(openssl('ts', '-query', '-data', data, '-sha256', '-cert', '-out', query).status).toBe(0);
    const res = await post(readFileSync(query));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/timestamp-reply');
    const reply = writeTemp('r.tsr', res.rawPayload, dir);

    const caRes = await app.inject({ method: 'GET', url: '/api/v1/tsa/ca.pem' });
    expect(caRes.statusCode).toBe(200);
    expect(caRes.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const ca = writeTemp('ca.pem', caRes.body, dir);
    expect(openssl('ts', '-verify', '-data', data, '-in', reply, '-CAfile', ca).output).toContain('Verification: OK');
    const other = writeTemp('other.txt', 'something else\n', dir);
    expect(openssl('ts', '-verify', '-data', other, '-in', reply, '-CAfile', ca).output).toContain('Verification: FAILED');

    const tsaRes = await app.inject({ method: 'GET', url: '/api/v1/tsa/tsa.pem' });
    expect(openssl('verify', '-CAfile', ca, '-purpose', 'timestampsign', writeTemp('tsa.pem', tsaRes.body, dir)).output).toContain(': OK');
  });

  it('answers a malformed query with an RFC 3161 rejection, not an error', async () => {
    const res = await post(Buffer.from('this is not DER at all'));
    expect(res.statusCode).toBe(200);
    const text = openssl('ts', '-reply', '-in', writeTemp('bad.tsr', res.rawPayload, dir), '-text').output;
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('Failure info: the data submitted has the wrong format');

    const empty = await post(Buffer.alloc(0));
    expect(empty.statusCode).toBe(200);
    expect(openssl('ts', '-reply', '-in', writeTemp('empty.tsr', empty.rawPayload, dir), '-text').output).toContain('Status: Rejected.');
  });

  it('refuses other content types with 415 problem+json and oversized bodies with 413', async () => {
    const res = await post(Buffer.from('x'), 'application/octet-stream');
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const big = await post(Buffer.alloc(20 * 1024, 0x30));
    expect(big.statusCode).toBe(413);
  });
});
