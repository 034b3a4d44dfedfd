import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig, type Config } from '../platform/config/index.js';
import { createTestDb, describeEachDialect, type TestDb } from '../test/db.js';
import { findAgendaItemById } from '../modules/bankruptcy/meeting.repository.js';
import { tallyItem } from '../modules/bankruptcy/meeting.service.js';
import { seedPlatform } from './platform.seed.js';
import { bankruptcySeed } from './bankruptcy.seed.js';
import { LARGE_CASE_CREDITORS, VOLUME_PER_SCALE } from './bankruptcy-bulk.js';

describeEachDialect('bankruptcy seed', (dialect) => {
  let t: TestDb;
  let config: Config;
  let orgIds: Map<string, string>;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    config = loadConfig({ dataDir: mkdtempSync(join(tmpdir(), 'ys-bk-seed-')), databaseUrl: t.url });
    orgIds = await seedPlatform(t.db, config);
  }, 300_000);
  afterAll(() => t.close());

  it('makes demo cases in every stage through the services, with ledger entries', async () => {
    const summary = await bankruptcySeed(t.db, config, { orgIds, scale: 0 });
    expect(summary).toContain('7 demo cases');
    const stages = await t.db.selectFrom('bk_cases').select(['stage', 'procedure', 'converted_from']).execute();
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['applied', 'accepted', 'closed']));
    expect(new Set(stages.map((s) => s.procedure))).toEqual(new Set(['liquidation', 'reorganization', 'settlement']));
    expect(stages.some((s) => s.converted_from === 'reorganization')).toBe(true);
    const claims = await t.db.selectFrom('bk_claims').select(['ledger_index']).where('source', '=', 'filed').execute();
    expect(claims.length).toBeGreaterThan(5);
    expect(claims.every((c) => c.ledger_index !== null)).toBe(true);
    const closedVote = await t.db.selectFrom('bk_agenda_items').select(['passed', 'decided_by']).where('status', '=', 'closed').executeTakeFirstOrThrow();
    expect(closedVote).toEqual({ passed: 1, decided_by: 'EBL-64-1' });
    expect(await bankruptcySeed(t.db, config, { orgIds, scale: 0 })).toContain('already present');
  }, 300_000);

  it('adds the volumes and the 10,000-creditor case at scale 1, and that vote tallies', async () => {
    const before = Number((await t.db.selectFrom('bk_cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await bankruptcySeed(t.db, config, { orgIds, scale: 1 });
    const count = async (table: 'bk_cases' | 'bk_meetings' | 'bk_attendance' | 'bk_announcements') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect((await count('bk_cases')) - before).toBe(VOLUME_PER_SCALE.cases + 1);
    expect(await count('bk_announcements')).toBeGreaterThanOrEqual(VOLUME_PER_SCALE.announcements);
    expect(await count('bk_meetings')).toBeGreaterThanOrEqual(VOLUME_PER_SCALE.meetings);
    const large = await t.db.selectFrom('bk_cases').select('id').where('debtor_name', '=', '厦门鹭海置业集团有限公司').executeTakeFirstOrThrow();
    const claimCount = await t.db.selectFrom('bk_claims').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', large.id).executeTakeFirstOrThrow();
    expect(Number(claimCount.n)).toBe(LARGE_CASE_CREDITORS);
    const item = await t.db.selectFrom('bk_agenda_items').select('id').where('case_id', '=', large.id).executeTakeFirstOrThrow();
    const outcome = await tallyItem(t.db, (await findAgendaItemById(t.db, item.id))!);
    if (outcome.kind === 'reorganizationPlan') throw new Error('unexpected');
    expect(outcome.heads.present).toBeGreaterThan(6_000);
    expect(outcome.amount.totalFen > 0n).toBe(true);
  }, 600_000);
});
