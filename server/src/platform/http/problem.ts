/**
 * RFC 9457 problem details. Every error the API returns is one of these, with a stable `code`, a title in
 * zh-CN (default) or English (`Accept-Language: en`), and `errors[]` naming the field at fault.
 */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export type Lang = 'zh' | 'en';

/** Stable error codes with their titles. Add new codes here so they are documented in one place. */
export const problemTitles = {
  'validation-failed': ['请求参数有误', 'The request is invalid'],
  'malformed-json': ['请求体不是有效的 JSON', 'The request body is not valid JSON'],
  'body-too-large': ['请求体过大', 'The request body is too large'],
  'unsupported-media-type': ['不支持的内容类型', 'Unsupported media type'],
  'not-found': ['未找到该资源', 'Resource not found'],
  unauthenticated: ['请先登录', 'Authentication required'],
  'invalid-credentials': ['用户名或密码错误', 'Wrong username or password'],
  'account-locked': ['账号已临时锁定，请 15 分钟后再试', 'Account temporarily locked; try again in 15 minutes'],
  forbidden: ['无权执行此操作', 'You are not allowed to do this'],
  'csrf-failed': ['安全校验失败，请刷新页面后重试', 'CSRF check failed; reload the page and try again'],
  conflict: ['操作与当前状态冲突', 'The request conflicts with the current state'],
  'stale-version': ['数据已被他人修改，请刷新后重试', 'The record was changed by someone else; reload and retry'],
  'idempotency-key-reused': ['幂等键已用于不同的请求', 'The Idempotency-Key was used for a different request'],
  'idempotency-in-progress': ['相同请求正在处理中', 'The same request is still being processed'],
  'invalid-uscc': ['统一社会信用代码无效', 'Invalid unified social credit code'],
  'invalid-resident-id': ['居民身份证号码无效', 'Invalid resident ID number'],
  'unprocessable': ['请求无法处理', 'The request cannot be processed'],
  'rate-limited': ['请求过于频繁，请稍后再试', 'Too many requests; slow down'],
  'file-too-large': ['文件过大', 'The file is too large'],
  'unsupported-file-type': ['不支持的文件类型', 'Unsupported file type'],
  'internal-error': ['服务器内部错误', 'Internal server error'],
  'service-unavailable': ['服务暂不可用', 'Service unavailable'],
} as const satisfies Record<string, readonly [string, string]>;

export type ProblemCode = keyof typeof problemTitles | (string & {});

/** Throw this from anywhere in a request: the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
    /** Own titles for module-specific codes not in problemTitles: [zh, en]. */
    readonly titles?: readonly [string, string],
  ) {
    super(detail ?? code);
  }
}

export const badRequest = (errors: FieldError[], detail?: string) => new HttpProblem(400, 'validation-failed', detail, errors);
export const notFound = (detail?: string) => new HttpProblem(404, 'not-found', detail);
export const forbidden = (detail?: string) => new HttpProblem(403, 'forbidden', detail);
export const conflict = (detail?: string, extra?: Record<string, unknown>) => new HttpProblem(409, 'conflict', detail, undefined, extra);
export const unprocessable = (code: ProblemCode, errors: FieldError[], detail?: string) =>
  new HttpProblem(422, code, detail, errors);

export function problemTitle(code: ProblemCode, lang: Lang, own?: readonly [string, string]): string {
  const pair = own ?? (problemTitles as Record<string, readonly [string, string]>)[code] ?? problemTitles.unprocessable;
  return lang === 'en' ? pair[1] : pair[0];
}

export function problemBody(p: HttpProblem, lang: Lang, instance?: string): ProblemBody {
  return {
    type: `https://yingshang.example/problems/${p.code}`,
    title: problemTitle(p.code, lang, p.titles),
    status: p.status,
    code: p.code,
    ...(p.detail ? { detail: p.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(p.errors?.length ? { errors: p.errors } : {}),
    ...p.extra,
  };
}

export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
