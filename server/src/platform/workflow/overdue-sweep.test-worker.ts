/**
 * A second (and third) "server process" for overdue-sweep.db.test.ts: opens the test database, registers the
 * test process, waits for "go" on stdin so both workers start together, sweeps until nothing is left, and
 * prints the instances it claimed as JSON. Run with `node --import tsx`.
 */
import { createInterface } from 'node:readline';
import { openDb } from '../db/index.js';
import { defineProcess } from './process-registry.js';
import { sweepOverdue } from './overdue-sweep.service.js';
import { sampleDefinition } from './workflow.fixture.js';

const { WF_DB_URL, WF_DB_SCHEMA, WF_PROCESS, WF_NOW } = process.env;
if (!WF_DB_URL || !WF_PROCESS || !WF_NOW) throw new Error('WF_DB_URL, WF_PROCESS and WF_NOW are required');

defineProcess(sampleDefinition({ name: WF_PROCESS }));
const db = openDb({ url: WF_DB_URL, schema: WF_DB_SCHEMA || undefined, poolSize: 2 });

// Warm up (connection, module loading, query path) so both workers really start sweeping together.
await sweepOverdue(db, { now: new Date(0) });
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;

const claimed: string[] = [];
let skipped = 0;
for (;;) {
  const r = await sweepOverdue(db, { now: new Date(WF_NOW), batchSize: 20 });
  claimed.push(...r.instanceIds);
  skipped += r.skipped;
  if (r.claimed === 0 && r.skipped === 0) break;
}
await db.destroy();
process.stdout.write(`${JSON.stringify({ claimed, skipped })}\n`);
