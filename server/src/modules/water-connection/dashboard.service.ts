/**
 * The utility dashboard (供水企业看板, issue 4 item 9): applications by state, average time per step against the
 * promised limits, the overdue list, ratings (好差评) and open rectifications, applications per month; and the
 * CSV export of a utility's applications.
 *
 * Everything is read for ONE utility organization (the caller's). Fast over 28,000 applications: aggregate SQL
 * over indexes (migration 202611290200), and counts pre-aggregated incrementally (see refreshDashboardCounts).
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import { computeDeadline, todayInChina, workingDaysBetween, type CalendarDate, type TimeLimit } from '../../platform/calendar/index.js';
import { ratingLevels, waterUseLabels } from './application-rules.js';
import { DEFAULT_STEP_LIMITS, simpleProcess, standardProcess } from './water-connection.workflow.js';
import './water-connection.table.js';
import '../../platform/workflow/workflow.table.js';

// ---------------------------------------------------------------------------------------------------------------
// Tables of the pre-aggregation (migration 202611290200-water-dashboard-indexes.ts)

export interface WaterDashTransitionFactTable {
  transition_id: string;
  utility_org_id: string;
  from_state: string | null;
  to_state: string;
  /** Day (China) the left state was entered; null for the start or when unknown. */
  entered_day: string | null;
  /** Day (China) of the transition. */
  at_day: string;
}

export interface WaterDashRatingFactTable {
  rating_id: string;
  utility_org_id: string;
  level: number;
}

export interface WaterDashCountTable {
  utility_org_id: string;
  metric: 'entered' | 'left' | 'step' | 'submitted' | 'rating';
  k1: string;
  k2: string;
  k3: string;
  n: number;
}

