import { HttpProblem, badRequest, conflict, forbidden, type FieldError } from '../http/problem.js';

/** Problem responses of the workflow engine (RFC 9457 via platform/http). */

export const staleVersion = (current: number, expected: number) =>
  new HttpProblem(
    409,
    'stale-version',
    `版本已变为 ${current}（请求基于 ${expected}）/ version is now ${current}, the request was based on ${expected}`,
    undefined,
    { currentVersion: current },
  );

export const unknownAction = (process: string, action: string) =>
  badRequest(
    [{ path: 'action', code: 'unknown-action', message: `流程 ${process} 没有动作 "${action}" / process ${process} has no action "${action}"` }],
    `未知动作 / unknown action "${action}"`,
  );

export const actionNotAllowedInState = (action: string, state: string, allowedActions: string[]) =>
  conflict(`当前状态 "${state}" 不能执行 "${action}" / action "${action}" is not possible in state "${state}"`, {
    currentState: state,
    allowedActions,
  });

export const roleNotAllowed = (action: string) => forbidden(`当前角色不能执行 "${action}" / your roles may not take action "${action}"`);

export const otherOrganization = (action: string) =>
  forbidden(`只有本案件所属机构可以执行 "${action}" / only the instance's organization may take action "${action}"`);

export const missingRequired = (errors: FieldError[]) =>
  new HttpProblem(422, 'missing-required', '缺少必填内容或材料 / required fields or documents are missing', errors, undefined, [
    '缺少必填内容或材料',
    'Required fields or documents are missing',
  ]);

export const guardFailed = (action: string, reason: string | undefined) =>
  new HttpProblem(
    409,
    'guard-failed',
    reason ?? `当前条件不允许执行 "${action}" / the conditions for action "${action}" are not met`,
    undefined,
    { action },
    ['当前条件不允许此操作', 'The conditions for this action are not met'],
  );
