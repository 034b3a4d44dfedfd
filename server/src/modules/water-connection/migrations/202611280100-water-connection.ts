import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wc_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('applicant_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_uscc', 'text')
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone_enc', 'text', (c) => c.notNull())
    .addColumn('contact_phone_masked', 'text', (c) => c.notNull())
    .addColumn('tracking_hash', 'text', (c) => c.notNull())
    .addColumn('site_address', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('water_use', 'text', (c) => c.notNull())
    .addColumn('pipe_diameter_mm', 'integer', (c) => c.notNull())
    .addColumn('daily_volume_m3', 'integer', (c) => c.notNull())
    .addColumn('simple_low_risk', 'integer', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('utility_org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('manager_user_id', 'text')
    .addColumn('workflow_instance_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('assisted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('survey_slot_start', 'text')
    .addColumn('survey_slot_end', 'text')
    .addColumn('design_file_id', 'text')
    .addColumn('fee_estimate_fen', 'bigint')
    .addColumn('contract_file_id', 'text')
    .addColumn('contract_sha256', 'text')
    .addColumn('construction_date', 'text')
    .addColumn('meter_number', 'text')
    .addColumn('connection_number', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wc_applications_applicant').on('wc_applications').columns(['applicant_org_id', 'submitted_at']).execute();
  await db.schema.createIndex('wc_applications_utility_state').on('wc_applications').columns(['utility_org_id', 'state']).execute();
  await db.schema.createIndex('wc_applications_manager').on('wc_applications').columns(['manager_user_id', 'state']).execute();
  await db.schema.createIndex('wc_applications_tracking').on('wc_applications').column('tracking_hash').execute();
  await db.schema
    .createTable('wc_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('wc_applications.id'))
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_side', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wc_messages_application').on('wc_messages').columns(['application_id', 'created_at']).execute();
  await db.schema
    .createTable('wc_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().unique().references('wc_applications.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('ledger_index', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('wc_rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('wc_applications.id'))
    .addColumn('rating_id', 'text', (c) => c.notNull().references('wc_ratings.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('action_taken', 'text')
    .addColumn('callback_record', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createTable('wc_manager_districts')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('utility_org_id', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wc_manager_districts_pk', ['user_id', 'district'])
    .execute();
  await db.schema
    .createTable('wc_step_limits')
    .addColumn('utility_org_id', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wc_step_limits_pk', ['utility_org_id', 'step'])
    .execute();
  await db.schema
    .createTable('wc_number_counters')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['wc_number_counters', 'wc_step_limits', 'wc_manager_districts', 'wc_rectifications', 'wc_ratings', 'wc_messages', 'wc_applications']) {
    await db.schema.dropTable(t).execute();
  }
}
