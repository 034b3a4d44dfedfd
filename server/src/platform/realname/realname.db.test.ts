import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { describeEachDialect, createTestDb, type TestDb } from '../../test/db.js';
import { createTestOrganization, createTestUser } from '../../test/api.js';
import { loadConfig } from '../config/index.js';
import { createDbChallengeStore, takeOidcTransaction, insertOidcTransaction } from './realname.repository.js';
import { LocalRealNameProvider } from './local.provider.js';
import { getVerifiedIdentity, recordVerification } from './realname.service.js';
import type { OtpChallenge } from './challenge.store.js';

describeEachDialect('realname repository', (dialect) => {
  let t: TestDb;
  let userId: string;
  const config = loadConfig({ dataDir: '/tmp/ys-realname-db' });
  beforeAll(async () => {
    t = await createTestDb(dialect);
    const org = await createTestOrganization(t.db);
    userId = (await createTestUser(t.db, config, { organizationId: org.id, roles: ['enterprise-user'] })).id;
  });
  afterAll(() => t.close());

  const challenge = (id: string): OtpChallenge => ({
    id,
    purpose: 'realname',
    userId,
    name: '张三',
    residentIdMasked: '1101**********002X',
    residentIdHash: 'h',
    codeHash: 'c',
    attempts: 0,
    expiresAt: new Date(Date.now() + 300_000).toISOString(),
    consumedAt: null,
    createdAt: new Date().toISOString(),
  });

  it('counts at most 5 concurrent guesses, atomically', async () => {
    const store = createDbChallengeStore(t.db);
    await store.insert(challenge('rnc_concurrent'));
    const taken = await Promise.all(Array.from({ length: 12 }, () => store.takeAttempt('rnc_concurrent', 5)));
    expect(taken.filter((n) => n !== null).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await store.find('rnc_concurrent'))!.attempts).toBe(5);
  });

  it('marks a challenge used once only, and a used challenge takes no more guesses', async () => {
    const store = createDbChallengeStore(t.db);
    await store.insert(challenge('rnc_once'));
    const results = await Promise.all([store.markConsumed('rnc_once', 'a'), store.markConsumed('rnc_once', 'b')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.takeAttempt('rnc_once', 5)).toBeNull();
  });

  it('gives an OIDC transaction to its own user once', async () => {
    const row = { id: 'rno_1', user_id: userId, state: 's', nonce: 'n', code_verifier: 'v', created_at: new Date().toISOString() };
    await insertOidcTransaction(t.db, row);
    expect(await takeOidcTransaction(t.db, 'rno_1', 'someone-else')).toBeUndefined();
    expect(await takeOidcTransaction(t.db, 'rno_1', userId)).toEqual(row);
    expect(await takeOidcTransaction(t.db, 'rno_1', userId)).toBeUndefined();
  });

  it('returns the latest verification for getVerifiedIdentity', async () => {
    const lines: string[] = [];
    const provider = new LocalRealNameProvider({ store: createDbChallengeStore(t.db), piiKey: randomBytes(32), logger: { info: (_o, m) => lines.push(m), warn: () => undefined } });
    const started = await provider.start(userId, { name: '张三', residentId: '11010519491231002X' });
    const claims = await provider.confirm(userId, { challengeId: started.challengeId, code: /code (\d{6})/.exec(lines[0]!)![1]! });
    await recordVerification(t.db, userId, { ...claims, verifiedAt: '2026-01-01T00:00:00.000Z' }, { requestId: 'r1' });
    await recordVerification(t.db, userId, { ...claims, assurance: 'high', providerId: 'oidc', verifiedAt: '2026-02-01T00:00:00.000Z' }, { requestId: 'r2' });
    expect(await getVerifiedIdentity(t.db, userId)).toMatchObject({ assurance: 'high', provider: 'oidc', verifiedAt: '2026-02-01T00:00:00.000Z' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'realname.verified').execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.detail).toContain('1101**********002X');
  });
});
