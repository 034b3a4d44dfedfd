import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.js';
import { createTestApi, createTestOrganization, createTestUser, type Client, type TestApi } from '../../test/api.js';
import { withResidentIdCheckChar, withUsccCheckChar } from '../identity/index.js';

/** The foundation's bad-input rules: every case answers problem+json with a clear code, never a 500. */
describeEachDialect('bad input', (dialect) => {
  let api: TestApi;
  let admin: Client;
  beforeAll(async () => {
    api = await createTestApi(dialect);
    const org = await createTestOrganization(api.db, 'platform');
    const u = await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['platform-admin'] });
    admin = await api.login(u.username);
  });
  afterAll(() => api.close());

  const problem = (res: { headers: Record<string, unknown>; statusCode: number; json: () => unknown }) => {
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.statusCode).toBeLessThan(500);
    return res.json() as { status: number; code: string; title: string; errors?: { path: string; code: string }[] };
  };

  it('malformed JSON → 400 malformed-json', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/admin/organizations', payload: '{"kind":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('malformed-json');
  });

  it('wrong types → 400 naming the field', async () => {
    const res = await admin.post('/api/v1/admin/organizations', { kind: 'enterprise', name: 12345 });
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('validation-failed');
    expect(body.errors?.map((e) => e.path)).toContain('body.name');
  });

  it('unknown fields → 400 naming the field', async () => {
    const res = await admin.post('/api/v1/admin/organizations', { kind: 'enterprise', name: '某某公司', surprise: true });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0]?.path).toContain('surprise');
  });

  it('a JSON body over 1 MB → 413', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/admin/organizations', payload: JSON.stringify({ kind: 'enterprise', name: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(problem(res).code).toBe('body-too-large');
  });

  it('wrong content type → 415', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/admin/organizations', payload: 'kind=enterprise', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    expect(problem(res).code).toBe('unsupported-media-type');
    const text = await admin.request({ method: 'POST', url: '/api/v1/admin/organizations', payload: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
  });

  it('invalid 统一社会信用代码 → 422 invalid-uscc', async () => {
    const res = await admin.post('/api/v1/admin/organizations', { kind: 'enterprise', name: '福州某某有限公司', uscc: '91350100M000100Y4Z' });
    expect(res.statusCode).toBe(422);
    const body = problem(res);
    expect(body.code).toBe('invalid-uscc');
    expect(body.errors?.[0]?.path).toBe('body.uscc');
    expect(body.title).toBe('统一社会信用代码无效');
  });

  it('invalid resident ID → 422 invalid-resident-id (English on request)', async () => {
    const org = await createTestOrganization(api.db);
    const res = await admin.post('/api/v1/admin/users', {
      username: `p${Date.now()}`, displayName: '张三', password: 'Passw0rd!', organizationId: org.id, roles: ['enterprise-user'], residentId: '110105194912310021',
    }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.statusCode).toBe(422);
    const body = problem(res);
    expect(body.code).toBe('invalid-resident-id');
    expect(body.title).toBe('Invalid resident ID number');
  });

  it('valid organization and user: 201, resident ID and phone masked', async () => {
    const org = await admin.post('/api/v1/admin/organizations', { kind: 'enterprise', name: '泉州测试贸易有限公司', uscc: withUsccCheckChar(`913505${String(Date.now()).slice(-11)}`) });
    expect(org.statusCode).toBe(201);
    const residentId = withResidentIdCheckChar('35010219900101123');
    const res = await admin.post('/api/v1/admin/users', {
      username: `q${Date.now()}`, displayName: '李四', password: 'Passw0rd!', organizationId: org.json<{ id: string }>().id, roles: ['enterprise-user'], residentId, phone: '13812345678',
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain(residentId);
    expect(res.body).not.toContain('13812345678');
    expect(res.json()).toMatchObject({ residentId: '3501**********' + residentId.slice(-4), phone: '138****5678' });
  });

  it('wrong password → 401 that does not say which part was wrong', async () => {
    const org = await createTestOrganization(api.db);
    const u = await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['enterprise-user'] });
    const wrongPw = await api.anonymous.post('/api/v1/auth/login', { username: u.username, password: 'nope-nope1' });
    const noUser = await api.anonymous.post('/api/v1/auth/login', { username: 'nobody-here', password: 'nope-nope1' });
    expect(wrongPw.statusCode).toBe(401);
    expect(noUser.statusCode).toBe(401);
    expect(problem(wrongPw)).toEqual(problem(noUser) && { ...problem(noUser) });
  });

  it('locks the account after 5 failed logins for 15 minutes', async () => {
    const org = await createTestOrganization(api.db);
    const u = await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['enterprise-user'] });
    for (let i = 0; i < 4; i++) expect((await api.anonymous.post('/api/v1/auth/login', { username: u.username, password: 'bad-pass1' })).statusCode).toBe(401);
    const fifth = await api.anonymous.post('/api/v1/auth/login', { username: u.username, password: 'bad-pass1' });
    expect(fifth.statusCode).toBe(423);
    // Even the right password is refused while locked.
    const right = await api.anonymous.post('/api/v1/auth/login', { username: u.username, password: 'Test#2026pw' });
    expect(right.statusCode).toBe(423);
    const lockedUntil = Date.parse(right.json<{ lockedUntil: string }>().lockedUntil);
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  it('another organization\'s resource → 404', async () => {
    const orgA = await createTestOrganization(api.db);
    const orgB = await createTestOrganization(api.db);
    const a = await api.login((await createTestUser(api.db, api.config, { organizationId: orgA.id, roles: ['enterprise-user'] })).username);
    const b = await api.login((await createTestUser(api.db, api.config, { organizationId: orgB.id, roles: ['enterprise-user'] })).username);
    const boundary = 'X-BOUNDARY';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="营业执照.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await a.request({ method: 'POST', url: '/api/v1/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(up.statusCode).toBe(201);
    const id = up.json<{ id: string }>().id;
    expect((await a.get(`/api/v1/files/${id}`)).statusCode).toBe(200);
    const other = await b.get(`/api/v1/files/${id}`);
    expect(other.statusCode).toBe(404);
    expect(problem(other).code).toBe('not-found');
  });

  it('a retried POST with the same Idempotency-Key → the first response again and one row', async () => {
    const uscc = withUsccCheckChar(`913505${String(Date.now() + 7).slice(-11)}`);
    const body = { kind: 'enterprise', name: '幂等测试有限公司', uscc };
    const first = await admin.post('/api/v1/admin/organizations', body, { 'idempotency-key': `k-${uscc}` });
    const second = await admin.post('/api/v1/admin/organizations', body, { 'idempotency-key': `k-${uscc}` });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const rows = await api.db.selectFrom('organizations').select('id').where('uscc', '=', uscc).execute();
    expect(rows).toHaveLength(1);
    const changed = await admin.post('/api/v1/admin/organizations', { ...body, name: '另一家公司' }, { 'idempotency-key': `k-${uscc}` });
    expect(changed.statusCode).toBe(422);
    expect(problem(changed).code).toBe('idempotency-key-reused');
  });

  it('a state-changing request without the CSRF token → 403', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/notifications/read-all', headers: { 'x-csrf-token': 'wrong' } });
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('csrf-failed');
  });

  it('anonymous → 401; a user without the permission → 403', async () => {
    expect((await api.anonymous.get('/api/v1/admin/users')).statusCode).toBe(401);
    const org = await createTestOrganization(api.db);
    const u = await api.login((await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['enterprise-user'] })).username);
    const res = await u.get('/api/v1/admin/users');
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('forbidden');
  });

  it('unknown route → 404 problem; every answer carries a request id', async () => {
    const res = await api.anonymous.get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('not-found');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('problem titles', () => {
  it('default to Chinese', async () => {
    const { problemTitle } = await import('./problem.js');
    expect(problemTitle('not-found', 'zh')).toBe('未找到该资源');
    expect(problemTitle('not-found', 'en')).toBe('Resource not found');
  });
});
