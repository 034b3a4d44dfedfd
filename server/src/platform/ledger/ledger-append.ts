import type { DbOrTx } from '../db/index.js';
import { buildLeafEvent, encodeLeafEvent, LedgerEventError, type LedgerEventInput } from './ledger-event.js';
import { hashLeaf } from './merkle-hash.js';
import { insertLeafAtNextIndex } from './ledger.repository.js';

export interface LedgerAppendInput extends LedgerEventInput {
  /** Who may read the leaf's content (its hash is public). */
  visibleTo: { organizationIds: string[]; userIds?: string[] };
}

/**
 * Appends an event to the ledger INSIDE the caller's transaction, so the leaf and the caller's record (which
 * stores `leafIndex`) commit or roll back together.
 *
 * One total order across processes: the index is taken and the row written by a single INSERT statement
 * (ledger.repository.ts insertLeafAtNextIndex). PostgreSQL takes it from a sequence, without any lock, so
 * appenders in every process run concurrently and commit in any order; the sequencer integrates the committed
 * prefix in index order, waits at an index still in flight, and fills an index whose transaction rolled back
 * with a void leaf (`ledger.index.voided`), so the tree has no holes and every index means one thing forever.
 * SQLite has one writer at a time, so MAX + 1 is gap-free there. Hashing the tree and signing checkpoints
 * happen later, in batches, in the sequencer (ledger-sequencer.ts).
 */
export async function appendLedgerEntry(trx: DbOrTx, event: LedgerAppendInput): Promise<{ leafIndex: number }> {
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
  const leafIndex = await insertLeafAtNextIndex(trx, {
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
