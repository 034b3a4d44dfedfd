/**
 * Calendar and workflow engine figures.
 *
 * - calendar: addWorkingDays(·, 20) and workingDaysBetween over one year, calls per second;
 * - workflow, per dialect: start N instances, then take 2 actions on each through performAction (each its own
 *   transaction, C concurrent callers); then "my tasks" (first page of 50) with N open instances; then one
 *   sweep over N overdue instances (claim + inbox message per instance).
 *
 *   npx tsx bench/workflow-actions.ts [--n 2000] [--concurrency 8] [--dialect sqlite|postgres|both]
 */
import { addWorkingDays, setCalendarWarningHandler, workingDaysBetween } from '../server/src/platform/calendar/index.js';
import { createOrganization, createUser, defineRoles } from '../server/src/platform/identity/index.js';
import { defineProcess, findMyTasks, performAction, startInstance, sweepOverdue, type Actor } from '../server/src/platform/workflow/index.js';
import { arg, freshDb, postgresReachable } from './ledger-fixture.js';

const N = Number(arg('n', '2000'));
const C = Number(arg('concurrency', '8'));
const which = arg('dialect', 'both');
setCalendarWarningHandler(() => undefined);

const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

function benchCalendar() {
  const starts = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
  let t = process.hrtime.bigint();
  const M = 50_000;
  for (let i = 0; i < M; i++) addWorkingDays(starts[i % 365]!, 20);
  const add = M / seconds(t);
  t = process.hrtime.bigint();
  const K = 5_000;
  for (let i = 0; i < K; i++) workingDaysBetween(starts[i % 365]!, '2026-12-31');
  const between = K / seconds(t);
  console.log(`calendar: addWorkingDays(·, 20) ${Math.round(add).toLocaleString('en')}/s; workingDaysBetween(≤ 1 year) ${Math.round(between).toLocaleString('en')}/s`);
}

const roles = defineRoles('wfbench', {
  clerk: { zh: '窗口人员', en: 'Clerk', permissions: [], organizationKinds: ['government'] },
});

const process_ = defineProcess({
  name: 'wfbench.application',
  label: { zh: '基准流程', en: 'Bench process' },
  initial: 'submitted',
  states: {
    submitted: { label: { zh: '已提交', en: 'Submitted' }, deadline: { days: 1, unit: 'working' } },
    reviewing: { label: { zh: '审查中', en: 'Reviewing' }, deadline: { days: 5, unit: 'working' } },
    approved: { label: { zh: '已核准', en: 'Approved' }, terminal: true },
  },
  actions: {
    accept: { label: { zh: '受理', en: 'Accept' }, from: 'submitted', to: 'reviewing', roles: [roles.clerk] },
    approve: { label: { zh: '核准', en: 'Approve' }, from: 'reviewing', to: 'approved', roles: [roles.clerk], requiredFields: ['decisionNo'] },
  },
});

async function benchWorkflow(dialect: 'sqlite' | 'postgres') {
  const b = await freshDb(dialect);
  try {
    const org = await createOrganization(b.db, { kind: 'government', name: '基准窗口' });
    const user = await createUser(b.db, b.config.piiKey, { username: 'wfbench', displayName: '基准', password: 'Bench#2026x', organizationId: org.id, roles: [roles.clerk] });
    const actor: Actor = { userId: user.id, roles: [roles.clerk], organizationId: org.id, name: '基准' };
    const now = new Date('2026-03-02T02:00:00Z');

    let t = process.hrtime.bigint();
    const ids: string[] = new Array(N);
    let next = 0;
    const starter = async () => {
      for (let i = next++; i < N; i = next++) {
        const r = await startInstance(b.db, process_, { subjectType: 'wfbench.app', subjectId: `a${i}`, organizationId: org.id, actor, now });
        ids[i] = r.instance.id;
      }
    };
    await Promise.all(Array.from({ length: C }, starter));
    const startRate = N / seconds(t);

    // "my tasks" with N open instances in the organization
    t = process.hrtime.bigint();
    const Q = 50;
    for (let i = 0; i < Q; i++) await findMyTasks(b.db, actor, { limit: 50 });
    const tasksMs = (seconds(t) / Q) * 1000;

    // the sweep over N overdue instances
    t = process.hrtime.bigint();
    let swept = 0;
    for (;;) {
      const r = await sweepOverdue(b.db, { now: new Date('2026-03-10T00:00:00Z'), batchSize: 500 });
      swept += r.claimed;
      if (r.claimed === 0) break;
    }
    const sweepRate = swept / seconds(t);

    t = process.hrtime.bigint();
    next = 0;
    const actor2 = async () => {
      for (let i = next++; i < N; i = next++) {
        await performAction(b.db, { instanceId: ids[i]!, action: 'accept', expectedVersion: 1, actor, now });
        await performAction(b.db, { instanceId: ids[i]!, action: 'approve', expectedVersion: 2, actor, fields: { decisionNo: `D${i}` }, now });
      }
    };
    await Promise.all(Array.from({ length: C }, actor2));
    const actionRate = (2 * N) / seconds(t);

    console.log(
      `${b.label}: start ${Math.round(startRate)}/s, performAction ${Math.round(actionRate)}/s (${C} callers), ` +
        `my tasks (50 of ${N}) ${tasksMs.toFixed(1)} ms, sweep ${Math.round(sweepRate)} overdue/s (${swept} instances)`,
    );
  } finally {
    await b.close();
  }
}

benchCalendar();
if (which === 'sqlite' || which === 'both') await benchWorkflow('sqlite');
if (which === 'postgres' || which === 'both') {
  if (await postgresReachable()) await benchWorkflow('postgres');
  else console.log('PostgreSQL not reachable: skipped');
}
