import type { Config } from '../config/index.js';
import type { Db } from '../db/index.js';
import type { Principal } from '../identity/index.js';
import type { LedgerLeafTable } from './ledger.table.js';
import { findLeaf, latestCheckpoint } from './ledger.repository.js';
import { getInclusionProof } from './ledger-proof.service.js';
import { integrateLedger } from './ledger-sequencer.js';
import { loadPublicKeys } from './ledger-keys.service.js';

export const RECEIPT_FORMAT = 'yingshang-ledger-receipt/v1';

/**
 * A self-contained receipt: everything needed to check offline (tools/verify-receipt.mjs, or any RFC 9162 +
 * C2SP implementation) that this exact leaf is in the log the operator signed.
 */
export interface LedgerReceipt {
  format: typeof RECEIPT_FORMAT;
  leafIndex: number;
  /** The leaf bytes: RFC 8785 canonical JSON, UTF-8. */
  leaf: string;
  /** base64 SHA-256(0x00 || leaf). */
  leafHash: string;
  treeSize: number;
  /** base64 hashes, bottom-up (RFC 9162 §2.1.3). */
  inclusionProof: string[];
  /** C2SP signed note of the checkpoint at treeSize. */
  checkpoint: string;
  /** Ed25519 note verifier key. Compare it with the one published at /api/v1/ledger/public-key. */
  publicKey: string;
  sm2PublicKey: string | null;
}

/** Who may read a leaf: a listed organization or user, or a holder of `ledger:read-all` (platform administrators). */
export function canReadLeaf(leaf: Pick<LedgerLeafTable, 'visible_organization_ids' | 'visible_user_ids'>, p: Principal | null): boolean {
  if (!p) return false;
  if (p.permissions.has('ledger:read-all') && (!p.scopes || p.scopes.includes('ledger'))) return true;
  const orgs = JSON.parse(leaf.visible_organization_ids) as string[];
  const users = JSON.parse(leaf.visible_user_ids) as string[];
  return orgs.includes(p.organizationId) || (p.userId !== null && users.includes(p.userId));
}

/** The receipt, or null when the leaf does not exist or the caller may not read it (both are a 404). */
export async function buildReceipt(db: Db, config: Config, leafIndex: number, p: Principal | null): Promise<LedgerReceipt | null> {
  const leaf = await findLeaf(db, leafIndex);
  if (!leaf || !canReadLeaf(leaf, p)) return null;
  let cp = await latestCheckpoint(db);
  if (!cp || cp.tree_size <= leafIndex) {
    // Committed but not yet integrated by the background sequencer: integrate now rather than make the user wait.
    await integrateLedger(db, config);
    cp = await latestCheckpoint(db);
  }
  if (!cp || cp.tree_size <= leafIndex) throw new Error(`账本叶子 ${leafIndex} 尚未并入 leaf not integrated`);
  const proof = await getInclusionProof(db, leafIndex, cp.tree_size);
  const keys = await loadPublicKeys(db);
  if (!keys) throw new Error('账本密钥缺失 ledger keys missing');
  return {
    format: RECEIPT_FORMAT,
    leafIndex,
    leaf: leaf.canonical_json,
    leafHash: leaf.leaf_hash,
    treeSize: cp.tree_size,
    inclusionProof: proof.proof.map((h) => h.toString('base64')),
    checkpoint: cp.signed_note,
    publicKey: keys.ed25519,
    sm2PublicKey: keys.sm2,
  };
}
