import type { DbOrTx } from '../db/index.js';
import { buildLeafEvent, encodeLeafEvent, LedgerEventError, type LedgerEventInput } from './ledger-event.js';
import { hashLeaf } from './merkle-hash.js';
import { insertLeaf, takeNextLeafIndex } from './ledger.repository.js';

export interface LedgerAppendInput extends LedgerEventInput {
  /** Who may read the leaf's content (its hash is public). */
  visibleTo: { organizationIds: string[]; userIds?: string[] };
}

/**
 * Appends an event to the ledger INSIDE the caller's transaction, so the leaf and the caller's record (which
 * stores `leafIndex`) commit or roll back together.
 *
 * Ordering across processes: the index comes from a single counter row whose UPDATE keeps a row lock until
 * the caller's transaction ends. The next appender, in any process, waits for that commit or rollback, so
 * (1) indices are gap-free (a rollback returns its index), and (2) leaves become visible in index order,
 * which lets the sequencer integrate a plain prefix. The price is that ledger-writing transactions serialize
 * from their append to their commit: append as the LAST write of a transaction and keep that part short.
 * Hashing the tree and signing checkpoints happen later, in batches, in the sequencer (ledger-sequencer.ts).
 */
export async function appendLedgerEntry(trx: DbOrTx, event: LedgerAppendInput): Promise<{ leafIndex: number }> {
  if (!trx.isTransaction) {
    // Outside a transaction the counter would be released before the leaf is written: open one of our own.
    return trx.transaction().execute((own) => appendLedgerEntry(own, event));
  }
  const organizationIds = event.visibleTo?.organizationIds;
  const userIds = event.visibleTo?.userIds ?? [];
  if (!Array.isArray(organizationIds) || !organizationIds.every((id) => typeof id === 'string' && id.length > 0)) {
    throw new LedgerEventError('visibleTo.organizationIds 必须是机构 id 列表 must list organization ids');
  }
  if (!userIds.every((id) => typeof id === 'string' && id.length > 0)) {
    throw new LedgerEventError('visibleTo.userIds 必须是用户 id 列表 must list user ids');
  }
  const leaf = buildLeafEvent(event);
  const bytes = encodeLeafEvent(leaf);
  // Everything that can fail on input is done before the counter is locked.
  const leafIndex = await takeNextLeafIndex(trx);
  await insertLeaf(trx, {
    leaf_index: leafIndex,
    canonical_json: bytes.toString('utf8'),
    leaf_hash: hashLeaf(bytes).toString('base64'),
    event_type: leaf.type,
    subject: leaf.subject,
    recorded_at: leaf.recordedAt,
    visible_organization_ids: JSON.stringify([...new Set(organizationIds)]),
    visible_user_ids: JSON.stringify([...new Set(userIds)]),
  });
  return { leafIndex };
}
