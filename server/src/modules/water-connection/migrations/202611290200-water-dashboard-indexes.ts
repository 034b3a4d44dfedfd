import type { Kysely } from 'kysely';

/**
 * The utility dashboard (dashboard.service.ts): indexes for its queries and its pre-aggregated counts.
 *
 * Why pre-aggregate: average time per step needs, for every finished step, the day it was entered and the day it
 * was left. Computed from workflow_transitions on each request that costs ~0.35 s of CPU over 28,000
 * applications (200,000 transitions), and counting states, months and ratings over the applications another
 * ~10 ms that grows with every application. Instead each transition and each rating is counted ONCE into a small
 * table of counts per utility (a few thousand rows), incrementally, just before a dashboard read; a "fact" row
 * per counted source row (its primary key) makes counting idempotent under retries and concurrent refreshes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // the overdue list: one utility's open instances past their due instant (equality, IS NULL, then a range)
  await db.schema.createIndex('wc_wf_instances_org_open_due').on('workflow_instances').columns(['organization_id', 'completed_at', 'due_at']).execute();
  // findWaterUtilityForCity (every submission): walk the water utilities in creation order instead of scanning
  // every organization (the seed's volume adds ~21,000 applicant organizations: 4.5 ms → 0.05 ms per lookup)
  await db.schema.createIndex('wc_organizations_kind_created').on('organizations').columns(['kind', 'created_at']).execute();
  // the CSV export reads a utility's applications in submission order
  await db.schema.createIndex('wc_applications_utility_submitted').on('wc_applications').columns(['utility_org_id', 'submitted_at']).execute();
  await db.schema.createIndex('wc_rectifications_state').on('wc_rectifications').columns(['state', 'application_id']).execute();

  // Counted transitions (non-stay transitions of water-connection instances) and counted ratings.
  await db.schema
    .createTable('wc_dash_transition_facts')
    .addColumn('transition_id', 'text', (c) => c.primaryKey())
    .addColumn('utility_org_id', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('entered_day', 'text')
    .addColumn('at_day', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('wc_dash_rating_facts')
    .addColumn('rating_id', 'text', (c) => c.primaryKey())
    .addColumn('utility_org_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .execute();
  // metric: entered (k1 state), left (k1 state), step (k1 step, k2 entered day, k3 left day), submitted (k1 month),
  // rating (k1 level). Unused keys are ''.
  await db.schema
    .createTable('wc_dash_counts')
    .addColumn('utility_org_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('k1', 'text', (c) => c.notNull())
    .addColumn('k2', 'text', (c) => c.notNull())
    .addColumn('k3', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('wc_dash_counts_pk', ['utility_org_id', 'metric', 'k1', 'k2', 'k3'])
    .execute();
  // Source rows with an id below `settled_id` have all been counted.
  await db.schema
    .createTable('wc_dash_cursor')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('settled_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['wc_dash_cursor', 'wc_dash_counts', 'wc_dash_rating_facts', 'wc_dash_transition_facts']) await db.schema.dropTable(t).execute();
  for (const i of ['wc_rectifications_state', 'wc_applications_utility_submitted', 'wc_organizations_kind_created', 'wc_wf_instances_org_open_due']) await db.schema.dropIndex(i).execute();
}
