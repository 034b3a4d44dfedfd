import type { Config } from '../config/index.js';
import type { DbOrTx } from '../db/index.js';
import { decryptPii, encryptPii } from '../identity/pii.js';
import { ed25519Signer, ed25519Verifier, generateEd25519NoteKeys } from './note-ed25519.js';
import { generateSm2NoteKeys, sm2Signer, sm2Verifier } from './note-sm2.js';
import { findKeys, insertKeysIfAbsent } from './ledger.repository.js';
import type { NoteSigner, NoteVerifier } from './signed-note.js';

/**
 * The log's keys: Ed25519 (required) and SM2 (second signature on every checkpoint). Made on first start and
 * kept in the database rather than the data folder, because every server process on one PostgreSQL must sign
 * with the same key and processes may not share a disk. The signer keys are sealed with the platform key
 * (YS_PII_KEY), so a database dump alone cannot forge checkpoints.
 */
export interface LedgerPublicKeys {
  origin: string;
  ed25519: string;
  sm2: string | null;
}

/** Key name and checkpoint origin: the public host plus `/ledger`, fixed at first start. */
export function originFromPublicUrl(publicUrl: string): string {
  let host = 'yingshang.local';
  try {
    host = new URL(publicUrl).host || host;
  } catch {
    // A malformed YS_PUBLIC_URL must not stop the log; the fallback name is still a valid key name.
  }
  return `${host}/ledger`;
}

/** Creates the keys if none exist. Safe when several processes start at once: the first insert wins. */
export async function ensureLedgerKeys(db: DbOrTx, config: Config): Promise<LedgerPublicKeys> {
  const existing = await findKeys(db);
  if (!existing.some((k) => k.algorithm === 'ed25519') || !existing.some((k) => k.algorithm === 'sm2')) {
    const origin = existing[0]?.origin ?? originFromPublicUrl(config.publicUrl);
    const now = new Date().toISOString();
    const ed = generateEd25519NoteKeys(origin);
    const sm = generateSm2NoteKeys(origin);
    const seal = (skey: string) => encryptPii(config.piiKey, skey);
    await insertKeysIfAbsent(db, [
      { algorithm: 'ed25519', origin, verifier_key: ed.verifierKey, signer_key_sealed: seal(ed.signerKey), created_at: now },
      { algorithm: 'sm2', origin, verifier_key: sm.verifierKey, signer_key_sealed: seal(sm.signerKey), created_at: now },
    ]);
  }
  const keys = await loadPublicKeys(db);
  if (!keys) throw new Error('账本密钥缺失 ledger keys missing after creation');
  return keys;
}

export async function loadPublicKeys(db: DbOrTx): Promise<LedgerPublicKeys | null> {
  const rows = await findKeys(db);
  const ed = rows.find((k) => k.algorithm === 'ed25519');
  if (!ed) return null;
  return { origin: ed.origin, ed25519: ed.verifier_key, sm2: rows.find((k) => k.algorithm === 'sm2')?.verifier_key ?? null };
}

export function verifiersOf(keys: LedgerPublicKeys): NoteVerifier[] {
  return [ed25519Verifier(keys.ed25519), ...(keys.sm2 ? [sm2Verifier(keys.sm2)] : [])];
}

export interface LedgerSigners {
  origin: string;
  signers: NoteSigner[];
}

const signerCache = new WeakMap<object, LedgerSigners>();

/** The checkpoint signers, Ed25519 then SM2, unsealed once per database handle. */
export async function loadSigners(db: DbOrTx, config: Config): Promise<LedgerSigners> {
  const cached = signerCache.get(db);
  if (cached) return cached;
  await ensureLedgerKeys(db, config);
  const rows = await findKeys(db);
  const unseal = (algorithm: string) => {
    const row = rows.find((k) => k.algorithm === algorithm)!;
    try {
      return decryptPii(config.piiKey, row.signer_key_sealed);
    } catch {
      throw new Error(
        `账本签名密钥无法解封（YS_PII_KEY 与生成时不同）ledger ${algorithm} key cannot be unsealed: YS_PII_KEY differs from the one it was made with`,
      );
    }
  };
  const out = { origin: rows[0].origin, signers: [ed25519Signer(unseal('ed25519')), sm2Signer(unseal('sm2'))] };
  signerCache.set(db, out);
  return out;
}
