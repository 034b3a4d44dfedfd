#!/usr/bin/env node
/**
 * 营商账本存证回执离线验证 — offline verifier for Yingshang ledger receipts.
 *
 *   node tools/verify-receipt.mjs <receipt.json> [--key <verifier key> | --key-file <file>] [--document <file>] [--json]
 *
 * Standalone on purpose: it imports nothing but Node's built-in modules (no server code, no packages), so anyone
 * can read all of it and check a receipt without trusting the platform's software. It checks:
 *   1. the leaf is RFC 8785 canonical JSON and its hash is SHA-256(0x00 || leaf)           (RFC 9162 §2.1.1)
 *   2. the checkpoint is a C2SP signed note with a valid Ed25519 signature by the key      (c2sp.org/signed-note)
 *   3. the checkpoint text is a C2SP tlog-checkpoint for the receipt's tree size          (c2sp.org/tlog-checkpoint)
 *   4. the inclusion proof leads from the leaf hash to the checkpoint's root hash          (RFC 9162 §2.1.3.2)
 *   5. optionally, a document's SHA-256 equals the leaf's documentSha256.
 * Without --key the key inside the receipt is used, which only shows the receipt is self-consistent: compare it
 * with the key the platform publishes at /api/v1/ledger/public-key (or pass that key with --key).
 * Strictness: hashes must be 32 bytes (transparency-dev rules), as in the platform's own verifier.
 * Exit status: 0 valid, 1 invalid, 2 usage or unreadable input.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { argv, exit, stdout, stderr } from 'node:process';

const RECEIPT_FORMAT = 'yingshang-ledger-receipt/v1';
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const hashLeaf = (bytes) => sha256(Buffer.from([0x00]), bytes);
const hashChildren = (l, r) => sha256(Buffer.from([0x01]), l, r);

/** RFC 8785: object keys sorted by UTF-16 code units, ECMAScript number and string serialization. */
function canonicalize(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalize(value[k])}`).join(',')}}`;
}

/** RFC 9162 §2.1.3.2, with 32-byte hashes required. Returns the root the proof leads to. */
function rootFromInclusionProof(index, size, leafHash, proof) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new Error(`leaf index ${index} is not inside a tree of size ${size}`);
  }
  if (leafHash.length !== 32 || proof.some((p) => p.length !== 32)) throw new Error('hashes must be 32 bytes');
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new Error('proof is longer than the path to the root');
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new Error('proof is shorter than the path to the root');
  return r;
}

/** `<name>+<8 hex key ID>+base64(0x01 || 32-byte Ed25519 key)`; the key ID is checked against the key. */
function parseVerifierKey(vkey) {
  const fields = String(vkey).trim().split('+');
  if (fields.length < 3) throw new Error('malformed verifier key');
  const [name, idHex] = fields;
  const typed = Buffer.from(fields.slice(2).join('+'), 'base64');
  if (!/^[0-9a-f]{8}$/.test(idHex) || typed.length !== 33 || typed[0] !== 0x01) throw new Error('not an Ed25519 verifier key');
  const keyId = sha256(Buffer.from(name, 'utf8'), Buffer.from('\n'), typed).readUInt32BE(0);
  if (keyId !== Number.parseInt(idHex, 16)) throw new Error('verifier key ID does not match its key');
  const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, typed.subarray(1)]), format: 'der', type: 'spki' });
  return { name, keyId, key };
}

/** Opens a C2SP signed note with one trusted Ed25519 key; signatures by other keys are ignored. */
function openNote(note, trusted) {
  if (!note.endsWith('\n')) throw new Error('note must end with a newline');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new Error('note contains control characters');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('note has no signatures');
  const text = note.slice(0, split + 1);
  let verified = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!m) throw new Error('malformed signature line');
    const raw = Buffer.from(m[2], 'base64');
    if (raw.length < 5 || m[1] !== trusted.name || raw.readUInt32BE(0) !== trusted.keyId) continue;
    if (!verifySignature(null, Buffer.from(text, 'utf8'), trusted.key, raw.subarray(4))) throw new Error('signature does not verify');
    verified = true;
  }
  if (!verified) throw new Error('no signature by the trusted key');
  return text;
}

function parseCheckpoint(text) {
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3 || !lines[0]) throw new Error('checkpoint needs origin, size and root lines');
  if (!/^(0|[1-9][0-9]*)$/.test(lines[1])) throw new Error('checkpoint size is not a plain decimal');
  const root = Buffer.from(lines[2], 'base64');
  if (root.length !== 32 || root.toString('base64') !== lines[2]) throw new Error('checkpoint root is not base64 of 32 bytes');
  return { origin: lines[0], size: Number(lines[1]), root };
}

