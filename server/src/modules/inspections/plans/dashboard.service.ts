/** Dashboard figures: plans by state, coverage of the target roster by district, industry and credit class, outcomes. */
import type { DbOrTx } from '../../../platform/db/index.js';
import { todayInChina } from '../../../platform/calendar/index.js';
import '../inspections.table.js';

type Counts = Record<string, number>;

function tally<T>(rows: T[], key: (r: T) => string): Counts {
  const out: Counts = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

export async function dashboard(db: DbOrTx) {
  const plans = await db.selectFrom('insp_plans').select(['state']).execute();
  const targets = await db.selectFrom('insp_targets').select(['district', 'industry', 'credit_class']).execute();
  const tasks = await db.selectFrom('insp_tasks').select(['district', 'industry', 'credit_class', 'state', 'outcome', 'publish_deadline']).execute();
  const today = todayInChina();
  const coverage = (key: (r: { district: string; industry: string; credit_class: string }) => string) => {
    const roster = tally(targets, key);
    const drawn = tally(tasks, key);
    return Object.keys({ ...roster, ...drawn })
      .sort()
      .map((k) => ({ key: k, roster: roster[k] ?? 0, drawn: drawn[k] ?? 0 }));
  };
  return {
    plans: tally(plans, (p) => p.state),
    tasks: tally(tasks, (t) => t.state),
    outcomes: tally(
      tasks.filter((t) => t.outcome !== null),
      (t) => t.outcome!,
    ),
    overdue: tasks.filter((t) => t.state === 'recorded' && t.publish_deadline !== null && t.publish_deadline < today).length,
    coverage: {
      district: coverage((r) => r.district),
      industry: coverage((r) => r.industry.slice(0, 1)),
      creditClass: coverage((r) => r.credit_class),
    },
  };
}
