import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';

/**
 * Dialect-neutral column helpers for migrations. Conventions:
 * - ids are text (UUIDv7 or prefixed), never sequential numbers exposed to users;
 * - timestamps are ISO-8601 UTC text (`2026-11-27T23:15:00.000Z`), sortable and identical on both dialects;
 * - money is integer fen in `bigint`; rates are integer basis points;
 * - booleans are integers 0/1 (SQLite has no boolean);
 * - JSON is text.
 */
export const nowIso = () => new Date().toISOString();

export function withTimestamps<T extends string, C extends string>(t: CreateTableBuilder<T, C>) {
  return t
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
export const currentTimestampSql = sql`CURRENT_TIMESTAMP`;
