import type { Config } from '../../platform/config/index.js';
import type { Db } from '../../platform/db/index.js';
import { HttpProblem } from '../../platform/http/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { findApplicationById } from './application.repository.js';
import { performStep } from './step.js';

async function load(db: Db, id: string) {
  const app = await findApplicationById(db, id);
  if (!app) throw new HttpProblem(404, 'not-found');
  return app;
}

/** The utility refuses the application, with the reason the applicant will see (before the contract is signed). */
export async function rejectApplication(db: Db, config: Config, p: Principal, id: string, input: { version: number; reason: string }) {
  const app = await load(db, id);
  return db.transaction().execute((trx) =>
    performStep(trx, config, app, {
      action: 'reject', expectedVersion: input.version, actor: p, fields: { reason: input.reason }, comment: input.reason,
      ledgerData: { reason: input.reason }, note: `不予受理：${input.reason}`,
    }),
  );
}

/** The applicant withdraws before signing the contract. */
export async function withdrawApplication(db: Db, config: Config, p: Principal, id: string, input: { version: number }) {
  const app = await load(db, id);
  if (p.userId !== app.applicant_user_id) throw new HttpProblem(403, 'forbidden', '仅申请人本人可撤回 (only the applicant)');
  return db.transaction().execute((trx) =>
    performStep(trx, config, app, { action: 'withdraw', expectedVersion: input.version, actor: p, note: '申请人已撤回申请' }),
  );
}