/** Verifies a parsed receipt. Returns a list of checks `{ ok, zh, en, detail? }`. */
export function verifyReceipt(receipt, opts = {}) {
  const checks = [];
  const check = (zh, en, fn) => {
    try {
      const detail = fn();
      checks.push({ ok: true, zh, en, ...(detail ? { detail } : {}) });
      return true;
    } catch (e) {
      checks.push({ ok: false, zh, en, detail: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };
  check('回执格式', 'receipt format', () => {
    if (receipt?.format !== RECEIPT_FORMAT) throw new Error(`expected ${RECEIPT_FORMAT}`);
  });
  const leafBytes = Buffer.from(String(receipt?.leaf ?? ''), 'utf8');
  let event = null;
  check('叶子为规范 JSON (RFC 8785)', 'leaf is canonical JSON (RFC 8785)', () => {
    event = JSON.parse(receipt.leaf);
    if (canonicalize(event) !== receipt.leaf) throw new Error('leaf is not in canonical form');
  });
  const leafHash = hashLeaf(leafBytes);
  check('叶子哈希', 'leaf hash', () => {
    if (leafHash.toString('base64') !== receipt.leafHash) throw new Error('SHA-256(0x00 || leaf) differs from leafHash');
  });
  if (opts.document) {
    check('文件摘要与叶子一致', 'document SHA-256 matches the leaf', () => {
      const digest = createHash('sha256').update(opts.document).digest('hex');
      if (!event || event.documentSha256 !== digest) throw new Error(`document SHA-256 ${digest} is not the leaf's documentSha256`);
    });
  }
  let trusted = null;
  check(opts.key ? '使用指定公钥' : '使用回执内公钥（请与平台公布的公钥核对）', opts.key ? 'trusted key given' : 'key taken from the receipt (compare with the published one)', () => {
    trusted = parseVerifierKey(opts.key ?? receipt.publicKey);
    return `${trusted.name} ${trusted.keyId.toString(16).padStart(8, '0')}`;
  });
  let cp = null;
  check('检查点签名 (Ed25519, C2SP signed note)', 'checkpoint signature (Ed25519, C2SP signed note)', () => {
    if (!trusted) throw new Error('no usable key');
    cp = parseCheckpoint(openNote(String(receipt.checkpoint), trusted));
    if (cp.origin !== trusted.name) throw new Error(`checkpoint origin ${cp.origin} is not the key name ${trusted.name}`);
    return `${cp.origin} size ${cp.size}`;
  });
  check('检查点树大小与回执一致', 'checkpoint tree size matches the receipt', () => {
    if (!cp || cp.size !== receipt.treeSize) throw new Error(`checkpoint size ${cp?.size} ≠ receipt treeSize ${receipt.treeSize}`);
  });
  check('包含证明通向已签名树根 (RFC 9162)', 'inclusion proof leads to the signed root (RFC 9162)', () => {
    if (!cp) throw new Error('no verified checkpoint');
    const proof = (receipt.inclusionProof ?? []).map((h) => Buffer.from(String(h), 'base64'));
    const root = rootFromInclusionProof(receipt.leafIndex, cp.size, leafHash, proof);
    if (!root.equals(cp.root)) throw new Error('computed root differs from the checkpoint root');
    return `leaf ${receipt.leafIndex} of ${cp.size}`;
  });
  return { ok: checks.every((c) => c.ok), checks, event };
}

function usage(message) {
  if (message) stderr.write(`${message}\n`);
  stderr.write('用法 usage: node tools/verify-receipt.mjs <receipt.json> [--key <verifier key> | --key-file <file>] [--document <file>] [--json]\n');
  exit(2);
}

function main(args) {
  let file = null;
  const opts = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--key') opts.key = args[++i] ?? usage('--key needs a value');
    else if (a === '--key-file') opts.key = readFileSync(args[++i] ?? usage('--key-file needs a file'), 'utf8').trim().split('\n')[0];
    else if (a === '--document') opts.document = readFileSync(args[++i] ?? usage('--document needs a file'));
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') usage();
    else if (!file) file = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!file) usage();
  let receipt;
  try {
    receipt = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    stderr.write(`无法读取回执 cannot read receipt: ${e instanceof Error ? e.message : String(e)}\n`);
    exit(2);
  }
  const result = verifyReceipt(receipt, opts);
  if (json) {
    stdout.write(`${JSON.stringify({ ok: result.ok, checks: result.checks }, null, 2)}\n`);
  } else {
    for (const c of result.checks) stdout.write(`${c.ok ? '✓' : '✗'} ${c.zh} / ${c.en}${c.detail ? ` — ${c.detail}` : ''}\n`);
    stdout.write(result.ok ? '回执有效 RECEIPT VALID\n' : '回执无效 RECEIPT INVALID\n');
  }
  exit(result.ok ? 0 : 1);
}

if (import.meta.url === `file://${argv[1]}` || argv[1]?.endsWith('verify-receipt.mjs')) main(argv.slice(2));
