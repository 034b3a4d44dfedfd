import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.js';
import { createTestApi, createTestOrganization, createTestUser, type Client, type TestApi } from '../../test/api.js';
import { sha256hex } from './session.service.js';

describeEachDialect('identity: sessions, API keys, audit, inbox', (dialect) => {
  let api: TestApi;
  let admin: Client;
  let platformOrgId: string;
  beforeAll(async () => {
    api = await createTestApi(dialect);
    const org = await createTestOrganization(api.db, 'platform');
    platformOrgId = org.id;
    admin = await api.login((await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['platform-admin'] })).username);
  });
  afterAll(() => api.close());

  it('session cookie is httpOnly + SameSite=Lax; /me answers the user; logout ends it', async () => {
    const org = await createTestOrganization(api.db);
    const u = await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['enterprise-user'] });
    const res = await api.anonymous.post('/api/v1/auth/login', { username: u.username, password: 'Test#2026pw' });
    const cookie = res.cookies.find((c) => c.name === 'ys_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await api.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { ys_session: cookie.value } });
    expect(me.json()).toMatchObject({ user: { username: u.username, roles: ['enterprise-user'], organization: { id: org.id, kind: 'enterprise' } } });
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    await api.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { ys_session: cookie.value }, headers: { 'x-csrf-token': csrf } });
    const after = await api.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { ys_session: cookie.value } });
    expect(after.statusCode).toBe(401);
  });

  it('a session idle for more than 30 minutes expires', async () => {
    const org = await createTestOrganization(api.db);
    const u = await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['enterprise-user'] });
    const res = await api.anonymous.post('/api/v1/auth/login', { username: u.username, password: 'Test#2026pw' });
    const token = res.cookies.find((c) => c.name === 'ys_session')!.value;
    await api.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 29 * 60_000).toISOString() }).where('id_hash', '=', sha256hex(token)).execute();
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { ys_session: token } })).statusCode).toBe(200);
    await api.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() }).where('id_hash', '=', sha256hex(token)).execute();
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { ys_session: token } })).statusCode).toBe(401);
  });

  it('API keys: shown once, stored hashed, scoped to modules, revocable', async () => {
    const bank = await createTestOrganization(api.db, 'bank');
    const created = await admin.post(`/api/v1/admin/organizations/${bank.id}/api-keys`, { name: '信贷系统', scopes: ['platform'], roles: ['org-user'] });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json<{ key: string; id: string }>();
    const stored = await api.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.key_hash).toBe(sha256hex(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    const listed = await admin.get(`/api/v1/admin/organizations/${bank.id}/api-keys`);
    expect(listed.body).not.toContain(key);
    const me = await api.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${key}` } });
    expect(me.json()).toMatchObject({ user: { organization: { id: bank.id } }, csrfToken: null });
    // Not scoped to admin, and no admin permission.
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/admin/organizations/${bank.id}/api-keys/${id}`)).statusCode).toBe(204);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401);
  });

  it('a role change applies to an open session at once', async () => {
    const org = await createTestOrganization(api.db, 'platform');
    const u = await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['org-user'] });
    const c = await api.login(u.username);
    expect((await c.get('/api/v1/admin/users')).statusCode).toBe(403);
    expect((await admin.put(`/api/v1/admin/users/${u.id}/roles`, { roles: ['platform-admin'] })).statusCode).toBe(200);
    expect((await c.get('/api/v1/admin/users')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).json().user.roles).toEqual(['platform-admin']);
    await admin.put(`/api/v1/admin/users/${u.id}/roles`, { roles: ['org-user'] });
    expect((await c.get('/api/v1/admin/users')).statusCode).toBe(403);
  });

  it('roles must fit the organization kind', async () => {
    const ent = await createTestOrganization(api.db);
    const res = await admin.post('/api/v1/admin/users', { username: `r${Date.now()}`, displayName: '王五', password: 'Passw0rd!', organizationId: ent.id, roles: ['platform-admin'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].code).toBe('role-not-for-organization');
  });

  it('audit log records every state-changing request with actor, outcome and request id', async () => {
    const res = await admin.post('/api/v1/admin/organizations', { kind: 'enterprise', name: '审计测试', uscc: 'BAD' });
    expect(res.statusCode).toBe(422);
    await new Promise((r) => setTimeout(r, 50));
    const audit = await admin.get('/api/v1/admin/audit?action=organizations');
    const entry = audit.json<{ items: { requestId: string; outcome: number; action: string; organizationId: string }[] }>().items.find((i) => i.requestId === res.headers['x-request-id']);
    expect(entry).toMatchObject({ outcome: 422, action: 'POST /api/v1/admin/organizations', organizationId: platformOrgId });
  });

  it('inbox: notify → unread count → read', async () => {
    const { notify } = await import('../notify/index.js');
    const org = await createTestOrganization(api.db);
    const u = await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['enterprise-user'] });
    await notify(api.db, { userIds: [u.id], template: 'platform.welcome', params: { name: '测试' } });
    const c = await api.login(u.username);
    expect((await c.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 1 });
    const list = await c.get('/api/v1/notifications');
    const item = list.json<{ items: { id: string; title: string }[] }>().items[0]!;
    expect(item.title).toBe('欢迎使用营商平台');
    expect((await c.get('/api/v1/notifications', { 'accept-language': 'en' })).json().items[0].title).toBe('Welcome to Yingshang');
    expect((await c.post(`/api/v1/notifications/${item.id}/read`)).statusCode).toBe(204);
    expect((await c.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    // Someone else's notification id → 404.
    const other = await api.login((await createTestUser(api.db, api.config, { organizationId: org.id, roles: ['enterprise-user'] })).username);
    expect((await other.post(`/api/v1/notifications/${item.id}/read`)).statusCode).toBe(404);
  });

  it('OpenAPI 3.1 document and health endpoints', async () => {
    const doc = await api.anonymous.get('/api/openapi.json');
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/auth/login');
    expect((await api.anonymous.get('/readyz')).json()).toEqual({ status: 'ready' });
    expect((await api.anonymous.get('/metrics')).body).toContain('http_request_duration_seconds');
  });
});
