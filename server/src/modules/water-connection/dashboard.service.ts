/**
 * The utility dashboard (供水企业看板, issue 4 item 9): applications by state, average time per step against the
 * promised limits, the overdue list, ratings (好差评) and open rectifications, applications per month; and the
 * CSV export of a utility's applications.
 *
 * Everything is read for ONE utility organization (the caller's). Fast over 28,000 applications: aggregate SQL
 * over indexes (migration 202611290200), and the step durations pre-aggregated (see refreshStepStats).
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import { computeDeadline, naturalDaysBetween, todayInChina, workingDaysBetween, type CalendarDate, type TimeLimit } from '../../platform/calendar/index.js';
import { ratingLevels, waterUseLabels } from './application-rules.js';
import { DEFAULT_STEP_LIMITS, simpleProcess, standardProcess } from './water-connection.workflow.js';
import './water-connection.table.js';
import '../../platform/workflow/workflow.table.js';

// ---------------------------------------------------------------------------------------------------------------
// Tables of the pre-aggregation (migration 202611290200-water-dashboard-indexes.ts)

export interface WaterDashStepFactTable {
  /** The transition that left the step. */
  transition_id: string;
  utility_org_id: string;
  step: string;
  /** Days in China, `YYYY-MM-DD`. */
  entered_day: string;
  left_day: string;
}

export interface WaterDashStepDaysTable {
  utility_org_id: string;
  step: string;
  entered_day: string;
  left_day: string;
  n: number;
}

