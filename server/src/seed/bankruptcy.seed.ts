/**
 * Seed of the bankruptcy module (厦门 易破, issue 5): demo accounts for every role, demo cases in every stage
 * made through the services, and at `--scale N` the platform's volumes and a case with 10,000 creditors.
 */
import type { ModuleSeed } from './modules.js';
import { seedBankruptcyAccounts } from './bankruptcy-actors.js';
import { seedBankruptcyDemo } from './bankruptcy-demo.js';
import { seedBankruptcyVolumes } from './bankruptcy-bulk.js';

export const bankruptcySeed: ModuleSeed = async (db, config, ctx) => {
  await seedBankruptcyAccounts(db, config, ctx.orgIds);
  const demo = await seedBankruptcyDemo(db, config, ctx.orgIds);
  const volumes = await seedBankruptcyVolumes(db, ctx.orgIds, ctx.scale);
  return `accounts bk-judge, bk-admin, bk-creditor(2,3), bk-debtor, bk-investor, bk-assist; ${demo}; ${volumes}`;
};
