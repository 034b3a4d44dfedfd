import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dialectOf, type Db } from './connection.js';

const srcRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Collects every `migrations/` folder under server/src (platform services and modules). A migration file is
 * named `YYYYMMDDHHMM-description.ts`; it is ordered by that timestamp, then by its folder, so modules can add
 * migrations without touching a central list.
 */
export class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = findMigrationFiles(srcRoot);
    const entries: [string, Migration][] = [];
    for (const file of files) {
      const mod = (await import(pathToFileURL(file).href)) as Migration;
      const owner = relative(srcRoot, dirname(dirname(file))).replaceAll('\\', '/');
      const base = file.split(/[\\/]/).pop()!.replace(/\.(ts|js)$/, '');
      entries.push([`${base}@${owner}`, mod]);
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
}

function findMigrationFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'node_modules' || name === 'test') continue;
    if (statSync(full).isDirectory()) {
      if (name === 'migrations') {
        for (const f of readdirSync(full)) {
          if (/^\d{12}-[\w-]+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')) out.push(join(full, f));
        }
      } else out.push(...findMigrationFiles(full));
    }
  }
  return out;
}

/**
 * `schema`: on PostgreSQL, keep Kysely's own migration tables in this schema. Without it Kysely looks for them
 * in every schema, and a concurrent test schema that has them makes it skip creating ours.
 */
export async function migrateToLatest(db: Db, opts: { schema?: string } = {}): Promise<string[]> {
  const schema = opts.schema ?? (dialectOf(db) === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined);
  const migrator = new Migrator({
    db,
    provider: new FolderMigrationProvider(),
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`迁移失败 migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
