import { z } from 'zod';
import { HttpProblem } from '../../http/problem.js';
import { LedgerRangeError } from '../ledger-proof.service.js';

/** Shared pieces of the ledger routes. */
export const tags = ['ledger'];

export const ZIndex = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const ZSize = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const rangeTitles: Record<LedgerRangeError['code'], readonly [string, string]> = {
  'ledger-index-out-of-range': ['叶子序号超出树的范围', 'Leaf index outside the tree'],
  'ledger-size-out-of-range': ['树大小超出账本范围', 'Tree size outside the ledger'],
};

/** Proofs asked for beyond the tree are the caller's mistake: 400 problem+json naming the parameter. */
export async function asProblem<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof LedgerRangeError) {
      throw new HttpProblem(400, e.code, e.message, [{ path: e.path, code: 'out_of_range', message: e.message }], undefined, rangeTitles[e.code]);
    }
    throw e;
  }
}

export const notVisible = () => new HttpProblem(404, 'not-found', '账本条目不存在或无权查看 ledger entry not found');

/** Public endpoints are rate-limited per client (YS_RATE_LIMIT_PUBLIC). */
export const publicRateLimit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
