import { createHash } from 'node:crypto';
import { loadConfig } from '../config/index.js';
import {
  issueOrganizationSealCertificate,
  issuePersonEventCertificate,
  type EventCredential,
  type OrganizationIdentity,
  type PersonIdentity,
} from '../pki/event-certificate.js';
import type { Pki, PkiSettings } from '../pki/load-pki.js';
import { getPkiForConfig, getPlatformPki } from '../pki/platform-pki.js';
import { requestTimestamp, type TimestampResult } from '../timestamp/timestamp-client.js';
import { verifyTimestampToken } from '../timestamp/timestamp-token.js';
import type { Timestamper } from './cades-signature.js';
import { signPdfWithCredential } from './pdf-signer.js';

export interface SignatureDetails {
  /** Why the document is signed (/Reason), e.g. 申请人签名. */
  reason?: string;
  /** Where (/Location), e.g. 福建省泉州市. */
  location?: string;
  contactInfo?: string;
  /** Zero-based page for the signature widget; default the first. */
  pageIndex?: number;
}

export interface PersonSignatureRequest extends PersonIdentity, SignatureDetails {}
export interface OrganizationSignatureRequest extends OrganizationIdentity, SignatureDetails {}

export interface SignOptions {
  /** The platform settings (route plugins pass ctx.config): the PKI of its data folder and its YS_TSA_URL. */
  config?: PkiSettings & { tsaUrl: string };
  /** A PKI to use directly, with its built-in timestamp authority (tests, tools). */
  pki?: Pki;
  /**
   * Signature timestamp (PAdES-B-T). `if-available` (default) signs without one when the authority fails and says
   * so in `timestampError`; `required` fails instead; `none` makes a PAdES-B-B signature.
   */
  timestamp?: 'if-available' | 'required' | 'none';
  /** Replaces the default (YS_TSA_URL, else the built-in authority). */
  timestamper?: Timestamper;
  now?: Date;
}

export type SignerIdentity =
  | { kind: 'person'; name: string; residentIdMasked: string }
  | { kind: 'organization'; organizationName: string; uscc: string };

/** What the caller stores in its audit trail and ledger entry for this signature. */
export interface SignatureRecord {
  /** The signed PDF (all earlier bytes unchanged). */
  pdf: Buffer;
  /** SHA-256 of `pdf`, lower-case hex. */
  documentSha256: string;
  fieldName: string;
  /** Claimed signing time (/M), ISO UTC. */
  signedAt: string;
  signer: SignerIdentity;
  certificate: {
    serialNumber: string;
    subject: string;
    issuer: string;
    notBefore: string;
    notAfter: string;
    sha256: string;
    pem: string;
  };
  byteRange: [number, number, number, number];
  timestamp: { genTime: string; serialNumber: string; authority: string; tsaSubject: string } | null;
  timestampError?: string;
}

async function sign(
  pdf: Uint8Array,
  signer: SignerIdentity,
  displayName: string,
  details: SignatureDetails,
  issue: (pki: Pki, now: Date) => Promise<EventCredential>,
  options: SignOptions,
): Promise<SignatureRecord> {
  const settings = options.config ?? (options.pki ? undefined : loadConfig());
  const pki = options.pki ?? (options.config ? await getPkiForConfig(options.config) : await getPlatformPki());
  const tsaUrl = settings?.tsaUrl ?? '';
  const now = options.now ?? new Date();
  const mode = options.timestamp ?? 'if-available';

  let timestampResult: TimestampResult | undefined;
  let timestampError: string | undefined;
  const fetchToken: Timestamper = options.timestamper ?? (async (digest) => {
    // YS_TSA_URL when configured, else the PKI's own authority; the result is already verified.
    timestampResult = await requestTimestamp(digest, { pki, tsaUrl });
    return timestampResult.token;
  });
  const timestamper = async (digest: Buffer): Promise<Buffer | undefined> => {
    try {
      return await fetchToken(digest);
    } catch (error) {
      if (mode === 'required') throw error;
      timestampError = (error as Error).message;
      return undefined;
    }
  };

  // The credential's one-time key lives only inside this call: nothing keeps a reference once it returns (Art. 13).
  const credential = await issue(pki, now);
  const signed = await signPdfWithCredential(pdf, {
    credential,
    name: displayName,
    signingTime: now,
    ...details,
    ...(mode === 'none' ? {} : { timestamper }),
  });

  let timestamp: SignatureRecord['timestamp'] = null;
  if (signed.timestampToken) {
    // The default path's token was verified on arrival; a caller's own timestamper's token is verified here.
    const verified: TimestampResult | undefined = timestampResult;
    const fromDefault = verified && verified.token === signed.timestampToken ? verified : undefined;
    const info = fromDefault ?? verifyTimestampToken(signed.timestampToken);
    timestamp = {
      genTime: info.genTime.toISOString(),
      serialNumber: info.serialNumber,
      authority: fromDefault?.authority ?? 'custom',
      tsaSubject: info.tsaCertificate.subject,
    };
  }
  const { certificate } = credential;
  return {
    pdf: signed.pdf,
    documentSha256: createHash('sha256').update(signed.pdf).digest('hex'),
    fieldName: signed.fieldName,
    signedAt: now.toISOString(),
    signer,
    certificate: {
      serialNumber: certificate.serialNumber,
      subject: certificate.subject,
      issuer: certificate.issuer,
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
      sha256: certificate.sha256,
      pem: certificate.pem,
    },
    byteRange: signed.byteRange,
    timestamp,
    ...(timestampError ? { timestampError } : {}),
  };
}

/**
 * Signs as a person whose real name was just verified: the CA issues a short-lived certificate naming them (masked
 * resident ID), whose key signs this document once and is then gone (电子签名法 Art. 13).
 */
export function signPdfAsPerson(pdf: Uint8Array, request: PersonSignatureRequest, options: SignOptions = {}): Promise<SignatureRecord> {
  const { name, residentIdMasked, ...details } = request;
  return sign(
    pdf,
    { kind: 'person', name, residentIdMasked },
    name,
    details,
    (pki, now) => issuePersonEventCertificate(pki, { name, residentIdMasked }, { now }),
    options,
  );
}

/** Seals as an organization (电子印章): a short-lived seal certificate naming it and its USCC signs once. */
export function signPdfAsOrganization(pdf: Uint8Array, request: OrganizationSignatureRequest, options: SignOptions = {}): Promise<SignatureRecord> {
  const { organizationName, uscc, ...details } = request;
  return sign(
    pdf,
    { kind: 'organization', organizationName, uscc },
    organizationName,
    details,
    (pki, now) => issueOrganizationSealCertificate(pki, { organizationName, uscc }, { now }),
    options,
  );
}
