import type { Db } from '../platform/db/index.js';
import type { Config } from '../platform/config/index.js';
import { seedPlatform } from './platform.seed.js';
import { moduleSeeds } from './modules.js';

export interface SeedOptions {
  /** 0 = demo data only; N = also the modules' bulk volumes × N (benchmarks). */
  scale: number;
}

/** Seeds the demo organizations, accounts and each module's demo data. Safe to run twice. */
export async function seedDemo(db: Db, config: Config, opts: SeedOptions): Promise<string> {
  const lines: string[] = [];
  const orgIds = await seedPlatform(db, config);
  lines.push(`平台 platform: ${orgIds.size} organizations, demo accounts (password Demo#2026)`);
  for (const [name, seed] of moduleSeeds) {
    const started = Date.now();
    const summary = await seed(db, config, { orgIds, scale: opts.scale });
    lines.push(`${name}: ${summary} (${Date.now() - started} ms)`);
  }
  return lines.join('\n');
}

/** First start: an empty database gets the demo data. */
export async function seedIfEmpty(db: Db, config: Config): Promise<void> {
  const any = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (!any) await seedDemo(db, config, { scale: 0 });
}
