import { HttpProblem, type FieldError } from '../http/problem.js';

/**
 * Stable problem codes of real-name verification, with HTTP status and titles [zh, en]. Documented in
 * README.md; the UI keys its messages on `code`.
 */
export const realNameProblems = {
  'invalid-resident-id': [422, '居民身份证号码无效', 'Invalid resident ID number'],
  'realname-invalid-name': [422, '姓名格式不正确', 'The name is not valid'],
  'realname-challenge-not-found': [404, '验证码请求不存在或不属于当前用户', 'No such verification request for this user'],
  'realname-challenge-expired': [422, '验证码已过期，请重新获取', 'The one-time code has expired; request a new one'],
  'realname-challenge-used': [409, '该验证码已使用', 'This one-time code has already been used'],
  'realname-attempts-exhausted': [422, '验证码错误次数过多，请重新获取', 'Too many wrong codes; request a new one'],
  'realname-code-mismatch': [422, '验证码不正确', 'The one-time code is wrong'],
  'realname-provider-unavailable': [409, '当前未启用该实名认证方式', 'This real-name verification method is not in use'],
  'realname-oidc-transaction-missing': [400, '实名认证会话不存在或已过期，请重新发起', 'No pending real-name sign-in; start again'],
  'realname-oidc-state-mismatch': [400, '实名认证回调校验失败 (state)', 'Real-name callback refused: state does not match'],
  'realname-oidc-nonce-mismatch': [400, '实名认证回调校验失败 (nonce)', 'Real-name callback refused: nonce does not match'],
  'realname-oidc-denied': [400, '用户在认证服务处取消了实名认证', 'Real-name verification was cancelled at the provider'],
  'realname-oidc-claims-missing': [502, '认证服务未返回姓名或身份证号码', 'The provider returned no name or resident ID'],
  'realname-oidc-claims-invalid': [502, '认证服务返回的身份证号码无效', 'The provider returned an invalid resident ID'],
  'realname-oidc-failed': [502, '实名认证服务出错', 'The real-name provider failed'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type RealNameProblemCode = keyof typeof realNameProblems;

export function realNameProblem(
  code: RealNameProblemCode,
  detail?: string,
  extra?: Record<string, unknown>,
  errors?: FieldError[],
): HttpProblem {
  const [status, zh, en] = realNameProblems[code];
  return new HttpProblem(status, code, detail, errors, extra, [zh, en]);
}

/** For tests and callers that branch on the reason. */
export function isRealNameProblem(err: unknown, code: RealNameProblemCode): err is HttpProblem {
  return err instanceof HttpProblem && err.code === code;
}
