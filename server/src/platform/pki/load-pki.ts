import { generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  isCaCertificate,
  isIssuedBy,
  issueCertificate,
  parseCertificate,
  selfSignCertificate,
  type CertificateAuthority,
  type PlatformCertificate,
} from './certificate.js';
import { createDirectoryOnce } from './create-once.js';
import { fromPemAll } from './der.js';
import type { NameAttribute } from './distinguished-name.js';
import { readEncryptedKey, writeEncryptedKey } from './key-file.js';
import { readPkcs12 } from './pkcs12.js';

const DAY_MS = 86_400_000;
const CA_VALIDITY_DAYS = 20 * 365;
const TSA_VALIDITY_DAYS = 5 * 365;
/** A TSA certificate this close to expiry is replaced, so tokens never come from an almost-expired key. */
const TSA_RENEW_BEFORE_DAYS = 30;

export const CA_SUBJECT: readonly NameAttribute[] = [
  { type: 'C', value: 'CN' },
  { type: 'O', value: '营商平台 Yingshang' },
  { type: 'CN', value: '营商平台电子认证根证书 Yingshang Platform CA' },
];

export const TSA_SUBJECT: readonly NameAttribute[] = [
  { type: 'C', value: 'CN' },
  { type: 'O', value: '营商平台 Yingshang' },
  { type: 'CN', value: '营商平台时间戳服务 Yingshang Timestamp Authority' },
];

export interface TimestampSigner {
  certificate: PlatformCertificate;
  key: KeyObject;
}

/** The platform's certificate authority and the keys it runs. */
export interface Pki {
  /** generated = created by this call; data-dir = created earlier; pkcs12 = loaded from YS_CA_P12. */
  source: 'generated' | 'data-dir' | 'pkcs12';
  /** The issuing CA: its certificate and key. */
  ca: CertificateAuthority;
  /** CA certificates placed in signatures so verifiers can build the path: the issuing CA first, then its issuers. */
  caChain: PlatformCertificate[];
  tsa: TimestampSigner;
}

export interface PkiOptions {
  /** The platform data folder (config.dataDir); keys live in `<dataDir>/pki`. */
  dataDir: string;
  /** Encrypts private keys written to the data folder. */
  keyPassphrase: string;
  /** Use this CA instead of generating one (YS_CA_P12 / YS_CA_P12_PASSWORD). */
  pkcs12?: { path: string; password: string };
  now?: () => Date;
}

/** A passphrase for key files derived from the platform's 32-byte secret (config.piiKey) by HKDF-SHA-256. */
export function deriveKeyPassphrase(secret: Uint8Array): string {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'yingshang pki key files v1', 32)).toString('base64');
}

/** The settings the PKI reads: config.dataDir and config.piiKey, and the CA file when the config carries it. */
export interface PkiSettings {
  dataDir: string;
  piiKey: Buffer;
  caP12Path?: string;
  caP12Password?: string;
}

/** Options from the platform settings, the CA file falling back to YS_CA_P12 / YS_CA_P12_PASSWORD. */
export function pkiOptionsFromConfig(config: PkiSettings, env: NodeJS.ProcessEnv = process.env): PkiOptions {
  const path = config.caP12Path ?? env.YS_CA_P12 ?? '';
  const password = config.caP12Password ?? env.YS_CA_P12_PASSWORD;
  if (path && password === undefined) {
    throw new Error('配置错误 YS_CA_P12 is set but YS_CA_P12_PASSWORD is not');
  }
  return {
    dataDir: config.dataDir,
    keyPassphrase: deriveKeyPassphrase(config.piiKey),
    ...(path ? { pkcs12: { path, password: password ?? '' } } : {}),
  };
}

function ecKeyPair(): { privateKey: KeyObject; spki: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, spki: publicKey.export({ format: 'der', type: 'spki' }) };
}

async function readCertificate(path: string): Promise<PlatformCertificate> {
  const [der] = fromPemAll(await readFile(path, 'utf8'), 'CERTIFICATE');
  if (!der) throw new Error(`证书文件为空 no certificate in ${path}`);
  return parseCertificate(der);
}

async function loadGeneratedCa(pkiDir: string, options: PkiOptions, now: Date): Promise<{ ca: CertificateAuthority; created: boolean }> {
  const created = await createDirectoryOnce(pkiDir, 'ca', async (dir) => {
    const { privateKey, spki } = ecKeyPair();
    const certificate = await selfSignCertificate({
      subject: CA_SUBJECT,
      subjectPublicKeyInfo: spki,
      notBefore: new Date(now.getTime() - DAY_MS),
      notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
      profile: 'ca',
    }, privateKey);
    await writeEncryptedKey(join(dir, 'ca-key.pem'), privateKey, options.keyPassphrase);
    await writeFile(join(dir, 'ca-cert.pem'), certificate.pem, { mode: 0o644, flag: 'wx' });
  });
  const dir = join(pkiDir, 'ca');
  return {
    ca: { certificate: await readCertificate(join(dir, 'ca-cert.pem')), key: await readEncryptedKey(join(dir, 'ca-key.pem'), options.keyPassphrase) },
    created,
  };
}

