/**
 * Benchmark: the live tally of the seeded 10,000-creditor case as the API computes it — voting roll from the
 * claim register, effective ballots and attendance read from the database, then the exact tally (target
 * ≤ 200 ms). SQLite, fresh database, `--scale 1` seed. Run: npx tsx bench/bankruptcy-vote-tally-db.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../server/src/platform/config/index.js';
import { migrateToLatest, openDb } from '../server/src/platform/db/index.js';
import { findAgendaItemById } from '../server/src/modules/bankruptcy/meeting.repository.js';
import { tallyItem } from '../server/src/modules/bankruptcy/meeting.service.js';
import { seedPlatform } from '../server/src/seed/platform.seed.js';
import { bankruptcySeed } from '../server/src/seed/bankruptcy.seed.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bk-tally-'));
const config = loadConfig({ dataDir, databaseUrl: join(dataDir, 'bench.db') });
const db = openDb({ url: config.databaseUrl });
await migrateToLatest(db);
const seedStart = performance.now();
await bankruptcySeed(db, config, { orgIds: await seedPlatform(db, config), scale: 1 });
const seedMs = performance.now() - seedStart;
const large = await db.selectFrom('bk_cases').select('id').where('debtor_name', '=', '厦门鹭海置业集团有限公司').executeTakeFirstOrThrow();
const itemRow = await db.selectFrom('bk_agenda_items').select('id').where('case_id', '=', large.id).executeTakeFirstOrThrow();
const item = (await findAgendaItemById(db, itemRow.id))!;
const times: number[] = [];
let outcome = await tallyItem(db, item);
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  outcome = await tallyItem(db, item);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const heads = outcome.kind === 'reorganizationPlan' ? null : outcome.heads;
console.log(
  `live tally from the database, 10,000 creditors (${heads?.present} present, ${heads?.for} for): median ${times[10]!.toFixed(0)} ms, ` +
    `max ${times[19]!.toFixed(0)} ms (20 runs, target ≤ 200 ms); seed at scale 1 took ${(seedMs / 1000).toFixed(1)} s`,
);
await db.destroy();
