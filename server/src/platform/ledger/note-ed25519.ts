import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { checkKeyName, computeKeyId, NoteError, type NoteSigner, type NoteVerifier } from './signed-note.js';

/**
 * Ed25519 note keys (signature type 0x01) in the text encodings of Go's golang.org/x/mod/sumdb/note, which
 * the C2SP ecosystem shares:
 *   verifier key  `<name>+<8 hex key ID>+base64(0x01 || 32-byte public key)`
 *   signer key    `PRIVATE+KEY+<name>+<8 hex key ID>+base64(0x01 || 32-byte seed)`
 */
export const ED25519_TYPE = 0x01;

// DER prefixes that wrap a raw 32-byte Ed25519 key as SPKI / PKCS#8 (RFC 8410), so node:crypto can load it.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface Ed25519NoteKeys {
  signerKey: string;
  verifierKey: string;
}

export function ed25519PublicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

const hex8 = (id: number) => id.toString(16).padStart(8, '0');

export function generateEd25519NoteKeys(name: string): Ed25519NoteKeys {
  checkKeyName(name);
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  return ed25519KeysFromSeed(name, seed);
}

export function ed25519KeysFromSeed(name: string, seed: Uint8Array): Ed25519NoteKeys {
  if (seed.length !== 32) throw new NoteError('Ed25519 seed must be 32 bytes');
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const pub = rawPublicKey(createPublicKey(priv));
  const typed = Buffer.concat([Buffer.from([ED25519_TYPE]), pub]);
  const id = hex8(computeKeyId(name, typed));
  return {
    verifierKey: `${name}+${id}+${typed.toString('base64')}`,
    signerKey: `PRIVATE+KEY+${name}+${id}+${Buffer.concat([Buffer.from([ED25519_TYPE]), seed]).toString('base64')}`,
  };
}

/** Splits a key into `parts` fields on '+'; the last field is base64, which may itself contain '+'. */
export function splitKey(key: string, parts: number): string[] {
  const fields = key.split('+');
  if (fields.length < parts) throw new NoteError('malformed note key');
  return [...fields.slice(0, parts - 1), fields.slice(parts - 1).join('+')];
}

export function parseVerifierKey(vkey: string): { name: string; keyId: number; typeAndKey: Buffer } {
  const [name, idHex, b64] = splitKey(vkey, 3);
  checkKeyName(name);
  const typeAndKey = Buffer.from(b64, 'base64');
  if (!/^[0-9a-f]{8}$/.test(idHex) || typeAndKey.length < 2) throw new NoteError('malformed verifier key');
  const keyId = Number.parseInt(idHex, 16);
  if (computeKeyId(name, typeAndKey) !== keyId) throw new NoteError('verifier key ID does not match its key');
  return { name, keyId, typeAndKey };
}

export function ed25519Verifier(vkey: string): NoteVerifier {
  const { name, keyId, typeAndKey } = parseVerifierKey(vkey);
  if (typeAndKey[0] !== ED25519_TYPE || typeAndKey.length !== 33) throw new NoteError('not an Ed25519 verifier key');
  const key = ed25519PublicKeyObject(typeAndKey.subarray(1));
  return { name, keyId, verify: (text, sig) => sig.length === 64 && verify(null, text, key, sig) };
}

export function ed25519Signer(skey: string): NoteSigner {
  const [p, k, name, idHex, b64] = splitKey(skey, 5);
  if (p !== 'PRIVATE' || k !== 'KEY') throw new NoteError('malformed signer key');
  const typed = Buffer.from(b64, 'base64');
  if (typed[0] !== ED25519_TYPE || typed.length !== 33) throw new NoteError('not an Ed25519 signer key');
  const keys = ed25519KeysFromSeed(name, typed.subarray(1));
  const { keyId } = parseVerifierKey(keys.verifierKey);
  if (hex8(keyId) !== idHex) throw new NoteError('signer key ID does not match its key');
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, typed.subarray(1)]), format: 'der', type: 'pkcs8' });
  return { name, keyId, sign: (text) => sign(null, text, priv) };
}

/** The verifier key that belongs to a signer key. */
export function ed25519VerifierKeyOf(skey: string): string {
  const [, , name, , b64] = splitKey(skey, 5);
  return ed25519KeysFromSeed(name, Buffer.from(b64, 'base64').subarray(1)).verifierKey;
}
