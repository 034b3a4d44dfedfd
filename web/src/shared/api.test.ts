import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, asPage, buildQuery, newIdempotencyKey, onUnauthorized, setCsrfRefresher, setCsrfToken, toProblem } from './api.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Call {
  url: string;
  init: RequestInit;
}

function headersOf(call: Call): Record<string, string> {
  return call.init.headers as Record<string, string>;
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

let calls: Call[];
let answers: (() => Response)[];

beforeEach(() => {
  calls = [];
  answers = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('unexpected fetch');
    return next();
  });
  setCsrfToken(null);
  setCsrfRefresher(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client requests', () => {
  it('sends JSON with the CSRF token and a fresh UUID Idempotency-Key on each POST', async () => {
    setCsrfToken('tok-1');
    answers.push(() => json(201, { id: 'a' }), () => json(201, { id: 'b' }));
    expect(await api.post<{ id: string }>('/things', { name: '茶' })).toEqual({ id: 'a' });
    await api.post('/things', { name: '茶' });
    const [first, second] = calls;
    expect(first.url).toBe('/api/v1/things');
    expect(first.init.method).toBe('POST');
    expect(first.init.credentials).toBe('same-origin');
    expect(first.init.body).toBe('{"name":"茶"}');
    expect(headersOf(first)['Content-Type']).toBe('application/json');
    expect(headersOf(first)['x-csrf-token']).toBe('tok-1');
    expect(headersOf(first)['Accept-Language']).toBe('zh-CN');
    expect(headersOf(first)['Idempotency-Key']).toMatch(UUID_V4);
    expect(headersOf(second)['Idempotency-Key']).not.toBe(headersOf(first)['Idempotency-Key']);
  });

  it('reuses a given Idempotency-Key, so a retried action is the same action', async () => {
    answers.push(() => json(200, {}));
    await api.post('/x', {}, { idempotencyKey: 'key-42' });
    expect(headersOf(calls[0])['Idempotency-Key']).toBe('key-42');
  });

  it('sends neither CSRF token nor Idempotency-Key on GET, and builds the query string', async () => {
    setCsrfToken('tok-1');
    answers.push(() => json(200, { items: [], total: 0 }));
    await api.get('/notifications', { page: 2, pageSize: 20, q: '', skip: undefined });
    expect(calls[0].url).toBe('/api/v1/notifications?page=2&pageSize=20');
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
    expect(headersOf(calls[0])['Idempotency-Key']).toBeUndefined();
  });

  it('puts the CSRF token on PUT and DELETE too', async () => {
    setCsrfToken('tok-2');
    answers.push(() => json(200, {}), () => new Response(null, { status: 204 }));
    await api.put('/admin/users/u1/roles', { roles: [] });
    expect(await api.delete('/things/1')).toBeUndefined();
    expect(headersOf(calls[0])['x-csrf-token']).toBe('tok-2');
    expect(headersOf(calls[1])['x-csrf-token']).toBe('tok-2');
    expect(headersOf(calls[1])['Idempotency-Key']).toBeUndefined();
  });
});

describe('api client errors', () => {
  it('turns problem+json into an ApiError carrying title, detail, code and field errors', async () => {
    answers.push(() =>
      json(
        422,
        { type: 'https://x/problems/invalid-uscc', title: '统一社会信用代码无效', status: 422, code: 'invalid-uscc', detail: '校验位不正确', errors: [{ path: 'body.uscc', code: 'invalid-uscc', message: '校验位不正确' }] },
        'application/problem+json',
      ),
    );
    const error = await api.post('/admin/organizations', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const p = (error as ApiError).problem;
    expect(p.status).toBe(422);
    expect(p.title).toBe('统一社会信用代码无效');
    expect(p.code).toBe('invalid-uscc');
    expect(p.detail).toBe('校验位不正确');
    expect(p.errors).toEqual([{ path: 'body.uscc', code: 'invalid-uscc', message: '校验位不正确' }]);
  });

  it('gives a Chinese title when the answer is not a problem (a proxy error page)', async () => {
    answers.push(() => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = (await api.get('/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.problem.title).toBe('服务暂不可用，请稍后再试');
  });

  it('reports a network failure as status 0 in Chinese', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await api.get('/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.problem.title).toBe('网络连接失败');
  });

  it('on csrf-failed fetches a fresh token and retries once with the same Idempotency-Key', async () => {
    setCsrfToken('old');
    setCsrfRefresher(async () => 'new');
    answers.push(() => json(403, { title: '安全校验失败', status: 403, code: 'csrf-failed' }), () => json(201, { ok: true }));
    expect(await api.post('/x', { a: 1 })).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
    expect(headersOf(calls[0])['x-csrf-token']).toBe('old');
    expect(headersOf(calls[1])['x-csrf-token']).toBe('new');
    expect(headersOf(calls[1])['Idempotency-Key']).toBe(headersOf(calls[0])['Idempotency-Key']);
  });

  it('tells listeners about a 401 outside the auth endpoints only', async () => {
    const heard = vi.fn();
    const off = onUnauthorized(heard);
    answers.push(() => json(401, { title: '请先登录', status: 401 }), () => json(401, { title: '请先登录', status: 401 }));
    await api.get('/notifications/unread-count').catch(() => undefined);
    await api.get('/auth/me').catch(() => undefined);
    off();
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('helpers', () => {
  it('makes RFC 4122 version-4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(UUID_V4);
  });

  it('fills a missing title from the status and drops malformed field errors', () => {
    expect(toProblem(404, null)).toEqual({ status: 404, title: '未找到该资源' });
    expect(toProblem(400, { errors: [{ path: 'a', code: 'x', message: 'm' }, 'junk'] }).errors).toEqual([{ path: 'a', code: 'x', message: 'm' }]);
  });

  it('reads both list shapes', () => {
    expect(asPage([1, 2])).toEqual({ items: [1, 2], total: 2 });
    expect(asPage({ items: [1], total: 9 })).toEqual({ items: [1], total: 9 });
    expect(buildQuery({ a: 'x y', b: 0, c: null })).toBe('?a=x+y&b=0');
  });
});
