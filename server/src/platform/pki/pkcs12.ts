import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { parseCertificate, type PlatformCertificate } from './certificate.js';

export interface Pkcs12Contents {
  key: KeyObject;
  /** The certificate of `key`. */
  certificate: PlatformCertificate;
  /** Every other certificate in the file (intermediates, root), in file order. */
  others: PlatformCertificate[];
}

function forgeBytes(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** PKCS#8 DER of a key bag: forge decodes RSA keys itself and leaves others (EC) as ASN.1. */
function bagPrivateKey(bag: forge.pkcs12.Bag): KeyObject {
  const pkcs8 = bag.key
    ? forgeBytes(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)))
    : forgeBytes(bag.asn1);
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

function bagCertificate(bag: forge.pkcs12.Bag): PlatformCertificate {
  // forge parses RSA certificates only; for EC ones it keeps the ASN.1.
  return parseCertificate(bag.cert ? forgeBytes(forge.pki.certificateToAsn1(bag.cert)) : forgeBytes(bag.asn1));
}

function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  return a.export({ format: 'der', type: 'spki' }).equals(b.export({ format: 'der', type: 'spki' }));
}

/**
 * OpenSSL 3 encrypts with PBES2, whose PBKDF2 takes the password as UTF-8 bytes; node-forge passes its JavaScript
 * string on as if every character were one byte, which breaks non-ASCII (e.g. Chinese) passwords. The MAC and the
 * legacy PKCS#12 ciphers convert the password to BMPString correctly and do not use pkcs5.pbkdf2, so only that
 * function gets the UTF-8 form, and only during this synchronous call.
 */
function withUtf8Pbkdf2Passwords<T>(read: () => T): T {
  const original = forge.pkcs5.pbkdf2;
  const utf8: typeof original = ((password: string, ...rest: unknown[]) =>
    (original as (...args: unknown[]) => unknown)(forge.util.encodeUtf8(password), ...rest)) as typeof original;
  forge.pkcs5.pbkdf2 = utf8;
  try {
    return read();
  } finally {
    forge.pkcs5.pbkdf2 = original;
  }
}

/**
 * Reads a PKCS#12 file (OpenSSL 3's AES/PBKDF2 default and the legacy 3DES/RC2 forms both work through
 * node-forge) holding one private key, its certificate and optionally the chain above it.
 */
export function readPkcs12(file: Uint8Array, password: string): Pkcs12Contents {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = withUtf8Pbkdf2Passwords(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(file).toString('binary')), false, password));
  } catch (error) {
    throw new Error(`无法读取 PKCS#12 文件（口令错误或格式不符）cannot read PKCS#12: ${(error as Error).message}`, { cause: error });
  }
  const keyBags = [
    ...(pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(pfx.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  if (keyBags.length !== 1) throw new Error(`PKCS#12 文件应只含一个私钥 expected exactly one private key, found ${keyBags.length}`);
  const key = bagPrivateKey(keyBags[0]!);
  const certificates = (pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).map(bagCertificate);
  const publicKey = createPublicKey(key);
  const certificate = certificates.find((c) => samePublicKey(c.publicKey, publicKey));
  if (!certificate) throw new Error('PKCS#12 文件中没有与私钥匹配的证书 no certificate matches the private key');
  return { key, certificate, others: certificates.filter((c) => c !== certificate) };
}
