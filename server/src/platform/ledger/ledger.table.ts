/**
 * Ledger tables. Hashes are standard base64 text (as in checkpoints and the API), so both dialects store them
 * the same way; leaf bytes are the canonical JSON as text (UTF-8, byte-exact on both dialects).
 */
export interface LedgerLeafTable {
  /** Position in the log, 0-based, gap-free. */
  leaf_index: number;
  /** RFC 8785 canonical JSON of the event: the exact leaf bytes. */
  canonical_json: string;
  /** base64 SHA-256(0x00 || canonical_json bytes). */
  leaf_hash: string;
  event_type: string;
  subject: string;
  recorded_at: string;
  /** JSON array of organization ids allowed to read the leaf. */
  visible_organization_ids: string;
  /** JSON array of user ids allowed to read the leaf. */
  visible_user_ids: string;
}

/** Complete perfect subtrees of level ≥ 1 (level 0 is ledger_leaves.leaf_hash). */
export interface LedgerNodeTable {
  level: number;
  node_index: number;
  hash: string;
}

/** One row (id = 1): the tree the sequencer has integrated so far. */
export interface LedgerTreeTable {
  id: number;
  tree_size: number;
  root_hash: string;
  updated_at: string;
}

export interface LedgerCheckpointTable {
  tree_size: number;
  root_hash: string;
  /** The full C2SP signed note, as served at GET /api/v1/ledger/checkpoint. */
  signed_note: string;
  created_at: string;
}

/** The log's signing keys, made on first start and shared by every server process through the database. */
export interface LedgerKeyTable {
  /** `ed25519` or `sm2`. */
  algorithm: string;
  origin: string;
  verifier_key: string;
  /** The note signer key, AES-256-GCM sealed with the platform key (YS_PII_KEY). */
  signer_key_sealed: string;
  created_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    ledger_leaves: LedgerLeafTable;
    ledger_nodes: LedgerNodeTable;
    ledger_tree: LedgerTreeTable;
    ledger_checkpoints: LedgerCheckpointTable;
    ledger_keys: LedgerKeyTable;
  }
}
