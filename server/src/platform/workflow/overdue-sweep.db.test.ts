import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../test/db.js';
import { setCalendarWarningHandler } from '../calendar/index.js';
import { defineProcess, startInstance, sweepOverdue } from './index.js';
import { createActor, createEnterprise, createWindowOrganization, roles } from './workflow.db-fixture.js';
import { sampleDefinition } from './workflow.fixture.js';

/**
 * Two server processes sweep the same database at the same time: every overdue instance must be claimed and
 * notified exactly once. The sweeps run in real child processes (as in production), started together.
 */
const here = dirname(fileURLToPath(import.meta.url));
const processName = `test.sweep-${process.pid}`;
// The workers register only this process; the parent also has another, which the workers must leave alone.
const sweptProcess = defineProcess(sampleDefinition({ name: processName }));
const otherProcess = defineProcess(sampleDefinition());
const INSTANCES = 200;
const sweepAt = '2026-03-01T00:00:00.000Z';

interface Worker {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  done: Promise<{ claimed: string[]; skipped: number }>;
}

function startWorker(t: TestDb): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'overdue-sweep.test-worker.ts')], {
    env: { ...process.env, WF_DB_URL: t.url, WF_DB_SCHEMA: t.schema ?? '', WF_PROCESS: processName, WF_NOW: sweepAt },
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ claimed: string[]; skipped: number }>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`sweep worker exited with ${code}: ${err}`));
      const last = out.trim().split('\n').pop() ?? '';
      resolve(JSON.parse(last) as { claimed: string[]; skipped: number });
    });
  });
  return { child, ready, done };
}

describeEachDialect('overdue sweep across processes', (dialect) => {
  let t: TestDb;
  let org: string;
  const ids: string[] = [];

  beforeAll(async () => {
    setCalendarWarningHandler(() => undefined);
    // SQLite: a file both processes open (WAL); PostgreSQL: a fresh schema.
    t = await createTestDb(dialect, dialect === 'sqlite' ? { sqliteFile: join(mkdtempSync(join(tmpdir(), 'ys-wf-')), 'sweep.db') } : {});
    org = await createWindowOrganization(t.db);
    await createActor(t.db, org, [roles.clerk]);
    await createActor(t.db, org, [roles.clerk]);
    const applicant = await createActor(t.db, await createEnterprise(t.db), [roles.applicant]);
    for (let i = 0; i < INSTANCES; i++) {
      const { instance } = await startInstance(t.db, i % 2 ? otherProcess : sweptProcess, {
        subjectType: 'wftest.application',
        subjectId: `sweep_${i}`,
        link: `/wftest/sweep/${i}`,
        organizationId: org,
        actor: applicant,
        now: new Date('2026-02-13T02:00:00Z'), // due 02-14
      });
      if (i % 2 === 0) ids.push(instance.id);
    }
  });
  afterAll(async () => {
    setCalendarWarningHandler(null);
    await t?.close();
  });

  it('claims and notifies each overdue instance exactly once', async () => {
    const workers = [startWorker(t), startWorker(t)];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.end('go\n');
    const [ra, rb] = await Promise.all(workers.map((w) => w.done));
    const a = ra!.claimed;
    const b = rb!.claimed;
    // How the work was shared varies with scheduling; it is reported, not asserted.
    console.info(`[${dialect}] sweep workers claimed ${a.length} and ${b.length}, lost ${ra!.skipped} and ${rb!.skipped} races`);

    // Only the workers' process (every other instance) is swept; together they took each instance once.
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    expect(a.filter((id) => b.includes(id))).toEqual([]);

    const rows = await t.db
      .selectFrom('notifications')
      .select(['link'])
      .where('template', '=', 'workflow.overdue')
      .execute();
    // two clerks in the organization: two messages per instance, never four
    const perLink = new Map<string, number>();
    for (const r of rows) perLink.set(r.link!, (perLink.get(r.link!) ?? 0) + 1);
    expect(perLink.size).toBe(INSTANCES / 2);
    expect([...perLink.values()].every((n) => n === 2)).toBe(true);

    const marked = await t.db.selectFrom('workflow_instances').select('id').where('overdue_notified_at', '=', sweepAt).execute();
    expect(marked.map((r) => r.id).sort()).toEqual([...ids].sort());
    // nothing left for a third sweep of the same process
    expect((await sweepOverdue(t.db, { now: new Date(sweepAt) })).instanceIds.filter((id) => ids.includes(id))).toEqual([]);
  });
});
