import { HASH_SIZE } from './merkle-hash.js';

/**
 * C2SP tlog-checkpoint note text (c2sp.org/tlog-checkpoint): origin, decimal tree size, base64 root hash,
 * each on its own line, then optional extension lines. The text is then signed as a C2SP signed note.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  /** Opaque extension lines; the spec does not recommend them and the ledger writes none. */
  extensions?: string[];
}

export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

export function formatCheckpoint(cp: Checkpoint): string {
  if (!cp.origin || /[\s+]/u.test(cp.origin)) throw new CheckpointError('origin must be non-empty, without spaces or "+"');
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new CheckpointError('size must be a non-negative integer');
  if (cp.rootHash.length !== HASH_SIZE) throw new CheckpointError(`root hash must be ${HASH_SIZE} bytes`);
  const ext = cp.extensions ?? [];
  if (ext.some((l) => l.length === 0 || l.includes('\n'))) throw new CheckpointError('extension lines must be non-empty');
  return [cp.origin, String(cp.size), cp.rootHash.toString('base64'), ...ext].join('\n') + '\n';
}

/** Parses checkpoint note text (already verified as a signed note by the caller). */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new CheckpointError('checkpoint text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointError('checkpoint needs origin, size and root hash lines');
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (!origin) throw new CheckpointError('checkpoint origin is empty');
  if (!DECIMAL.test(sizeLine)) throw new CheckpointError('checkpoint size is not a decimal without leading zeros');
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) throw new CheckpointError('checkpoint size is too large');
  const rootHash = Buffer.from(rootLine, 'base64');
  if (rootHash.length !== HASH_SIZE || rootHash.toString('base64') !== rootLine) {
    throw new CheckpointError('checkpoint root hash is not base64 of 32 bytes');
  }
  if (extensions.some((l) => l.length === 0)) throw new CheckpointError('checkpoint extension lines must be non-empty');
  return extensions.length > 0 ? { origin, size, rootHash, extensions } : { origin, size, rootHash };
}