/** The issuing CA first, then each issuer found among the other certificates, up to the root. */
function orderChain(issuing: PlatformCertificate, others: readonly PlatformCertificate[]): PlatformCertificate[] {
  const chain = [issuing];
  let current = issuing;
  while (current.issuer !== current.subject) {
    const parent = others.find((c) => c.subject === current.issuer && !chain.includes(c) && isIssuedBy(current, c));
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * The TSA key is kept per CA (a new CA gets a new TSA certificate) and replaced shortly before its certificate
 * expires; each generation is its own folder so the change is atomic across processes.
 */
async function loadTsa(pkiDir: string, ca: CertificateAuthority, options: PkiOptions, now: Date): Promise<TimestampSigner> {
  const prefix = `tsa-${ca.certificate.sha256.slice(0, 16)}-`;
  const usable = async (name: string): Promise<TimestampSigner | null> => {
    const dir = join(pkiDir, name);
    const certificate = await readCertificate(join(dir, 'tsa-cert.pem'));
    const remaining = certificate.notAfter.getTime() - now.getTime();
    if (remaining <= 0 || !isIssuedBy(certificate, ca.certificate)) return null;
    // Due for renewal only if a new certificate could actually live longer (it never outlives the CA).
    const caRemaining = ca.certificate.notAfter.getTime() - now.getTime();
    if (remaining < TSA_RENEW_BEFORE_DAYS * DAY_MS && caRemaining > remaining + DAY_MS) return null;
    return { certificate, key: await readEncryptedKey(join(dir, 'tsa-key.pem'), options.keyPassphrase) };
  };
  const existing = (await readdir(pkiDir)).filter((n) => n.startsWith(prefix)).sort().reverse();
  for (const name of existing) {
    const signer = await usable(name);
    if (signer) return signer;
  }
  const name = `${prefix}${utcStamp(now)}`;
  await createDirectoryOnce(pkiDir, name, async (dir) => {
    const { privateKey, spki } = ecKeyPair();
    const certificate = await issueCertificate({
      subject: TSA_SUBJECT,
      subjectPublicKeyInfo: spki,
      notBefore: new Date(now.getTime() - DAY_MS),
      notAfter: new Date(now.getTime() + TSA_VALIDITY_DAYS * DAY_MS),
      profile: 'tsa',
    }, ca);
    await writeEncryptedKey(join(dir, 'tsa-key.pem'), privateKey, options.keyPassphrase);
    await writeFile(join(dir, 'tsa-cert.pem'), certificate.pem, { mode: 0o644, flag: 'wx' });
  });
  const signer = await usable(name);
  if (!signer) throw new Error('时间戳证书签发失败 the new TSA certificate is not usable');
  return signer;
}

/**
 * Loads the platform CA: from the configured PKCS#12 file, else from `<dataDir>/pki/ca`, generating it there on
 * first start. Then loads or issues the timestamp authority's certificate.
 */
export async function loadPki(options: PkiOptions): Promise<Pki> {
  const now = (options.now ?? (() => new Date()))();
  const pkiDir = join(options.dataDir, 'pki');
  await mkdir(pkiDir, { recursive: true, mode: 0o700 });

  let ca: CertificateAuthority;
  let caChain: PlatformCertificate[];
  let source: Pki['source'];
  if (options.pkcs12) {
    const contents = readPkcs12(await readFile(options.pkcs12.path), options.pkcs12.password);
    if (!isCaCertificate(contents.certificate)) {
      throw new Error('YS_CA_P12 中的证书不是 CA 证书 the PKCS#12 certificate lacks basicConstraints cA=TRUE');
    }
    ca = { certificate: contents.certificate, key: contents.key };
    caChain = orderChain(contents.certificate, contents.others);
    source = 'pkcs12';
  } else {
    const generated = await loadGeneratedCa(pkiDir, options, now);
    ca = generated.ca;
    caChain = [ca.certificate];
    source = generated.created ? 'generated' : 'data-dir';
  }
  if (ca.certificate.notAfter.getTime() <= now.getTime()) {
    throw new Error(`平台 CA 证书已过期 the CA certificate expired at ${ca.certificate.notAfter.toISOString()}`);
  }
  return { source, ca, caChain, tsa: await loadTsa(pkiDir, ca, options, now) };
}
