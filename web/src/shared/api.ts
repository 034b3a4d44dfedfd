import { currentLang, tr } from './i18n.js';

/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, JSON in and out,
 * the CSRF token on every state-changing request, an Idempotency-Key on every POST, and RFC 9457
 * problem+json turned into an ApiError that the UI can show (title + detail + field errors).
 */

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  code?: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const API_BASE = '/api/v1';

let csrfToken: string | null = null;

/** Set from the login and /auth/me responses; sent as x-csrf-token on POST/PUT/PATCH/DELETE. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called when a request (other than the auth endpoints) gets 401: the session has ended. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

type CsrfRefresher = () => Promise<string | null>;
let csrfRefresher: CsrfRefresher | null = null;

/** The auth layer registers how to get a fresh CSRF token, used once when the server answers csrf-failed. */
export function setCsrfRefresher(refresher: CsrfRefresher | null): void {
  csrfRefresher = refresher;
}

/**
 * A random UUID (v4). crypto.randomUUID exists only in secure contexts (HTTPS or localhost); a demo served
 * over plain HTTP on a LAN address still has getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildQuery(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * One key per user action. Pass the same key when the same action is retried (e.g. after a network error)
   * so the server does it once; by default each call gets a new key.
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function statusTitle(status: number): string {
  if (status === 400) return tr('请求参数有误', 'The request is invalid');
  if (status === 401) return tr('请先登录', 'Authentication required');
  if (status === 403) return tr('无权执行此操作', 'You are not allowed to do this');
  if (status === 404) return tr('未找到该资源', 'Resource not found');
  if (status === 409) return tr('操作与当前状态冲突', 'The request conflicts with the current state');
  if (status === 413) return tr('请求体过大', 'The request body is too large');
  if (status === 423) return tr('账号已临时锁定', 'Account temporarily locked');
  if (status === 429) return tr('请求过于频繁，请稍后再试', 'Too many requests; slow down');
  if (status >= 500) return tr('服务暂不可用，请稍后再试', 'Service unavailable; try again later');
  return tr(`请求失败（${status}）`, `Request failed (${status})`);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Turn any error response body into a Problem, keeping what the server said and filling the gaps. */
export function toProblem(status: number, body: unknown): Problem {
  if (!isRecord(body)) return { status, title: statusTitle(status) };
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({
        path: String(e.path ?? ''),
        code: String(e.code ?? ''),
        message: String(e.message ?? e.code ?? ''),
      }))
    : undefined;
  return {
    type: typeof body.type === 'string' ? body.type : undefined,
    title: typeof body.title === 'string' && body.title ? body.title : statusTitle(status),
    status: typeof body.status === 'number' ? body.status : status,
    code: typeof body.code === 'string' ? body.code : undefined,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    instance: typeof body.instance === 'string' ? body.instance : undefined,
    errors: errors?.length ? errors : undefined,
  };
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204 || res.status === 205) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
  if (type.startsWith('text/')) return res.text();
  return res.blob();
}

async function send(method: string, path: string, opts: RequestOptions, idempotencyKey: string | undefined): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang() === 'en' ? 'en' : 'zh-CN',
    ...opts.headers,
  };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData || opts.body instanceof Blob) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const url = `${path.startsWith('/api/') ? path : API_BASE + path}${buildQuery(opts.query)}`;
  try {
    return await fetch(url, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'network-error',
      title: tr('网络连接失败', 'Network error'),
      detail: tr('无法连接到服务器，请检查网络后重试。', 'Could not reach the server; check the connection and retry.'),
    });
  }
}

/**
 * Send a request and return the parsed body. `path` is relative to /api/v1 unless it starts with /api/.
 * Throws ApiError for every non-2xx answer.
 */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const idempotencyKey = method === 'POST' ? (opts.idempotencyKey ?? newIdempotencyKey()) : opts.idempotencyKey;
  let res = await send(method, path, opts, idempotencyKey);
  let body = await readBody(res).catch(() => undefined);
  // A session that outlived its CSRF token (e.g. after a server restart): fetch a fresh token and retry once
  // with the same idempotency key, so the action still happens at most once.
  if (res.status === 403 && isRecord(body) && body.code === 'csrf-failed' && csrfRefresher) {
    const fresh = await csrfRefresher().catch(() => null);
    if (fresh) {
      csrfToken = fresh;
      res = await send(method, path, opts, idempotencyKey);
      body = await readBody(res).catch(() => undefined);
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !path.includes('/auth/')) unauthorizedListeners.forEach((l) => l());
    throw new ApiError(toProblem(res.status, body));
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, opts: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
  /** Download a file (PDF, Excel): returns the Blob. */
  blob: (path: string, query?: Record<string, QueryValue>) => request<Blob>('GET', path, { query, headers: { Accept: '*/*' } }),
};

/** A list endpoint's answer: either a bare array or { items, total }. */
export interface Page<T> {
  items: T[];
  total: number;
}

export function asPage<T>(body: T[] | Page<T> | undefined): Page<T> {
  if (!body) return { items: [], total: 0 };
  if (Array.isArray(body)) return { items: body, total: body.length };
  return { items: body.items ?? [], total: typeof body.total === 'number' ? body.total : (body.items ?? []).length };
}
