import { HttpProblem, type FieldError } from '../../platform/http/index.js';
import { parseFen, type FenProblem } from './fen.js';
import type { LegalBasis } from './voting.types.js';

/** Module-specific problem codes with their titles [zh, en]. */
const TITLES = {
  'amount-invalid': ['金额无效：须为正整数分', 'Invalid amount: a positive whole number of fen is required'],
  'date-invalid': ['日期无效', 'Invalid date'],
  'stale-version': ['数据已被他人修改，请刷新后重试', 'The record was changed by someone else; reload and retry'],
  'statutory-deadline': ['不符合法定期限', 'Outside the statutory time limit'],
  'case-not-accepted': ['案件尚未受理', 'The case has not been accepted'],
  'vote-closed': ['表决已结束或尚未开始', 'The vote is closed or not yet open'],
  'ballot-already-cast': ['已投票，本表决事项不允许改票', 'A ballot is already cast and this item does not allow changes'],
  'no-voting-right': ['无表决权', 'No voting right on this item'],
  'invalid-state': ['当前状态不允许该操作', 'Not allowed in the current state'],
} as const satisfies Record<string, readonly [string, string]>;

export type BankruptcyProblemCode = keyof typeof TITLES;

export function problem(status: number, code: BankruptcyProblemCode, detail?: string, errors?: FieldError[], extra?: Record<string, unknown>): HttpProblem {
  return new HttpProblem(status, code, detail, errors, extra, TITLES[code]);
}

const FEN_MESSAGES: Record<FenProblem, string> = {
  'not-an-integer': '金额须为整数分，不能有小数 (whole fen only, no fractions)',
  negative: '金额不能为负 (must not be negative)',
  zero: '金额须大于 0 (must be greater than 0)',
  'too-large': '金额过大 (too large)',
};

/** Parses a money field or answers 422 naming it (zero, negative, fractions of a fen). */
export function fenField(path: string, value: unknown, options: { allowZero?: boolean } = {}): bigint {
  const r = parseFen(value, options);
  if (!r.ok) throw problem(422, 'amount-invalid', FEN_MESSAGES[r.problem], [{ path, code: r.problem, message: FEN_MESSAGES[r.problem] }]);
  return r.fen;
}

export function staleVersion(): HttpProblem {
  return problem(409, 'stale-version', '版本号不符 (version mismatch)');
}

export function deadlineProblem(path: string, code: string, basis: LegalBasis, limit: string): HttpProblem {
  return problem(422, 'statutory-deadline', `${basis.zh} — ${basis.en}`, [{ path, code, message: `${basis.zh}（界限 limit ${limit}）` }], {
    basis: basis.code,
    limit,
  });
}

export function invalidState(detail: string): HttpProblem {
  return problem(409, 'invalid-state', detail);
}
