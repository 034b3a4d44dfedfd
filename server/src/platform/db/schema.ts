/**
 * The database schema as one TypeScript interface. Each platform service and module adds its own tables by
 * declaration merging in its `*.table.ts` file:
 *
 *   declare module '../db/schema.js' { interface Database { ledger_leaves: LedgerLeafTable } }
 *
 * so no central file has to be edited when a table is added.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
