import type { Kysely } from 'kysely';

/** The inspections module's tables: checklist versions, self-checks, rosters, plans and inspection tasks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('insp_checklist_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull().unique())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('ledger_index', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('insp_checklist_versions_effective').on('insp_checklist_versions').column('effective_from').execute();

  await db.schema
    .createTable('insp_departments')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .execute();

  await db.schema
    .createTable('insp_self_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('checklist_version_id', 'text', (c) => c.notNull().references('insp_checklist_versions.id'))
    .addColumn('item_codes', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('point_count', 'integer', (c) => c.notNull())
    .addColumn('not_met_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('insp_self_checks_org').on('insp_self_checks').columns(['organization_id', 'created_at']).execute();

  await db.schema
    .createTable('insp_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('credit_class', 'text', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('insp_inspectors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('qualifications', 'text', (c) => c.notNull())
    .addColumn('conflicts', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('insp_inspectors_user').on('insp_inspectors').column('user_id').execute();

  await db.schema
    .createTable('insp_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text')
    .addColumn('commitment_hash', 'text')
    .addColumn('target_roster', 'text')
    .addColumn('inspector_roster', 'text')
    .addColumn('random_value', 'text')
    .addColumn('random_entered_at', 'text')
    .addColumn('transcript', 'text')
    .addColumn('withdrawals', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .addColumn('drawn_at', 'text')
    .addColumn('commit_ledger_index', 'bigint')
    .addColumn('draw_ledger_index', 'bigint')
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('insp_plans_org').on('insp_plans').columns(['organization_id', 'created_at']).execute();

  await db.schema
    .createTable('insp_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('insp_plans.id'))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('credit_class', 'text', (c) => c.notNull())
    .addColumn('stratum', 'text', (c) => c.notNull())
    .addColumn('pick', 'integer', (c) => c.notNull())
    .addColumn('assignments', 'text', (c) => c.notNull())
    .addColumn('inspector_ids', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('photo_file_ids', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text')
    .addColumn('publish_deadline', 'text')
    .addColumn('published_at', 'text')
    .addColumn('ledger_index', 'bigint')
    .execute();
  await db.schema.createIndex('insp_tasks_plan').on('insp_tasks').columns(['plan_id', 'pick']).execute();
  await db.schema.createIndex('insp_tasks_state').on('insp_tasks').columns(['state', 'published_at']).execute();

  await db.schema
    .createTable('insp_plan_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['insp_tasks', 'insp_plans', 'insp_plan_counters', 'insp_inspectors', 'insp_targets', 'insp_self_checks', 'insp_departments', 'insp_checklist_versions']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
