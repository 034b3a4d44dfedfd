import { createHash } from 'node:crypto';

/**
 * C2SP signed notes (c2sp.org/signed-note): text ending in a newline, a blank line, then signature lines
 * `— <key name> base64(uint32 key ID || signature)`. Signature algorithms plug in as NoteSigner /
 * NoteVerifier (Ed25519 in note-ed25519.ts, SM2 in note-sm2.ts).
 */
export interface NoteSigner {
  name: string;
  keyId: number;
  sign(text: Buffer): Buffer;
}

export interface NoteVerifier {
  name: string;
  keyId: number;
  verify(text: Buffer, signature: Buffer): boolean;
}

export interface NoteSignature {
  name: string;
  keyId: number;
  signature: Buffer;
}

export interface OpenedNote {
  text: string;
  /** Every signature line, in order. */
  signatures: NoteSignature[];
  /** The signatures that known verifiers checked successfully. */
  verified: NoteSignature[];
}

export class NoteError extends Error {
  override readonly name = 'NoteError';
}

const DASH = '\u2014 ';
/** Well above the spec's minimum of 16 while still bounding work on hostile input. */
const MAX_SIGNATURES = 100;

/** key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian. */
export function computeKeyId(name: string, typeAndKey: Uint8Array): number {
  return createHash('sha256').update(name, 'utf8').update('\n').update(typeAndKey).digest().readUInt32BE(0);
}

export function checkKeyName(name: string): void {
  if (!name || /[\s+]/u.test(name)) throw new NoteError('key name must be non-empty, without spaces or "+"');
}

function checkText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteError('note text must end with a newline');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new NoteError('note text contains control characters');
}

export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  if (text.includes('\n\n')) throw new NoteError('note text must not contain a blank line');
  if (signers.length === 0) throw new NoteError('a note needs at least one signer');
  const body = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => {
    checkKeyName(s.name);
    const id = Buffer.alloc(4);
    id.writeUInt32BE(s.keyId);
    return `${DASH}${s.name} ${Buffer.concat([id, s.sign(body)]).toString('base64')}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/** Splits a note into text and signature lines without checking any signature. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new NoteError('note contains control characters');
  if (!note.endsWith('\n')) throw new NoteError('note must end with a newline');
  // The text ends at the LAST blank line; the text itself may contain blank lines.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('note has no signature block');
  const text = note.slice(0, split + 1);
  const sigLines = note.slice(split + 2, -1).split('\n');
  if (sigLines.length > MAX_SIGNATURES) throw new NoteError('note has too many signatures');
  const signatures = sigLines.map((line) => {
    if (!line.startsWith(DASH)) throw new NoteError('malformed signature line');
    const rest = line.slice(DASH.length);
    const space = rest.lastIndexOf(' ');
    if (space <= 0) throw new NoteError('malformed signature line');
    const name = rest.slice(0, space);
    const b64 = rest.slice(space + 1);
    checkKeyName(name);
    const raw = Buffer.from(b64, 'base64');
    if (raw.length < 5 || raw.toString('base64') !== b64) throw new NoteError('malformed signature encoding');
    return { name, keyId: raw.readUInt32BE(0), signature: raw.subarray(4) };
  });
  return { text, signatures };
}

/**
 * Verifies a note against trusted verifiers. As the spec requires, signatures from unknown keys are ignored
 * and at least one known key must verify; a known key whose signature fails rejects the whole note (the
 * spec's SHOULD, taken as a must).
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  const { text, signatures } = parseNote(note);
  const body = Buffer.from(text, 'utf8');
  const verified: NoteSignature[] = [];
  for (const sig of signatures) {
    const v = verifiers.find((k) => k.name === sig.name && k.keyId === sig.keyId);
    if (!v) continue;
    if (!v.verify(body, sig.signature)) throw new NoteError(`signature by ${sig.name} does not verify`);
    verified.push(sig);
  }
  if (verified.length === 0) throw new NoteError('note has no signature from a known key');
  return { text, signatures, verified };
}
