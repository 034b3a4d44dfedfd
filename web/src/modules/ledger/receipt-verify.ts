/**
 * Receipt verification in the browser, with WebCrypto only (SHA-256, Ed25519): the same checks as
 * tools/verify-receipt.mjs, so a user need not trust the server to check what the server issued.
 *  - leaf: RFC 8785 canonical JSON, hash SHA-256(0x00 || leaf)                    (RFC 9162 §2.1.1)
 *  - checkpoint: C2SP signed note, Ed25519 signature by the trusted key           (c2sp.org/signed-note)
 *  - inclusion proof from the leaf hash to the checkpoint root                    (RFC 9162 §2.1.3.2)
 *  - optionally a document's SHA-256, and the consistency of the receipt's checkpoint with the latest one
 *    (RFC 9162 §2.1.4.2), which shows the log was only appended to since.
 * Strict like the server: every hash must be 32 bytes, and a consistency proof from size 0 is refused.
 */
import type { Bilingual } from '../../shared/i18n.js';

export const RECEIPT_FORMAT = 'yingshang-ledger-receipt/v1';

export interface LedgerReceipt {
  format: string;
  leafIndex: number;
  leaf: string;
  leafHash: string;
  treeSize: number;
  inclusionProof: string[];
  checkpoint: string;
  publicKey: string;
  sm2PublicKey?: string | null;
}

export interface LeafEvent {
  v?: number;
  type?: string;
  subject?: string;
  data?: Record<string, unknown>;
  documentSha256?: string;
  recordedAt?: string;
}

export interface Check {
  ok: boolean;
  label: Bilingual;
  detail?: string;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

export interface ReceiptResult {
  ok: boolean;
  checks: Check[];
  event: LeafEvent | null;
  checkpoint: Checkpoint | null;
  /** Whether the key used came from the receipt itself rather than the platform's published key. */
  keyFromReceipt: boolean;
}

const enc = new TextEncoder();

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

export function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function subtle(): SubtleCrypto {
  if (!globalThis.crypto?.subtle) {
    throw new Error('此浏览器环境不提供 WebCrypto（需 HTTPS 或 localhost）WebCrypto unavailable: use HTTPS or localhost, or tools/verify-receipt.mjs');
  }
  return globalThis.crypto.subtle;
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', concat(data)));
}

export const hashLeaf = (data: Uint8Array) => sha256(concat(new Uint8Array([0]), data));
const hashChildren = (l: Uint8Array, r: Uint8Array) => sha256(concat(new Uint8Array([1]), l, r));

/** RFC 8785: keys sorted by UTF-16 code units; ECMAScript number and string forms. */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalize(obj[k])}`)
    .join(',')}}`;
}

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