export interface WaterDashCursorTable {
  name: string;
  settled_id: string;
  updated_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    wc_dash_transition_facts: WaterDashTransitionFactTable;
    wc_dash_rating_facts: WaterDashRatingFactTable;
    wc_dash_counts: WaterDashCountTable;
    wc_dash_cursor: WaterDashCursorTable;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Steps and their promised limits

/** The steps of an application in order; `contract` waits for the applicant and carries no promise. */
export const DASHBOARD_STEPS = ['survey', 'contract', 'countersign', 'construction', 'water-on'] as const;
export type DashboardStep = (typeof DASHBOARD_STEPS)[number];
export const CONFIGURABLE_STEPS = ['survey', 'countersign', 'construction', 'water-on'] as const;

/** Workflow instances of this module (whatever the process: standard, simple low-risk, later versions). */
const SUBJECT_TYPE = 'water-application';
const TERMINAL_STATES = ['completed', 'rejected', 'withdrawn'];
const ENDING_STATES = ['rejected', 'withdrawn'];
const STATE_ORDER = ['survey', 'contract', 'countersign', 'construction', 'water-on', 'completed', 'rejected', 'withdrawn'] as const;
const stateLabel = (state: string) => standardProcess.states[state]?.label ?? simpleProcess.states[state]?.label ?? { zh: state, en: state };

export interface StepLimitView {
  step: string;
  label: { zh: string; en: string };
  days: number;
  unit: TimeLimit['unit'];
  /** The module's default (the Quanzhou case) and whether this utility set its own. */
  default: TimeLimit;
  configured: boolean;
}

/** The utility's promised limits: DEFAULT_STEP_LIMITS, overridden by its rows in wc_step_limits. */
export async function getStepLimits(db: DbOrTx, utilityOrgId: string): Promise<StepLimitView[]> {
  const rows = await db.selectFrom('wc_step_limits').select(['step', 'days', 'unit']).where('utility_org_id', '=', utilityOrgId).execute();
  const own = new Map(rows.map((r) => [r.step, r]));
  return CONFIGURABLE_STEPS.map((step) => {
    const def = DEFAULT_STEP_LIMITS[step]!;
    const o = own.get(step);
    return { step, label: stateLabel(step), days: o ? Number(o.days) : def.days, unit: o ? o.unit : def.unit, default: def, configured: !!o };
  });
}

/**
 * Sets promised limits (承诺时限) for the given steps; steps not named keep their current value. Counted in
 * working days from the day after the step starts (DOMAIN.md "Promised time limits").
 */
export async function setStepLimits(db: DbOrTx, utilityOrgId: string, limits: readonly { step: string; days: number; unit: TimeLimit['unit'] }[]) {
  const write = async (trx: DbOrTx) => {
    for (const l of limits) {
      await trx.insertInto('wc_step_limits').values({ utility_org_id: utilityOrgId, step: l.step, days: l.days, unit: l.unit })
        .onConflict((oc) => oc.columns(['utility_org_id', 'step']).doUpdateSet({ days: l.days, unit: l.unit })).execute();
    }
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return getStepLimits(db, utilityOrgId);
}

// ---------------------------------------------------------------------------------------------------------------
// Pre-aggregation: each transition and rating counted once

/**
 * How long a transaction may take between creating a row's id (UUIDv7: its creation time, in ms, comes first)
 * and committing. Ids older than this when a refresh starts are taken as settled; newer ones are looked at again
 * by the next refresh, and the fact tables make sure each is counted once.
 */
export const SETTLE_MS = 30_000;
const PAGE = 5_000;

/** China (UTC+8, no daylight saving since 1991) calendar day of an ISO instant, without Intl (hot path). */
export const chinaDayOf = (iso: string): CalendarDate => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** The smallest id with this prefix created at or after `ms` (a UUIDv7 begins with its 48-bit millisecond time). */
export function idCreatedAt(prefix: string, ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${prefix}_${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

type CountKey = Omit<WaterDashCountTable, 'n'>;

class Counter {
  readonly rows = new Map<string, WaterDashCountTable>();
  add(k: CountKey) {
    const key = `${k.utility_org_id}|${k.metric}|${k.k1}|${k.k2}|${k.k3}`;
    const row = this.rows.get(key);
    if (row) row.n += 1;
    else this.rows.set(key, { ...k, n: 1 });
  }
}

async function addCounts(trx: DbOrTx, counter: Counter) {
  const list = [...counter.rows.values()];
  for (let i = 0; i < list.length; i += 1_000) {
    await trx.insertInto('wc_dash_counts').values(list.slice(i, i + 1_000))
      .onConflict((oc) => oc.columns(['utility_org_id', 'metric', 'k1', 'k2', 'k3']).doUpdateSet({ n: (eb) => eb('wc_dash_counts.n', '+', eb.ref('excluded.n')) }))
      .execute();
  }
}

const inTransaction = <T>(db: DbOrTx, fn: (trx: DbOrTx) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

/** What one counted transition adds: in/out of states, a finished step with its days, a submission by month. */
function countTransition(c: Counter, f: WaterDashTransitionFactTable) {
  const u = f.utility_org_id;
  c.add({ utility_org_id: u, metric: 'entered', k1: f.to_state, k2: '', k3: '' });
  if (f.from_state === null) {
    c.add({ utility_org_id: u, metric: 'submitted', k1: f.at_day.slice(0, 7), k2: '', k3: '' });
    return;
  }
  c.add({ utility_org_id: u, metric: 'left', k1: f.from_state, k2: '', k3: '' });
  // A rejection or withdrawal ends the application, not the step: it does not count as the step's duration.
  if ((DASHBOARD_STEPS as readonly string[]).includes(f.from_state) && !ENDING_STATES.includes(f.to_state) && f.entered_day) {
    c.add({ utility_org_id: u, metric: 'step', k1: f.from_state, k2: f.entered_day, k3: f.at_day });
  }
}

async function refreshTransitions(db: DbOrTx, after: string): Promise<number> {
  let counted = 0;
  for (;;) {
    const rows = await db
      .selectFrom('workflow_transitions as t')
      .innerJoin('workflow_instances as i', 'i.id', 't.instance_id')
      .innerJoin('wc_applications as a', 'a.id', 'i.subject_id')
      .select(['t.id', 't.from_state', 't.to_state', 't.at', 'a.utility_org_id'])
      // the state being left was entered by the latest earlier transition into it that was not a stay
      .select((eb) =>
        eb.selectFrom('workflow_transitions as e')
          .select((x) => x.fn.max('e.at').as('m'))
          .whereRef('e.instance_id', '=', 't.instance_id')
          .whereRef('e.seq', '<', 't.seq')
          .whereRef('e.to_state', '=', 't.from_state')
          .where((w) => w.or([w('e.from_state', 'is', null), w('e.from_state', '<>', w.ref('e.to_state'))]))
          .as('entered_at'),
      )
      .where('t.id', '>', after)
      .where((w) => w.or([w('t.from_state', 'is', null), w('t.from_state', '<>', w.ref('t.to_state'))]))
      .where('i.subject_type', '=', SUBJECT_TYPE)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('wc_dash_transition_facts as f').select('f.transition_id').whereRef('f.transition_id', '=', 't.id'))))
      .orderBy('t.id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return counted;
    after = rows[rows.length - 1]!.id;
    const facts: WaterDashTransitionFactTable[] = rows.map((r) => ({
      transition_id: r.id, utility_org_id: r.utility_org_id, from_state: r.from_state, to_state: r.to_state,
      entered_day: r.entered_at === null || r.entered_at === undefined ? null : chinaDayOf(String(r.entered_at)), at_day: chinaDayOf(r.at),
    }));
    counted += await inTransaction(db, async (trx) => {
      const counter = new Counter();
      let n = 0;
      for (let i = 0; i < facts.length; i += 1_000) {
        // Only the rows this statement inserted come back: a concurrent refresh's rows are not counted twice.
        const inserted = await trx.insertInto('wc_dash_transition_facts').values(facts.slice(i, i + 1_000))
          .onConflict((oc) => oc.column('transition_id').doNothing()).returningAll().execute();
        for (const f of inserted) countTransition(counter, f);
        n += inserted.length;
      }
      await addCounts(trx, counter);
      return n;
    });
    if (rows.length < PAGE) return counted;
  }
}

async function refreshRatings(db: DbOrTx, after: string): Promise<number> {
  let counted = 0;
  for (;;) {
    const rows = await db
      .selectFrom('wc_ratings as r')
      .innerJoin('wc_applications as a', 'a.id', 'r.application_id')
      .select(['r.id', 'r.level', 'a.utility_org_id'])
      .where('r.id', '>', after)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('wc_dash_rating_facts as f').select('f.rating_id').whereRef('f.rating_id', '=', 'r.id'))))
      .orderBy('r.id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return counted;
    after = rows[rows.length - 1]!.id;
    counted += await inTransaction(db, async (trx) => {
      const counter = new Counter();
      const inserted = await trx.insertInto('wc_dash_rating_facts')
        .values(rows.map((r) => ({ rating_id: r.id, utility_org_id: r.utility_org_id, level: Number(r.level) })))
        .onConflict((oc) => oc.column('rating_id').doNothing()).returningAll().execute();
      for (const f of inserted) counter.add({ utility_org_id: f.utility_org_id, metric: 'rating', k1: String(f.level), k2: '', k3: '' });
      await addCounts(trx, counter);
      return inserted.length;
    });
    if (rows.length < PAGE) return counted;
  }
}

/**
 * Counts every transition and rating not counted yet into wc_dash_counts. Incremental: only rows newer than the
 * settled cursors are looked at, so it costs about a millisecond when little changed. Called before every
 * dashboard read and by the seed after its bulk inserts. Safe to run concurrently from several processes.
 */
export async function refreshDashboardCounts(db: DbOrTx, opts: { now?: Date } = {}): Promise<{ transitions: number; ratings: number }> {
  const startedAt = (opts.now ?? new Date()).getTime();
  const cursors = new Map((await db.selectFrom('wc_dash_cursor').select(['name', 'settled_id']).execute()).map((c) => [c.name, c.settled_id]));
  const transitions = await refreshTransitions(db, cursors.get('transitions') ?? '');
  const ratings = await refreshRatings(db, cursors.get('ratings') ?? '');
  // Everything created before (start − SETTLE_MS) had committed when this refresh began, and was counted.
  const updatedAt = new Date(startedAt).toISOString();
  for (const [name, prefix] of [['transitions', 'wft'], ['ratings', 'wsr']] as const) {
    const settled = idCreatedAt(prefix, startedAt - SETTLE_MS);
    if (settled <= (cursors.get(name) ?? '')) continue;
    await db.insertInto('wc_dash_cursor').values({ name, settled_id: settled, updated_at: updatedAt })
      .onConflict((oc) => oc.column('name').doUpdateSet({ settled_id: settled, updated_at: updatedAt }).where('wc_dash_cursor.settled_id', '<', settled))
      .execute();
  }
  return { transitions, ratings };
}

// ---------------------------------------------------------------------------------------------------------------
// The dashboard

export interface StepStat {
  step: DashboardStep;
  label: { zh: string; en: string };
  /** The promise for this utility; null for the contract (it waits for the applicant). */
  limit: TimeLimit | null;
  promisedDays: number | null;
  /** Unit of `averageDays` and `promisedDays`: the limit's, working days when there is no limit. */
  unit: TimeLimit['unit'];
  /** Steps finished (left to the next step). */
  count: number;
  /** Mean time from entering to leaving in `unit` (the entering day not counted), 2 decimals. */
  averageDays: number | null;
  averageWorkingDays: number | null;
  averageNaturalDays: number | null;
  /** Finished by the promised last day (the limit counted from the entering day, in its unit). */
  onTime: number | null;
  onTimeRateBp: number | null;
  averageWithinPromise: boolean | null;
  /** Applications in this step now. */
  inProgress: number;
}

export interface OverdueItem {
  /** The application's id (links go to /water-connection/applications/{id}). */
  id: string;
  number: string;
  applicantName: string;
  district: string;
  state: string;
  stateLabel: { zh: string; en: string };
  dueDate: string | null;
  /** Working days from the due date to today. */
  overdueWorkingDays: number;
  managerName: string | null;
}

export interface UtilityDashboard {
  utilityOrganizationId: string;
  generatedAt: string;
  total: number;
  totals: { applications: number; open: number; completed: number; rejected: number; withdrawn: number; overdue: number };
  byState: { state: string; label: { zh: string; en: string }; count: number }[];
  steps: StepStat[];
  /** Sum of the step averages in working days: a typical application from submission to water on. */
  averageTotalWorkingDays: number | null;
  /** Most overdue first, at most `listLimit`; `totals.overdue` has the full count. */
  overdue: OverdueItem[];
  ratings: {
    count: number;
    /** Mean level, 2 decimals (5 = 非常满意). */
    average: number | null;
    byLevel: { level: number; label: { zh: string; en: string }; count: number }[];
    /** 非常满意 + 满意 + 基本满意 over all ratings (差评 = 不满意 or worse, 国办发〔2019〕51号), basis points. */
    satisfactionRateBp: number | null;
  };
  rectifications: {
    open: number;
    overdue: number;
    items: { id: string; applicationId: string; number: string; applicantName: string; level: number; dueDate: string; overdue: boolean; createdAt: string }[];
  };
  perMonth: { month: string; submitted: number }[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** `YYYY-MM` of the last `count` months in China, the current one last. */
function lastMonths(now: Date, count: number): string[] {
  const today = todayInChina(now);
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    months.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return months;
}

export interface DashboardOptions {
  now?: Date;
  /** Items in the overdue and rectification lists (default 100). */
  listLimit?: number;
  /** Months in the per-month series, current month included (default 12). */
  months?: number;
}

/** The dashboard of one utility organization. Counts come from wc_dash_counts, brought up to date first. */
export async function getUtilityDashboard(db: DbOrTx, utilityOrgId: string, opts: DashboardOptions = {}): Promise<UtilityDashboard> {
  const now = opts.now ?? new Date();
  const nowIso = now.toISOString();
  const today = todayInChina(now);
  const listLimit = opts.listLimit ?? 100;
  await refreshDashboardCounts(db, { now });

  const [countRows, stepVersion, limits, overdueCount, overdueRows, rectCounts, rectRows] = await Promise.all([
    db.selectFrom('wc_dash_counts').select(['metric', 'k1', 'n']).where('utility_org_id', '=', utilityOrgId).where('metric', '<>', 'step').execute(),
    db.selectFrom('wc_dash_counts').select([(eb) => eb.fn.countAll<number>().as('rows'), (eb) => eb.fn.sum<number>('n').as('total')])
      .where('utility_org_id', '=', utilityOrgId).where('metric', '=', 'step').executeTakeFirst(),
    getStepLimits(db, utilityOrgId),
    overdueQuery(db, utilityOrgId, nowIso).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    overdueQuery(db, utilityOrgId, nowIso)
      .leftJoin('users as m', 'm.id', 'a.manager_user_id')
      .select(['a.id', 'a.number', 'a.applicant_name', 'a.district', 'i.state', 'i.due_date', 'm.display_name as manager_name'])
      .orderBy('i.due_at').orderBy('a.number').limit(listLimit).execute(),
    db.selectFrom('wc_rectifications as x').innerJoin('wc_applications as a', 'a.id', 'x.application_id')
      .select([(eb) => eb.fn.countAll<number>().as('open'), sql<number>`sum(case when x.due_date < ${today} then 1 else 0 end)`.as('overdue')])
      .where('x.state', '=', 'open').where('a.utility_org_id', '=', utilityOrgId).executeTakeFirst(),
    db.selectFrom('wc_rectifications as x').innerJoin('wc_applications as a', 'a.id', 'x.application_id').innerJoin('wc_ratings as r', 'r.id', 'x.rating_id')
      .select(['x.id', 'x.application_id', 'a.number', 'a.applicant_name', 'r.level', 'x.due_date', 'x.created_at'])
      .where('x.state', '=', 'open').where('a.utility_org_id', '=', utilityOrgId).orderBy('x.due_date').orderBy('a.number').limit(listLimit).execute(),
  ]);

  const entered = new Map<string, number>();
  const left = new Map<string, number>();
  const submitted = new Map<string, number>();
  const levels = new Map<number, number>();
  for (const r of countRows) {
    const n = Number(r.n);
    if (r.metric === 'entered') entered.set(r.k1, n);
    else if (r.metric === 'left') left.set(r.k1, n);
    else if (r.metric === 'submitted') submitted.set(r.k1, n);
    else if (r.metric === 'rating') levels.set(Number(r.k1), n);
  }
  // In a state now = entered it − left it (true on any path, loops included).
  const inState = new Map<string, number>();
  for (const [state, n] of entered) inState.set(state, n - (left.get(state) ?? 0));
  const byState: UtilityDashboard['byState'] = STATE_ORDER.map((state) => ({ state, label: stateLabel(state), count: inState.get(state) ?? 0 }));
  for (const [state, n] of inState) if (!(STATE_ORDER as readonly string[]).includes(state)) byState.push({ state, label: stateLabel(state), count: n });
  const total = [...submitted.values()].reduce((a, n) => a + n, 0);
  const open = byState.filter((r) => !TERMINAL_STATES.includes(r.state)).reduce((a, r) => a + r.count, 0);

  const limitMap = new Map(limits.map((l) => [l.step, { days: l.days, unit: l.unit } satisfies TimeLimit]));
  const steps = (await cachedStepStats(db, utilityOrgId, stepVersion, limitMap)).map((x) => ({ ...x, inProgress: inState.get(x.step) ?? 0 }));
  const averages = steps.map((x) => x.averageWorkingDays);
  const overdueTotal = Number(overdueCount?.n ?? 0);

  const ratingCount = [...levels.values()].reduce((a, n) => a + n, 0);
  const satisfied = (levels.get(5) ?? 0) + (levels.get(4) ?? 0) + (levels.get(3) ?? 0);
  const levelSum = [...levels].reduce((a, [l, n]) => a + l * n, 0);

  return {
    utilityOrganizationId: utilityOrgId,
    generatedAt: nowIso,
    total,
    totals: { applications: total, open, completed: inState.get('completed') ?? 0, rejected: inState.get('rejected') ?? 0, withdrawn: inState.get('withdrawn') ?? 0, overdue: overdueTotal },
    byState,
    steps,
    averageTotalWorkingDays: averages.every((a) => a !== null) ? round2(averages.reduce((a: number, x) => a + x!, 0)) : null,
    overdue: overdueRows.map((r) => ({
      id: r.id, number: r.number, applicantName: r.applicant_name, district: r.district, state: r.state, stateLabel: stateLabel(r.state),
      dueDate: r.due_date, overdueWorkingDays: r.due_date ? Math.max(0, workingDaysBetween(r.due_date, today)) : 0, managerName: r.manager_name ?? null,
    })),
    ratings: {
      count: ratingCount,
      average: ratingCount ? round2(levelSum / ratingCount) : null,
      byLevel: [5, 4, 3, 2, 1].map((level) => ({ level, label: { zh: ratingLevels[level]![0], en: ratingLevels[level]![1] }, count: levels.get(level) ?? 0 })),
      satisfactionRateBp: ratingCount ? Math.round((satisfied * 10_000) / ratingCount) : null,
    },
    rectifications: {
      open: Number(rectCounts?.open ?? 0),
      overdue: Number(rectCounts?.overdue ?? 0),
      items: rectRows.map((r) => ({ id: r.id, applicationId: r.application_id, number: r.number, applicantName: r.applicant_name, level: Number(r.level), dueDate: r.due_date, overdue: r.due_date < today, createdAt: r.created_at })),
    },
    perMonth: lastMonths(now, opts.months ?? 12).map((month) => ({ month, submitted: submitted.get(month) ?? 0 })),
  };
}

/**
 * Step statistics of a utility, recomputed only when its step counts changed. Counts only ever grow, so the
 * number of (step, entered day, left day) rows and the sum of their counts identify a state of the counts; with
 * the promised limits that fixes the result (the holiday data is fixed for the life of the process).
 */
const stepStatsCache = new Map<string, { key: string; stats: StepStat[] }>();
async function cachedStepStats(db: DbOrTx, utilityOrgId: string, version: { rows: number; total: number | null } | undefined, limits: ReadonlyMap<string, TimeLimit>) {
  const key = `${Number(version?.rows ?? 0)}|${Number(version?.total ?? 0)}|${JSON.stringify([...limits])}`;
  const hit = stepStatsCache.get(utilityOrgId);
  if (hit?.key === key) return hit.stats;
  const rows = await db.selectFrom('wc_dash_counts').select(['k1 as step', 'k2 as entered_day', 'k3 as left_day', 'n'])
    .where('utility_org_id', '=', utilityOrgId).where('metric', '=', 'step').execute();
  const stats = stepStats(rows, limits, new Map());
  if (stepStatsCache.size > 1_000) stepStatsCache.clear();
  stepStatsCache.set(utilityOrgId, { key, stats });
  return stats;
}

/** Open water-connection instances of the utility past their due instant (the end of the due day in China). */
function overdueQuery(db: DbOrTx, utilityOrgId: string, nowIso: string) {
  return db
    .selectFrom('workflow_instances as i')
    .innerJoin('wc_applications as a', 'a.id', 'i.subject_id')
    .where('i.organization_id', '=', utilityOrgId)
    .where('i.completed_at', 'is', null)
    .where('i.due_at', '<=', nowIso)
    .where('i.subject_type', '=', SUBJECT_TYPE)
    .where('a.utility_org_id', '=', utilityOrgId);
}

/** Last days of promises, memoized: the holiday data is fixed for the life of the process. */
const lastDays = new Map<string, CalendarDate>();
function lastDayOf(entered: CalendarDate, limit: TimeLimit): CalendarDate {
  const key = `${limit.days}|${limit.unit}|${entered}`;
  let d = lastDays.get(key);
  if (d === undefined) {
    if (lastDays.size > 50_000) lastDays.clear();
    d = computeDeadline(entered, limit).dueDate;
    lastDays.set(key, d);
  }
  return d;
}

/**
 * Step statistics from the (step, entered day, left day, count) summary. Working days by the platform calendar
 * (statutory holidays and adjusted working days); "on time" when the step was left by the last day of its
 * promise counted from the day it was entered (computeDeadline: the entering day not counted, 民事诉讼法 Art. 85).
 */
export function stepStats(rows: readonly { step: string; entered_day: string; left_day: string; n: number }[], limits: ReadonlyMap<string, TimeLimit>, inState: ReadonlyMap<string, number>): StepStat[] {
  // Per distinct day: W = working days from the earliest day up to it (so working days between two days is a
  // subtraction: the calendar is walked once over the distinct days, not once per row) and its day number.
  const days = [...new Set(rows.flatMap((r) => [r.entered_day, r.left_day]))].sort();
  const ordinal = new Map<string, { w: number; d: number }>();
  days.forEach((day, i) => {
    const w = i === 0 ? 0 : ordinal.get(days[i - 1]!)!.w + workingDaysBetween(days[i - 1]!, day);
    ordinal.set(day, { w, d: Date.parse(`${day}T00:00:00Z`) / 86_400_000 });
  });
  const acc = new Map<string, { n: number; working: number; natural: number; onTime: number }>();
  const lastDay = new Map<string, CalendarDate>();
  for (const r of rows) {
    const n = Number(r.n);
    let a = acc.get(r.step);
    if (!a) acc.set(r.step, (a = { n: 0, working: 0, natural: 0, onTime: 0 }));
    const from = ordinal.get(r.entered_day)!;
    const to = ordinal.get(r.left_day)!;
    a.n += n;
    a.working += n * (to.w - from.w);
    a.natural += n * (to.d - from.d);
    const limit = limits.get(r.step);
    if (limit) {
      const key = `${r.step}|${r.entered_day}`;
      let last = lastDay.get(key);
      if (last === undefined) lastDay.set(key, (last = lastDayOf(r.entered_day, limit)));
      if (r.left_day <= last) a.onTime += n;
    }
  }
  return DASHBOARD_STEPS.map((step) => {
    const a = acc.get(step);
    const limit = limits.get(step) ?? null;
    const avgWorking = a && a.n ? round2(a.working / a.n) : null;
    const avgNatural = a && a.n ? round2(a.natural / a.n) : null;
    const unit = limit?.unit ?? 'working';
    const avgInUnit = unit === 'natural' ? avgNatural : avgWorking;
    return {
      step,
      label: stateLabel(step),
      limit,
      promisedDays: limit?.days ?? null,
      unit,
      count: a?.n ?? 0,
      averageDays: avgInUnit,
      averageWorkingDays: avgWorking,
      averageNaturalDays: avgNatural,
      onTime: limit && a ? a.onTime : null,
      onTimeRateBp: limit && a && a.n ? Math.round((a.onTime * 10_000) / a.n) : null,
      averageWithinPromise: limit && avgInUnit !== null ? avgInUnit <= limit.days : null,
      inProgress: inState.get(step) ?? 0,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// CSV export

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A text cell starting with = + - @ (or tab/CR) is run as a formula by spreadsheets (CSV injection): neutralize it.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const CSV_HEADER = [
  '申请编号', '提交时间', '申请人', '统一社会信用代码', '申请人类型', '联系人', '联系电话', '用水地址', '区县', '用水性质', '接水管径(DN)', '预计日用水量(立方米)',
  '简易低风险项目', '帮代办', '当前环节', '营商服务经理', '费用估算(元)', '通水时间', '办理用时(工作日)', '用户号', '水表号', '评价',
] as const;

/** `2026-08-30 09:15` in China. */
const chinaMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const yuan = (fen: number | null) => (fen === null ? '' : `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`);

/**
 * All of a utility's applications as CSV: UTF-8 with a byte-order mark (so Excel shows the Chinese), a Chinese
 * header, CRLF line ends, RFC 4180 quoting. Phone numbers only masked (the stored mask, never decrypted):
 * personal data leaves the system in the minimum form (PIPL Art. 6).
 */
export async function exportApplicationsCsv(db: DbOrTx, utilityOrgId: string): Promise<string> {
  const rows = await db
    .selectFrom('wc_applications as a')
    .leftJoin('users as m', 'm.id', 'a.manager_user_id')
    .leftJoin('wc_ratings as r', 'r.application_id', 'a.id')
    .select([
      'a.number', 'a.submitted_at', 'a.applicant_name', 'a.applicant_uscc', 'a.applicant_kind', 'a.contact_name', 'a.contact_phone_masked', 'a.site_address', 'a.district',
      'a.water_use', 'a.pipe_diameter_mm', 'a.daily_volume_m3', 'a.simple_low_risk', 'a.assisted', 'a.state', 'm.display_name as manager_name', 'a.fee_estimate_fen',
      'a.completed_at', 'a.connection_number', 'a.meter_number', 'r.level',
    ])
    .where('a.utility_org_id', '=', utilityOrgId)
    .orderBy('a.submitted_at')
    .orderBy('a.number')
    .execute();
  const spans = new Map<string, number>();
  const lines: string[] = [CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    let span: number | '' = '';
    if (r.completed_at) {
      const key = `${chinaDayOf(r.submitted_at)}|${chinaDayOf(r.completed_at)}`;
      span = spans.get(key) ?? workingDaysBetween(chinaDayOf(r.submitted_at), chinaDayOf(r.completed_at));
      spans.set(key, span);
    }
    const level = r.level === null || r.level === undefined ? null : Number(r.level);
    lines.push([
      r.number, chinaMinute(r.submitted_at), r.applicant_name, r.applicant_uscc, r.applicant_kind === 'enterprise' ? '企业' : '个人', r.contact_name,
      r.contact_phone_masked, `泉州市${r.district}${r.site_address}`, r.district, waterUseLabels[r.water_use]?.[0] ?? r.water_use, r.pipe_diameter_mm, r.daily_volume_m3,
      r.simple_low_risk ? '是' : '否', r.assisted ? '是' : '否', stateLabel(r.state).zh, r.manager_name ?? '',
      yuan(r.fee_estimate_fen === null ? null : Number(r.fee_estimate_fen)), r.completed_at ? chinaMinute(r.completed_at) : '', span,
      r.connection_number, r.meter_number, level === null ? '' : ratingLevels[level]?.[0] ?? String(level),
    ].map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
