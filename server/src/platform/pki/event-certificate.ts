import { webcrypto } from 'node:crypto';
import { isValidUscc } from '../identity/uscc.js';
import { issueCertificate, type PlatformCertificate } from './certificate.js';
import type { NameAttribute } from './distinguished-name.js';
import type { Pki } from './load-pki.js';

/** A person whose real name was verified just before signing (实名认证). */
export interface PersonIdentity {
  name: string;
  /** Masked resident ID, e.g. `3501**********1234`; the full number never goes into a certificate. */
  residentIdMasked: string;
}

/** An organization sealing a document (电子印章). */
export interface OrganizationIdentity {
  organizationName: string;
  /** 统一社会信用代码, GB 32100-2015. */
  uscc: string;
}

/**
 * A one-time signing credential. The private key is a non-extractable WebCrypto key created for one signing: it is
 * never exported, written or logged, and is gone when the caller drops this object, so the signature creation data
 * is under the signer's sole control at the time of signing (电子签名法 Art. 13(1)–(2)).
 */
export interface EventCredential {
  certificate: PlatformCertificate;
  privateKey: webcrypto.CryptoKey;
  /** CA certificates to embed after the event certificate. */
  chain: PlatformCertificate[];
}

export interface EventCertificateOptions {
  now?: Date;
  /** Lifetime of the certificate; long enough for one signing, short enough to be useless afterwards. */
  validityMinutes?: number;
}

const DEFAULT_VALIDITY_MINUTES = 60;
/** Tolerates clocks of verifying machines that run a little behind ours. */
const BACKDATE_MS = 5 * 60_000;

// 18-digit IDs (GB 11643-1999) and legacy 15-digit ones, masked as maskResidentId does: first 4, last 4 kept.
const MASKED_RESIDENT_ID = /^(\d{4}\*{10}\d{3}[\dX]|\d{4}\*{7}\d{4})$/;

function personSubject(person: PersonIdentity): NameAttribute[] {
  const name = person.name.trim();
  if (!name || /[\p{Cc}]/u.test(name)) throw new Error('签名人姓名无效 invalid signer name');
  if (!MASKED_RESIDENT_ID.test(person.residentIdMasked)) {
    // PIPL Art. 6: only the masked number is needed to name the signer; refuse anything else, notably a full ID.
    throw new Error('身份证号码须为脱敏格式 residentIdMasked must look like 3501**********1234');
  }
  // X.520 serialNumber is PrintableString, which has no '*', so the masked number goes in description.
  return [
    { type: 'C', value: 'CN' },
    { type: 'CN', value: name },
    { type: 'description', value: person.residentIdMasked },
  ];
}

function organizationSubject(organization: OrganizationIdentity): NameAttribute[] {
  const name = organization.organizationName.trim();
  if (!name || /[\p{Cc}]/u.test(name)) throw new Error('单位名称无效 invalid organization name');
  if (!isValidUscc(organization.uscc)) throw new Error('统一社会信用代码无效 invalid USCC (GB 32100-2015)');
  return [
    { type: 'C', value: 'CN' },
    { type: 'O', value: name },
    { type: 'CN', value: name },
    { type: 'serialNumber', value: organization.uscc },
  ];
}

async function issueEventCredential(pki: Pki, subject: NameAttribute[], options: EventCertificateOptions): Promise<EventCredential> {
  const now = options.now ?? new Date();
  const keyPair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', keyPair.publicKey));
  const certificate = await issueCertificate({
    subject,
    subjectPublicKeyInfo: spki,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + (options.validityMinutes ?? DEFAULT_VALIDITY_MINUTES) * 60_000),
    profile: 'signer',
  }, pki.ca);
  return { certificate, privateKey: keyPair.privateKey, chain: pki.caChain };
}

/** After real-name verification: a short-lived certificate naming the person, and its one-time key. */
export async function issuePersonEventCertificate(pki: Pki, person: PersonIdentity, options: EventCertificateOptions = {}): Promise<EventCredential> {
  return issueEventCredential(pki, personSubject(person), options);
}

/** A short-lived seal certificate naming the organization and its USCC, for one sealing by an authorized person. */
export async function issueOrganizationSealCertificate(
  pki: Pki,
  organization: OrganizationIdentity,
  options: EventCertificateOptions = {},
): Promise<EventCredential> {
  return issueEventCredential(pki, organizationSubject(organization), options);
}
