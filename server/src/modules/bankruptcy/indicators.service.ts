import { todayInChina } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden } from '../../platform/http/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { PERM } from './bankruptcy.policy.js';
import { loadCaseAsOfficer } from './case-access.js';
import { averagePremiumRateBp, caseDuration, costRatioBp, recoveryRates } from './case-indicators.js';
import { presentDeadlines } from './case.presenter.js';
import { loadPlan } from './distribution.service.js';
import { jsonSafe } from './json-safe.js';

/**
 * A case measured against the business-environment indicators: time (acceptance to final distribution, or to
 * today while open) against the national average, cost ratio and recovery per rank from the latest plan,
 * auction premium.
 */
export async function caseIndicators(db: Db, p: Principal, caseId: string) {
  const { row } = await loadCaseAsOfficer(db, p, caseId);
  const endedOn = row.final_distribution_announced_on ?? row.closed_on ?? todayInChina();
  const duration = row.accepted_on ? caseDuration(row.accepted_on, endedOn) : null;
  const latest = await db.selectFrom('bk_distribution_plans').selectAll().where('case_id', '=', row.id).orderBy('round', 'desc').limit(1).executeTakeFirst();
  const plan = latest ? (await loadPlan(db, latest)).plan : null;
  const sold = await db.selectFrom('bk_auctions').select(['start_price_fen', 'sale_price_fen']).where('case_id', '=', row.id).where('status', '=', 'sold').execute();
  const premium = averagePremiumRateBp(sold.map((a) => ({ startPriceFen: BigInt(a.start_price_fen), salePriceFen: BigInt(a.sale_price_fen ?? a.start_price_fen) })));
  return jsonSafe({
    caseId: row.id,
    caseNumber: row.case_number,
    duration: duration ? { ...duration, ongoing: !row.final_distribution_announced_on && !row.closed_on } : null,
    costRatioBp: plan ? costRatioBp(plan) : null,
    recovery: plan ? recoveryRates(plan) : null,
    auctions: { sold: sold.length, ...premium },
  });
}

/**
 * The court's dashboard: volumes (cases, announcements, claim filings, fund-supervision actions, meetings and
 * attendees) and the deadlines at risk across its open cases (overdue or due within five days).
 */
export async function courtStatistics(db: Db, p: Principal) {
  if (!p.permissions.has(PERM.indicators)) throw forbidden('仅法院可查看 (court only)');
  const cases = await db.selectFrom('bk_cases').selectAll().where('court_organization_id', '=', p.organizationId).execute();
  const ids = cases.map((c) => c.id);
  const inCases = ids.length ? ids : [''];
  const count = async (table: 'bk_announcements' | 'bk_claims' | 'bk_meetings' | 'bk_disbursements' | 'bk_fund_movements') => {
    const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', 'in', inCases).executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const attendees = await db
    .selectFrom('bk_attendance as t')
    .innerJoin('bk_meetings as m', 'm.id', 't.meeting_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.case_id', 'in', inCases)
    .executeTakeFirstOrThrow();
  const byStage: Record<string, number> = {};
  const byProcedure: Record<string, number> = {};
  for (const c of cases) {
    byStage[c.stage] = (byStage[c.stage] ?? 0) + 1;
    byProcedure[c.procedure] = (byProcedure[c.procedure] ?? 0) + 1;
  }
  const today = todayInChina();
  const atRisk = cases
    .filter((c) => c.stage === 'accepted')
    .flatMap((c) =>
      presentDeadlines(c, today)
        .deadlines.filter((d) => d.status === 'overdue' || d.status === 'dueSoon')
        .map((d) => ({ caseId: c.id, caseNumber: c.case_number, debtorName: c.debtor_name, code: d.code, dueOn: d.dueOn, status: d.status, basis: d.basis })),
    )
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const closed = cases.filter((c) => c.accepted_on && (c.final_distribution_announced_on || c.closed_on));
  const durations = closed.map((c) => caseDuration(c.accepted_on!, (c.final_distribution_announced_on ?? c.closed_on)!).days);
  return {
    cases: cases.length,
    byStage,
    byProcedure,
    announcements: await count('bk_announcements'),
    claimFilings: await count('bk_claims'),
    fundSupervisionActions: (await count('bk_disbursements')) + (await count('bk_fund_movements')),
    meetings: await count('bk_meetings'),
    attendees: Number(attendees.n),
    averageDurationDays: durations.length ? Math.round(durations.reduce((s, d) => s + d, 0) / durations.length) : null,
    deadlinesAtRisk: atRisk.slice(0, 200),
  };
}
