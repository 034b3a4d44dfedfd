import type { FieldError, Problem } from '../../../shared/api.js';
import { residentIdProblemText, type ResidentIdProblem } from './resident-id-check.js';

/**
 * Messages for the real-name problem codes, [zh, en]. The API already answers in the request's language, but
 * the OIDC callback brings only a code in the URL (`/realname?error=<code>`), and the page must follow the
 * language switch after an error is shown, so the page keeps its own copy keyed on the stable codes of
 * server/src/platform/realname/realname.errors.ts (a test checks that every code there is here).
 */
export const realNameProblemText: Record<string, readonly [string, string]> = {
  'invalid-resident-id': ['居民身份证号码无效', 'Invalid resident ID number'],
  'realname-invalid-name': ['姓名格式不正确', 'The name is not valid'],
  'realname-challenge-not-found': ['验证码请求不存在或已失效，请重新获取', 'This verification request no longer exists; request a new code'],
  'realname-challenge-expired': ['验证码已过期，请重新获取', 'The one-time code has expired; request a new one'],
  'realname-challenge-used': ['该验证码已使用，请重新获取', 'This one-time code has already been used; request a new one'],
  'realname-attempts-exhausted': ['验证码错误次数过多，请重新获取', 'Too many wrong codes; request a new one'],
  'realname-code-mismatch': ['验证码不正确', 'The one-time code is wrong'],
  'realname-provider-unavailable': ['当前未启用该实名认证方式，请刷新页面', 'This verification method is not in use; reload the page'],
  'realname-oidc-transaction-missing': ['实名认证会话不存在或已过期，请重新发起', 'No pending real-name sign-in; start again'],
  'realname-oidc-state-mismatch': ['实名认证回调校验失败（state 不一致），请重新发起', 'The provider callback was refused (state mismatch); start again'],
  'realname-oidc-nonce-mismatch': ['实名认证回调校验失败（nonce 不一致），请重新发起', 'The provider callback was refused (nonce mismatch); start again'],
  'realname-oidc-denied': ['您在认证服务处取消了实名认证', 'Real-name verification was cancelled at the provider'],
  'realname-oidc-claims-missing': ['认证服务未返回姓名或身份证号码', 'The provider returned no name or resident ID'],
  'realname-oidc-claims-invalid': ['认证服务返回的身份证号码无效', 'The provider returned an invalid resident ID'],
  'realname-oidc-failed': ['实名认证服务出错，请稍后再试', 'The real-name provider failed; try again later'],
};

const UNKNOWN: readonly [string, string] = ['实名认证未完成', 'Real-name verification did not complete'];

/** The message for a code from the URL or a problem; unknown codes get a general message, never raw text. */
export function realNameErrorText(code: string | null | undefined): readonly [string, string] {
  return (code && realNameProblemText[code]) || UNKNOWN;
}

/** A title for any problem: ours by code, otherwise what the server said. */
export function problemTitle(problem: Problem): readonly [string, string] {
  const known = problem.code ? realNameProblemText[problem.code] : undefined;
  return known ?? [problem.title, problem.title];
}

const RESIDENT_ID_CODES: Record<string, ResidentIdProblem> = {
  'resident-id-format': 'format',
  'resident-id-birth-date': 'birth-date',
  'resident-id-check-char': 'check-char',
};

const NAME_TEXT: readonly [string, string] = ['姓名应为 2–50 个汉字或字母', 'The name must be 2–50 Han characters or letters'];

/**
 * A server field error as a form field name and a message pair in both languages, for the fields this page
 * has (`body.name`, `body.residentId`, `body.code`); null for anything else.
 */
export function formFieldError(e: FieldError): { field: 'name' | 'residentId' | 'code'; text: readonly [string, string] } | null {
  const path = e.path.replace(/^\//, '').replace(/^body[./]/, '');
  if (path === 'residentId') {
    const problem = RESIDENT_ID_CODES[e.code];
    return { field: 'residentId', text: problem ? residentIdProblemText[problem] : [e.message, e.message] };
  }
  if (path === 'name') return { field: 'name', text: e.code === 'name-format' ? NAME_TEXT : [e.message, e.message] };
  if (path === 'code') return { field: 'code', text: ['验证码为 6 位数字', 'The code is 6 digits'] };
  return null;
}

export const personNameText = NAME_TEXT;
