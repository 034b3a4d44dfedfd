import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../test/db.js';
import { loadConfig } from '../platform/config/index.js';
import { findUserByUsername } from '../platform/identity/index.js';
import { verifyDrawTranscript } from '../modules/inspections/index.js';
import { fullTranscript } from '../modules/inspections/plans/plan.service.js';
import { seedPlatform } from './platform.seed.js';
import { seedInspections } from './inspections.seed.js';

describeEachDialect('inspections seed', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(() => t.close());

  it('seeds the checklist, rosters, accounts and a drawn plan whose transcript verifies; twice is a no-op', async () => {
    const config = loadConfig({ dataDir: mkdtempSync(join(tmpdir(), 'ys-seed-')), databaseUrl: t.url });
    const orgIds = await seedPlatform(t.db, config);
    const summary = await seedInspections(t.db, config, { orgIds, scale: 0 });
    expect(summary).toMatch(/2300 points/);
    const version = await t.db.selectFrom('insp_checklist_versions').select(['counts']).executeTakeFirstOrThrow();
    expect(JSON.parse(version.counts)).toEqual({ departments: 34, categories: 158, items: 498, checkPoints: 2300 });
    const plan = await t.db.selectFrom('insp_plans').selectAll().executeTakeFirstOrThrow();
    expect(verifyDrawTranscript(fullTranscript(plan))).toMatchObject({ ok: true });
    const inspector = await findUserByUsername(t.db, 'insp-inspector1');
    const linked = await t.db.selectFrom('insp_inspectors').select('id').where('user_id', '=', inspector!.id).execute();
    expect(linked.map((r) => r.id)).toEqual(['SJ-350304-001']);
    const tasks = await t.db.selectFrom('insp_tasks').select('inspector_ids').execute();
    expect(tasks.filter((x) => (JSON.parse(x.inspector_ids) as string[]).includes('SJ-350304-001')).length).toBeGreaterThan(0);
    expect(await seedInspections(t.db, config, { orgIds, scale: 0 })).toMatch(/already seeded/);
  });
});
