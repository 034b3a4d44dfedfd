import { createRequire } from 'node:module';
import { checkKeyName, computeKeyId, NoteError, type NoteSigner, type NoteVerifier } from './signed-note.js';
import { parseVerifierKey, splitKey } from './note-ed25519.js';

/**
 * Optional second checkpoint signature with SM2 (GB/T 32918.2, SM3 digest, the GM/T 0009 default user ID
 * 1234567812345678), for relying parties that must use the national algorithms.
 *
 * The signed-note spec assigns no SM2 type byte; it reserves 0xff for such cases, followed by a longer
 * identifier. Ours is 0xff || "gbt32918-sm2-sm3" || 65-byte uncompressed public key (0x04 || x || y); the key
 * ID is computed over exactly those bytes. Signatures are DER SEQUENCE { r, s } as GM/T 0009 specifies, so
 * OpenSSL verifies them as-is (`openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678`).
 * Verifiers that do not know this type ignore the line, as the spec requires.
 */
export const SM2_TYPE_PREFIX = Buffer.concat([Buffer.from([0xff]), Buffer.from('gbt32918-sm2-sm3', 'ascii')]);
export const SM2_USER_ID = '1234567812345678';

interface SmCryptoSm2 {
  generateKeyPairHex(): { publicKey: string; privateKey: string };
  getPublicKeyFromPrivateKey(privateKey: string): string;
  doSignature(msg: Uint8Array | string, privateKey: string, options: SignOptions): string;
  doVerifySignature(msg: Uint8Array | string, signature: string, publicKey: string, options: VerifyOptions): boolean;
}
interface SignOptions {
  der?: boolean;
  hash?: boolean;
  publicKey?: string;
  userId?: string;
}
type VerifyOptions = Omit<SignOptions, 'publicKey'>;

// sm-crypto is CommonJS without type declarations; a typed require keeps the untyped surface to this file.
const sm2 = (createRequire(import.meta.url)('sm-crypto') as { sm2: SmCryptoSm2 }).sm2;

export interface Sm2NoteKeys {
  /** `PRIVATE+KEY+<name>+<key ID>+base64(type prefix || 32-byte private key)`. */
  signerKey: string;
  verifierKey: string;
}

const hex8 = (id: number) => id.toString(16).padStart(8, '0');

function typedPublicKey(publicKeyHex: string): Buffer {
  const pub = Buffer.from(publicKeyHex, 'hex');
  if (pub.length !== 65 || pub[0] !== 0x04) throw new NoteError('SM2 public key must be 65 bytes, uncompressed');
  return Buffer.concat([SM2_TYPE_PREFIX, pub]);
}

export function sm2KeysFromPrivate(name: string, privateKeyHex: string): Sm2NoteKeys {
  checkKeyName(name);
  if (!/^[0-9a-f]{64}$/.test(privateKeyHex)) throw new NoteError('SM2 private key must be 32 bytes hex');
  const typed = typedPublicKey(sm2.getPublicKeyFromPrivateKey(privateKeyHex));
  const id = hex8(computeKeyId(name, typed));
  const priv = Buffer.concat([SM2_TYPE_PREFIX, Buffer.from(privateKeyHex, 'hex')]);
  return { verifierKey: `${name}+${id}+${typed.toString('base64')}`, signerKey: `PRIVATE+KEY+${name}+${id}+${priv.toString('base64')}` };
}

export function generateSm2NoteKeys(name: string): Sm2NoteKeys {
  return sm2KeysFromPrivate(name, sm2.generateKeyPairHex().privateKey.padStart(64, '0'));
}

function publicHexOf(typedKey: Buffer): string {
  if (!typedKey.subarray(0, SM2_TYPE_PREFIX.length).equals(SM2_TYPE_PREFIX)) throw new NoteError('not an SM2 key');
  const pub = typedKey.subarray(SM2_TYPE_PREFIX.length);
  if (pub.length !== 65 || pub[0] !== 0x04) throw new NoteError('SM2 public key must be 65 bytes, uncompressed');
  return pub.toString('hex');
}

export function isSm2VerifierKey(vkey: string): boolean {
  const b64 = vkey.split('+').slice(2).join('+');
  return Buffer.from(b64, 'base64').subarray(0, SM2_TYPE_PREFIX.length).equals(SM2_TYPE_PREFIX);
}

export function sm2Verifier(vkey: string): NoteVerifier {
  const { name, keyId, typeAndKey } = parseVerifierKey(vkey);
  const publicKey = publicHexOf(typeAndKey);
  return {
    name,
    keyId,
    verify: (text, sig) =>
      sm2.doVerifySignature(text, sig.toString('hex'), publicKey, { der: true, hash: true, userId: SM2_USER_ID }),
  };
}

export function sm2Signer(skey: string): NoteSigner {
  const [p, k, name, idHex, b64] = splitKey(skey, 5);
  if (p !== 'PRIVATE' || k !== 'KEY') throw new NoteError('malformed signer key');
  const raw = Buffer.from(b64, 'base64');
  if (!raw.subarray(0, SM2_TYPE_PREFIX.length).equals(SM2_TYPE_PREFIX)) throw new NoteError('not an SM2 signer key');
  const privateKey = raw.subarray(SM2_TYPE_PREFIX.length).toString('hex');
  const keys = sm2KeysFromPrivate(name, privateKey);
  const { keyId, typeAndKey } = parseVerifierKey(keys.verifierKey);
  if (hex8(keyId) !== idHex) throw new NoteError('signer key ID does not match its key');
  const publicKey = publicHexOf(typeAndKey);
  return {
    name,
    keyId,
    sign: (text) =>
      Buffer.from(sm2.doSignature(text, privateKey, { der: true, hash: true, publicKey, userId: SM2_USER_ID }), 'hex'),
  };
}

export function sm2VerifierKeyOf(skey: string): string {
  const [, , name, , b64] = splitKey(skey, 5);
  return sm2KeysFromPrivate(name, Buffer.from(b64, 'base64').subarray(SM2_TYPE_PREFIX.length).toString('hex')).verifierKey;
}
