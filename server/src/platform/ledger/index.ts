/**
 * platform/ledger — the tamper-evident log (ARCHITECTURE.md "Ledger"): RFC 6962/9162 Merkle tree of RFC 8785
 * canonical JSON events, checkpoints as C2SP signed notes (Ed25519, SM2 co-signature).
 */
export { appendLedgerEntry, type LedgerAppendInput } from './ledger-append.js';
export { ledgerRoutes } from './ledger.routes.js';
export { integrateLedger, runLedgerSequencer, type IntegrateResult } from './ledger-sequencer.js';
export { verifyStoredLedger, type LedgerVerifyReport } from './ledger-verify.service.js';
export { buildReceipt, canReadLeaf, RECEIPT_FORMAT, type LedgerReceipt } from './ledger-receipt.service.js';
export { getInclusionProof, getConsistencyProof, LedgerRangeError } from './ledger-proof.service.js';
export { ensureLedgerKeys, loadPublicKeys, type LedgerPublicKeys } from './ledger-keys.service.js';
export { LedgerEventError, type LedgerEventInput } from './ledger-event.js';
export { hashLeaf, hashChildren, EMPTY_ROOT } from './merkle-hash.js';
export { verifyInclusion, verifyConsistency, MerkleProofError, type ProofStrictness } from './merkle-verify.js';
export { openNote, signNote } from './signed-note.js';
export { parseCheckpoint, formatCheckpoint, type Checkpoint } from './checkpoint.js';
