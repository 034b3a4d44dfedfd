import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workflow_instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_label', 'text')
    .addColumn('link', 'text')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entered_state_at', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('due_at', 'text')
    .addColumn('overdue_notified_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workflow_instances_subject').on('workflow_instances').columns(['subject_type', 'subject_id']).execute();
  // "my tasks": open instances of an organization in given states
  await db.schema
    .createIndex('workflow_instances_tasks')
    .on('workflow_instances')
    .columns(['organization_id', 'process', 'state', 'completed_at'])
    .execute();
  // overdue / due soon / the sweep
  await db.schema.createIndex('workflow_instances_due').on('workflow_instances').columns(['due_at', 'completed_at']).execute();

  await db.schema
    .createTable('workflow_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('workflow_instances.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('actor_organization_id', 'text', (c) => c.notNull())
    .addColumn('acting_roles', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('fields', 'text')
    .addColumn('due_date', 'text')
    .addColumn('ledger_index', 'bigint')
    .execute();
  // one transition per instance version: a second writer of the same version fails even without row locks
  await db.schema.createIndex('workflow_transitions_seq').on('workflow_transitions').columns(['instance_id', 'seq']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workflow_transitions').execute();
  await db.schema.dropTable('workflow_instances').execute();
}