export interface WaterDashCursorTable {
  name: string;
  settled_id: string;
  updated_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    wc_dash_step_facts: WaterDashStepFactTable;
    wc_dash_step_days: WaterDashStepDaysTable;
    wc_dash_cursor: WaterDashCursorTable;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Steps and their promised limits

/** The steps of an application in order; `contract` waits for the applicant and carries no promise. */
export const DASHBOARD_STEPS = ['survey', 'contract', 'countersign', 'construction', 'water-on'] as const;
export type DashboardStep = (typeof DASHBOARD_STEPS)[number];
export const CONFIGURABLE_STEPS = ['survey', 'countersign', 'construction', 'water-on'] as const;

const WATER_PROCESSES = [standardProcess.name, simpleProcess.name];
const TERMINAL_STATES = ['completed', 'rejected', 'withdrawn'];
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
// Pre-aggregation of step durations

const MINUTE = 60_000;
/**
 * How long a transaction may take between creating a transition's id (UUIDv7: its creation time, in ms) and
 * committing. Ids older than this at the start of a refresh are taken as settled; newer ones are scanned again
 * by the next refresh (each counted once: a fact per transition id).
 */
export const SETTLE_MS = 30_000;
const PAGE = 5_000;
const CURSOR = 'step-facts';

/** China (UTC+8, no daylight saving since 1991) calendar day of an ISO instant, without Intl (hot path). */
export const chinaDayOf = (iso: string): CalendarDate => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** The smallest `wft_` id created at or after `ms` (UUIDv7 begins with the 48-bit millisecond timestamp). */
export function transitionIdAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `wft_${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

/**
 * Counts every finished step not yet counted into wc_dash_step_days: for each transition that LEFT a step
 * (to the next step; a rejection or withdrawal ends the application, not the step), the day the step was entered
 * and the day it was left, in China. Incremental: it scans only transitions newer than the settled cursor, and a
 * fact row per transition (primary key) makes a second or concurrent refresh count nothing twice.
 * Called before every dashboard read (cheap when nothing changed) and by the seed after bulk inserts.
 */
export async function refreshStepStats(db: DbOrTx, opts: { now?: Date } = {}): Promise<{ counted: number }> {
  const startedAt = (opts.now ?? new Date()).getTime();
  const cursor = await db.selectFrom('wc_dash_cursor').select('settled_id').where('name', '=', CURSOR).executeTakeFirst();
  let after = cursor?.settled_id ?? '';
  let counted = 0;
  for (;;) {
    const rows = await db
      .selectFrom('workflow_transitions as t')
      .innerJoin('workflow_instances as i', 'i.id', 't.instance_id')
      .innerJoin('wc_applications as a', 'a.id', 'i.subject_id')
      .select(['t.id', 't.from_state', 't.at', 'a.utility_org_id'])
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
      .where('t.from_state', 'in', [...DASHBOARD_STEPS])
      .whereRef('t.from_state', '<>', 't.to_state')
      .where('t.to_state', 'not in', ['rejected', 'withdrawn'])
      .where('i.process', 'in', WATER_PROCESSES)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('wc_dash_step_facts as f').select('f.transition_id').whereRef('f.transition_id', '=', 't.id'))))
      .orderBy('t.id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const facts = rows
      .filter((r) => r.entered_at !== null)
      .map((r) => ({ transition_id: r.id, utility_org_id: r.utility_org_id, step: r.from_state!, entered_day: chinaDayOf(String(r.entered_at)), left_day: chinaDayOf(r.at) }));
    const write = async (trx: DbOrTx) => {
      const inserted: WaterDashStepFactTable[] = [];
      for (let i = 0; i < facts.length; i += 1_000) {
        inserted.push(...(await trx.insertInto('wc_dash_step_facts').values(facts.slice(i, i + 1_000))
          .onConflict((oc) => oc.column('transition_id').doNothing())
          .returning(['transition_id', 'utility_org_id', 'step', 'entered_day', 'left_day']).execute()));
      }
      const groups = new Map<string, WaterDashStepDaysTable>();
      for (const f of inserted) {
        const key = `${f.utility_org_id}|${f.step}|${f.entered_day}|${f.left_day}`;
        const g = groups.get(key);
        if (g) g.n++;
        else groups.set(key, { utility_org_id: f.utility_org_id, step: f.step, entered_day: f.entered_day, left_day: f.left_day, n: 1 });
      }
      const list = [...groups.values()];
      for (let i = 0; i < list.length; i += 1_000) {
        await trx.insertInto('wc_dash_step_days').values(list.slice(i, i + 1_000))
          .onConflict((oc) => oc.columns(['utility_org_id', 'step', 'entered_day', 'left_day']).doUpdateSet({ n: (eb) => eb('wc_dash_step_days.n', '+', eb.ref('excluded.n')) }))
          .execute();
      }
      return inserted.length;
    };
    counted += db.isTransaction ? await write(db) : await db.transaction().execute(write);
    if (rows.length < PAGE) break;
  }
  // Everything created before (start − SETTLE_MS) has committed and was seen by this scan.
  const settled = transitionIdAt(startedAt - SETTLE_MS);
  if (settled > (cursor?.settled_id ?? '')) {
    const updatedAt = new Date(startedAt).toISOString();
    await db.insertInto('wc_dash_cursor').values({ name: CURSOR, settled_id: settled, updated_at: updatedAt })
      .onConflict((oc) => oc.column('name').doUpdateSet({ settled_id: settled, updated_at: updatedAt }).where('wc_dash_cursor.settled_id', '<', settled))
      .execute();
  }
  return { counted };
}

// ---------------------------------------------------------------------------------------------------------------
// The dashboard

export interface StepStat {
  step: DashboardStep;
  label: { zh: string; en: string };
  /** The promise for this utility; null for the contract (it waits for the applicant). */
  limit: TimeLimit | null;
  /** Steps finished (left to the next step). */
  finished: number;
  /** Mean working days from entering to leaving (the entering day not counted), 2 decimals. */
  averageWorkingDays: number | null;
  averageNaturalDays: number | null;
  /** Finished by the promised last day (limit counted from the entering day, in its unit). */
  onTime: number | null;
  onTimeRateBp: number | null;
  /** The average, in the limit's unit, is within the promise. */
  averageWithinPromise: boolean | null;
  /** Applications in this step now. */
  inProgress: number;
}

export interface OverdueItem {
  applicationId: string;
  number: string;
  applicantName: string;
  district: string;
  state: string;
  stateLabel: { zh: string; en: string };
  dueDate: string | null;
  /** Working days past the due date (0 = due yesterday's end… today). */
  overdueWorkingDays: number;
  managerName: string | null;
  link: string;
}

export interface UtilityDashboard {
  utilityOrganizationId: string;
  generatedAt: string;
  totals: { applications: number; open: number; completed: number; rejected: number; withdrawn: number; overdue: number };
  byState: { state: string; label: { zh: string; en: string }; count: number }[];
  steps: StepStat[];
  /** Sum of the step averages: a typical application from submission to water on. */
  averageTotalWorkingDays: number | null;
  overdue: { total: number; items: OverdueItem[] };
  ratings: {
    total: number;
    levels: { level: number; label: { zh: string; en: string }; count: number }[];
    /** 非常满意 + 满意 + 基本满意 over all ratings (差评 = 不满意 or worse, 国办发〔2019〕51号), basis points. */
    satisfactionRateBp: number | null;
    /** Mean level ×100 (e.g. 472 = 4.72). */
    averageLevelX100: number | null;
  };
  rectifications: {
    open: number;
    overdue: number;
    items: { id: string; applicationId: string; number: string; applicantName: string; level: number; dueDate: string; overdue: boolean; createdAt: string }[];
  };
  perMonth: { month: string; submitted: number }[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Month starts in China for the last `count` months up to the current one, as ISO UTC instants. */
function monthBuckets(now: Date, count: number) {
  const today = todayInChina(now);
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const months: { month: string; start: string }[] = [];
  for (let i = 0; i < count; i++) {
    months.unshift({ month: `${y}-${String(m).padStart(2, '0')}`, start: new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000).toISOString() });
    m -= 1;
    if (m === 0) { m = 12; y -= 1; }
  }
  return months;
}

export interface DashboardOptions {
  now?: Date;
  /** Items in the overdue and rectification lists (default 50). */
  listLimit?: number;
  /** Months in the per-month series, current month included (default 12). */
  months?: number;
}

export async function getUtilityDashboard(db: DbOrTx, utilityOrgId: string, opts: DashboardOptions = {}): Promise<UtilityDashboard> {
  const now = opts.now ?? new Date();
  const nowIso = now.toISOString();
  const today = todayInChina(now);
  const listLimit = opts.listLimit ?? 50;
  await refreshStepStats(db, { now });

  const months = monthBuckets(now, opts.months ?? 12);
  const monthSums = months.map((b, i) => {
    const end = months[i + 1]?.start;
    return sql<number>`sum(case when submitted_at >= ${b.start}${end ? sql` and submitted_at < ${end}` : sql``} then 1 else 0 end)`.as(`m${i}`);
  });

  const [stateRows, stepRows, limits, overdueCount, overdueRows, ratingRows, rectCounts, rectRows, monthRow] = await Promise.all([
    db.selectFrom('wc_applications').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).where('utility_org_id', '=', utilityOrgId).groupBy('state').execute(),
    db.selectFrom('wc_dash_step_days').select(['step', 'entered_day', 'left_day', 'n']).where('utility_org_id', '=', utilityOrgId).execute(),
    getStepLimits(db, utilityOrgId),
    overdueQuery(db, utilityOrgId, nowIso).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    overdueQuery(db, utilityOrgId, nowIso)
      .leftJoin('users as m', 'm.id', 'a.manager_user_id')
      .select(['a.id', 'a.number', 'a.applicant_name', 'a.district', 'i.state', 'i.due_date', 'i.link', 'm.display_name as manager_name'])
      .orderBy('i.due_at').orderBy('a.number').limit(listLimit).execute(),
    // Driven from the ratings (fewer than applications), in level order on the covering index (level, application_id).
    db.selectFrom('wc_ratings as r').select(['r.level', (eb) => eb.fn.countAll<number>().as('n')])
      .where(({ exists, selectFrom }) => exists(selectFrom('wc_applications as a').select('a.id').whereRef('a.id', '=', 'r.application_id').where('a.utility_org_id', '=', utilityOrgId)))
      .groupBy('r.level').execute(),
    db.selectFrom('wc_rectifications as x').innerJoin('wc_applications as a', 'a.id', 'x.application_id')
      .select([(eb) => eb.fn.countAll<number>().as('open'), sql<number>`sum(case when x.due_date < ${today} then 1 else 0 end)`.as('overdue')])
      .where('x.state', '=', 'open').where('a.utility_org_id', '=', utilityOrgId).executeTakeFirst(),
    db.selectFrom('wc_rectifications as x').innerJoin('wc_applications as a', 'a.id', 'x.application_id').innerJoin('wc_ratings as r', 'r.id', 'x.rating_id')
      .select(['x.id', 'x.application_id', 'a.number', 'a.applicant_name', 'r.level', 'x.due_date', 'x.created_at'])
      .where('x.state', '=', 'open').where('a.utility_org_id', '=', utilityOrgId).orderBy('x.due_date').orderBy('a.number').limit(listLimit).execute(),
    db.selectFrom('wc_applications').select(monthSums).where('utility_org_id', '=', utilityOrgId).where('submitted_at', '>=', months[0]!.start).executeTakeFirst(),
  ]);

  const count = new Map(stateRows.map((r) => [r.state, Number(r.n)]));
  const byState: UtilityDashboard['byState'] = STATE_ORDER.map((state) => ({ state, label: stateLabel(state), count: count.get(state) ?? 0 }));
  for (const [state, n] of count) if (!STATE_ORDER.includes(state as (typeof STATE_ORDER)[number])) byState.push({ state, label: stateLabel(state), count: n });
  const total = byState.reduce((s, r) => s + r.count, 0);
  const open = byState.filter((r) => !TERMINAL_STATES.includes(r.state)).reduce((s, r) => s + r.count, 0);

  const steps = stepStats(stepRows, new Map(limits.map((l) => [l.step, { days: l.days, unit: l.unit } satisfies TimeLimit])), count);
  const averages = steps.map((s) => s.averageWorkingDays);
  const overdueTotal = Number(overdueCount?.n ?? 0);

  const levelCount = new Map(ratingRows.map((r) => [Number(r.level), Number(r.n)]));
  const ratingTotal = [...levelCount.values()].reduce((s, n) => s + n, 0);
  const satisfied = (levelCount.get(5) ?? 0) + (levelCount.get(4) ?? 0) + (levelCount.get(3) ?? 0);
  const levelSum = [...levelCount].reduce((s, [l, n]) => s + l * n, 0);

  return {
    utilityOrganizationId: utilityOrgId,
    generatedAt: nowIso,
    totals: { applications: total, open, completed: count.get('completed') ?? 0, rejected: count.get('rejected') ?? 0, withdrawn: count.get('withdrawn') ?? 0, overdue: overdueTotal },
    byState,
    steps,
    averageTotalWorkingDays: averages.every((a) => a !== null) ? round2(averages.reduce((s: number, a) => s + a!, 0)) : null,
    overdue: {
      total: overdueTotal,
      items: overdueRows.map((r) => ({
        applicationId: r.id, number: r.number, applicantName: r.applicant_name, district: r.district, state: r.state, stateLabel: stateLabel(r.state),
        dueDate: r.due_date, overdueWorkingDays: r.due_date ? Math.max(0, workingDaysBetween(r.due_date, today)) : 0,
        managerName: r.manager_name ?? null, link: r.link ?? `/water-connection/applications/${r.id}`,
      })),
    },
    ratings: {
      total: ratingTotal,
      levels: [5, 4, 3, 2, 1].map((level) => ({ level, label: { zh: ratingLevels[level]![0], en: ratingLevels[level]![1] }, count: levelCount.get(level) ?? 0 })),
      satisfactionRateBp: ratingTotal ? Math.round((satisfied * 10_000) / ratingTotal) : null,
      averageLevelX100: ratingTotal ? Math.round((levelSum * 100) / ratingTotal) : null,
    },
    rectifications: {
      open: Number(rectCounts?.open ?? 0),
      overdue: Number(rectCounts?.overdue ?? 0),
      items: rectRows.map((r) => ({ id: r.id, applicationId: r.application_id, number: r.number, applicantName: r.applicant_name, level: Number(r.level), dueDate: r.due_date, overdue: r.due_date < today, createdAt: r.created_at })),
    },
    perMonth: months.map((b, i) => ({ month: b.month, submitted: Number((monthRow as Record<string, unknown> | undefined)?.[`m${i}`] ?? 0) })),
  };
}

/** Open water-connection instances of the utility past their due instant (the end of the due day in China). */
function overdueQuery(db: DbOrTx, utilityOrgId: string, nowIso: string) {
  return db
    .selectFrom('workflow_instances as i')
    .innerJoin('wc_applications as a', 'a.id', 'i.subject_id')
    .where('i.due_at', '<=', nowIso)
    .where('i.completed_at', 'is', null)
    .where('i.organization_id', '=', utilityOrgId)
    .where('i.process', 'in', WATER_PROCESSES)
    .where('a.utility_org_id', '=', utilityOrgId);
}

/**
 * Step statistics from the (step, entered day, left day, count) summary. Working days by the platform calendar
 * (statutory holidays and adjusted working days); "on time" when the step was left by the last day of its
 * promise counted from the day it was entered (computeDeadline: the entering day not counted, 民事诉讼法 Art. 85).
 */
export function stepStats(rows: readonly { step: string; entered_day: string; left_day: string; n: number }[], limits: ReadonlyMap<string, TimeLimit>, inState: ReadonlyMap<string, number>): StepStat[] {
  const deadlines = new Map<string, string>();
  const acc = new Map<string, { n: number; working: number; natural: number; onTime: number }>();
  // Working days between two days = W(left) − W(entered), W(d) = working days in (first day, d]: one calendar
  // walk per distinct day instead of one per row.
  let first = '';
  for (const r of rows) if (first === '' || r.entered_day < first) first = r.entered_day;
  const ordinal = new Map<string, number>();
  const W = (d: string) => {
    let w = ordinal.get(d);
    if (w === undefined) {
      w = workingDaysBetween(first, d);
      ordinal.set(d, w);
    }
    return w;
  };
  for (const r of rows) {
    const n = Number(r.n);
    const a = acc.get(r.step) ?? { n: 0, working: 0, natural: 0, onTime: 0 };
    a.n += n;
    a.working += n * (W(r.left_day) - W(r.entered_day));
    a.natural += n * naturalDaysBetween(r.entered_day, r.left_day);
    const limit = limits.get(r.step);
    if (limit) {
      const key = `${r.step}|${r.entered_day}`;
      let last = deadlines.get(key);
      if (!last) {
        last = computeDeadline(r.entered_day, limit).dueDate;
        deadlines.set(key, last);
      }
      if (r.left_day <= last) a.onTime += n;
    }
    acc.set(r.step, a);
  }
  return DASHBOARD_STEPS.map((step) => {
    const a = acc.get(step);
    const limit = limits.get(step) ?? null;
    const avgWorking = a && a.n ? round2(a.working / a.n) : null;
    const avgNatural = a && a.n ? round2(a.natural / a.n) : null;
    const avgInUnit = limit?.unit === 'natural' ? avgNatural : avgWorking;
    return {
      step,
      label: stateLabel(step),
      limit,
      finished: a?.n ?? 0,
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
