import type { Db } from '../platform/db/index.js';
import type { Config } from '../platform/config/index.js';
import { seedInspections } from './inspections.seed.js';
import { bankruptcySeed } from './bankruptcy.seed.js';
import { seedWaterConnection } from './water-connection.seed.js';

export interface ModuleSeedContext {
  /** Demo organization ids by key (see platform.seed.ts demoOrganizations). */
  orgIds: Map<string, string>;
  scale: number;
}

export type ModuleSeed = (db: Db, config: Config, ctx: ModuleSeedContext) => Promise<string>;

/** Each module's seed, in order. */
export const moduleSeeds: ReadonlyArray<readonly [string, ModuleSeed]> = [
  ['water-connection', seedWaterConnection],
  ['inspections', seedInspections],
  ['bankruptcy', bankruptcySeed],
];