export async function rootFromInclusionProof(index: number, size: number, leafHash: Uint8Array, proof: Uint8Array[]): Promise<Uint8Array> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new Error(`leaf index ${index} is not inside a tree of size ${size}`);
  }
  if (leafHash.length !== 32 || proof.some((p) => p.length !== 32)) throw new Error('hashes must be 32 bytes');
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new Error('proof is longer than the path to the root');
    if (odd(fn) || fn === sn) {
      r = await hashChildren(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new Error('proof is shorter than the path to the root');
  return r;
}

export async function verifyConsistency(size1: number, size2: number, proof: Uint8Array[], root1: Uint8Array, root2: Uint8Array): Promise<void> {
  if (size1 < 1 || size1 > size2) throw new Error(`no consistency proof from ${size1} to ${size2}`);
  if (proof.some((p) => p.length !== 32)) throw new Error('hashes must be 32 bytes');
  if (size1 === size2) {
    if (proof.length > 0 || !equal(root1, root2)) throw new Error('equal sizes need equal roots and an empty proof');
    return;
  }
  if (proof.length === 0) throw new Error('consistency proof is empty');
  const path = 2 ** Math.round(Math.log2(size1)) === size1 ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) throw new Error('consistency proof is longer than needed');
    if (odd(fn) || fn === sn) {
      fr = await hashChildren(c, fr);
      sr = await hashChildren(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = await hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0 || !equal(fr, root1) || !equal(sr, root2)) throw new Error('consistency proof does not match the roots');
}

export interface VerifierKey {
  name: string;
  keyId: number;
  publicKey: Uint8Array;
}

/** `<name>+<8 hex key ID>+base64(0x01 || 32-byte Ed25519 key)`, with the key ID checked. */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey> {
  const fields = vkey.trim().split('+');
  if (fields.length < 3) throw new Error('malformed verifier key');
  const [name, idHex] = fields;
  const typed = fromBase64(fields.slice(2).join('+'));
  if (!/^[0-9a-f]{8}$/.test(idHex) || typed.length !== 33 || typed[0] !== 0x01) throw new Error('not an Ed25519 verifier key');
  const digest = await sha256(concat(enc.encode(name), enc.encode('\n'), typed));
  const keyId = ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0;
  if (keyId !== Number.parseInt(idHex, 16)) throw new Error('verifier key ID does not match its key');
  return { name, keyId, publicKey: typed.slice(1) };
}

/** Opens a C2SP signed note with one trusted Ed25519 key; other signatures (e.g. SM2) are ignored. */
export async function openNote(note: string, key: VerifierKey): Promise<string> {
  if (!note.endsWith('\n')) throw new Error('note must end with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('note has no signatures');
  const text = note.slice(0, split + 1);
  const cryptoKey = await subtle().importKey('raw', concat(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
  let verified = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!m) throw new Error('malformed signature line');
    const raw = fromBase64(m[2]);
    if (raw.length < 5) throw new Error('malformed signature');
    const id = ((raw[0] << 24) | (raw[1] << 16) | (raw[2] << 8) | raw[3]) >>> 0;
    if (m[1] !== key.name || id !== key.keyId) continue;
    if (!(await subtle().verify({ name: 'Ed25519' }, cryptoKey, concat(raw.slice(4)), concat(enc.encode(text))))) {
      throw new Error('signature does not verify');
    }
    verified = true;
  }
  if (!verified) throw new Error('no signature by the trusted key');
  return text;
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3 || !lines[0]) throw new Error('checkpoint needs origin, size and root lines');
  if (!/^(0|[1-9][0-9]*)$/.test(lines[1])) throw new Error('checkpoint size is not a plain decimal');
  const root = fromBase64(lines[2]);
  if (root.length !== 32) throw new Error('checkpoint root is not 32 bytes');
  return { origin: lines[0], size: Number(lines[1]), root };
}

/** Runs every check; never throws for a bad receipt (each failed check says why). */
export async function verifyReceipt(
  receipt: LedgerReceipt,
  opts: { trustedKey?: string | null; document?: Uint8Array | null } = {},
): Promise<ReceiptResult> {
  const checks: Check[] = [];
  const run = async <T>(label: Bilingual, fn: () => Promise<T> | T, detail?: (v: T) => string): Promise<T | null> => {
    try {
      const v = await fn();
      checks.push({ ok: true, label, ...(detail ? { detail: detail(v) } : {}) });
      return v;
    } catch (e) {
      checks.push({ ok: false, label, detail: e instanceof Error ? e.message : String(e) });
      return null;
    }
  };
  await run(['回执格式', 'Receipt format'], () => {
    if (receipt?.format !== RECEIPT_FORMAT) throw new Error(`expected ${RECEIPT_FORMAT}`);
  });
  const event = await run(['叶子为规范 JSON (RFC 8785)', 'Leaf is canonical JSON (RFC 8785)'], () => {
    const parsed = JSON.parse(String(receipt.leaf)) as LeafEvent;
    if (canonicalize(parsed) !== receipt.leaf) throw new Error('leaf is not in canonical form');
    return parsed;
  });
  const leafHash = await hashLeaf(enc.encode(String(receipt?.leaf ?? '')));
  await run(['叶子哈希 SHA-256(0x00‖叶子)', 'Leaf hash SHA-256(0x00 ‖ leaf)'], () => {
    if (toBase64(leafHash) !== receipt.leafHash) throw new Error('recomputed hash differs from leafHash');
  });
  if (opts.document) {
    const doc = opts.document;
    await run(['文件摘要与存证一致', 'Document SHA-256 matches the record'], async () => {
      const digest = toHex(await sha256(doc));
      if (!event?.documentSha256) throw new Error('the record names no document');
      if (event.documentSha256 !== digest) throw new Error(`SHA-256 ${digest} ≠ ${event.documentSha256}`);
      return digest;
    }, (d) => d);
  }
  const keyFromReceipt = !opts.trustedKey;
  const key = await run(
    keyFromReceipt ? ['使用回执内的公钥', 'Key taken from the receipt'] : ['回执公钥与平台公布的公钥一致', 'Receipt key matches the published key'],
    async () => {
      if (opts.trustedKey && opts.trustedKey.trim() !== String(receipt.publicKey).trim()) {
        throw new Error('the receipt names another key than the one the platform publishes');
      }
      return parseVerifierKey(opts.trustedKey ?? receipt.publicKey);
    },
    (k) => `${k.name} ${k.keyId.toString(16).padStart(8, '0')}`,
  );
  const checkpoint = await run(
    ['检查点签名 (Ed25519)', 'Checkpoint signature (Ed25519)'],
    async () => {
      if (!key) throw new Error('no usable key');
      const cp = parseCheckpoint(await openNote(String(receipt.checkpoint), key));
      if (cp.origin !== key.name) throw new Error(`origin ${cp.origin} is not the key name ${key.name}`);
      if (cp.size !== receipt.treeSize) throw new Error(`checkpoint size ${cp.size} ≠ receipt treeSize ${receipt.treeSize}`);
      return cp;
    },
    (cp) => `${cp.origin} · ${cp.size}`,
  );
  await run(['包含证明通向已签名的树根 (RFC 9162)', 'Inclusion proof leads to the signed root (RFC 9162)'], async () => {
    if (!checkpoint) throw new Error('no verified checkpoint');
    const root = await rootFromInclusionProof(receipt.leafIndex, checkpoint.size, leafHash, (receipt.inclusionProof ?? []).map(fromBase64));
    if (!equal(root, checkpoint.root)) throw new Error('computed root differs from the checkpoint root');
  });
  return { ok: checks.every((c) => c.ok), checks, event, checkpoint, keyFromReceipt };
}
