import type { Kysely } from 'kysely';

/** The user's roles copied into the session (JSON), so a request needs no second query to know them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('roles', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('roles').execute();
}
