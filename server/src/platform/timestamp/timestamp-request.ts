import * as asn1js from 'asn1js';
import { oidToString, parseAsn1 } from '../pki/der.js';
import { algorithmIdentifierDer, octetString, sequence, tlv } from '../pki/der-writer.js';
import { OID } from '../pki/oids.js';
import type { PkiFailure } from './pki-status.js';

/** Hash algorithms the authority stamps, with their digest lengths. */
export const IMPRINT_ALGORITHMS: Readonly<Record<string, { name: string; length: number }>> = {
  [OID.sha256]: { name: 'SHA-256', length: 32 },
  [OID.sha384]: { name: 'SHA-384', length: 48 },
  [OID.sha512]: { name: 'SHA-512', length: 64 },
  [OID.sha3_256]: { name: 'SHA3-256', length: 32 },
  [OID.sha3_384]: { name: 'SHA3-384', length: 48 },
  [OID.sha3_512]: { name: 'SHA3-512', length: 64 },
  [OID.sm3]: { name: 'SM3', length: 32 },
};

/** Collision-prone digests: a timestamp on one would also "prove" the existence of a colliding document. */
const REFUSED_ALGORITHMS = new Set<string>([OID.sha1, OID.md5]);

/** RFC 3161 nonces are large random integers; 64 octets is far beyond any real client and bounds the echo. */
const MAX_NONCE_OCTETS = 64;

export interface AcceptedRequest {
  /** DER MessageImprint, echoed into the token. */
  messageImprint: Buffer;
  /** DER INTEGER, echoed into the token. */
  nonce?: Buffer;
  certReq: boolean;
}

export type ParsedRequest =
  | { ok: true; request: AcceptedRequest }
  | { ok: false; failure: PkiFailure; text: string };

class Rejection extends Error {
  constructor(readonly failure: PkiFailure, text: string) {
    super(text);
  }
}

const malformed = (what: string): Rejection => new Rejection('badDataFormat', `时间戳请求格式错误 malformed TimeStampReq: ${what}`);

/**
 * TimeStampReq ::= SEQUENCE { version INTEGER { v1(1) }, messageImprint MessageImprint, reqPolicy OID OPTIONAL,
 * nonce INTEGER OPTIONAL, certReq BOOLEAN DEFAULT FALSE, extensions [0] IMPLICIT Extensions OPTIONAL }
 */
function parse(query: Uint8Array, policy: string): AcceptedRequest {
  let root: asn1js.AsnType;
  try {
    root = parseAsn1(query);
  } catch {
    throw malformed('not DER');
  }
  if (!(root instanceof asn1js.Sequence)) throw malformed('not a SEQUENCE');
  const items = root.valueBlock.value;
  const version = items[0];
  if (!(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 1) throw malformed('version must be 1');

  const imprint = items[1];
  if (!(imprint instanceof asn1js.Sequence) || imprint.valueBlock.value.length !== 2) throw malformed('messageImprint');
  const [algorithmId, hashed] = imprint.valueBlock.value;
  if (!(algorithmId instanceof asn1js.Sequence) || !(hashed instanceof asn1js.OctetString) || hashed.idBlock.isConstructed) {
    throw malformed('messageImprint');
  }
  const [oid, parameters, ...extra] = algorithmId.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier) || extra.length > 0) throw malformed('hashAlgorithm');
  if (parameters !== undefined && !(parameters instanceof asn1js.Null)) throw malformed('hashAlgorithm parameters');
  const algorithm = oidToString(oid);
  if (REFUSED_ALGORITHMS.has(algorithm)) throw new Rejection('badAlg', `不接受弱哈希算法 weak hash algorithm ${algorithm} refused`);
  const accepted = IMPRINT_ALGORITHMS[algorithm];
  if (!accepted) throw new Rejection('badAlg', `不支持的哈希算法 unsupported hash algorithm ${algorithm}`);
  const digest = hashed.valueBlock.valueHexView;
  if (digest.byteLength !== accepted.length) {
    throw new Rejection('badDataFormat', `摘要长度与 ${accepted.name} 不符 digest length does not match ${accepted.name}`);
  }

  let at = 2;
  let nonce: Buffer | undefined;
  let certReq = false;
  const next = (): asn1js.AsnType | undefined => items[at];
  const item = next();
  if (item instanceof asn1js.ObjectIdentifier) {
    const requested = oidToString(item);
    if (requested !== policy) throw new Rejection('unacceptedPolicy', `不支持的时间戳策略 unaccepted policy ${requested}`);
    at++;
  }
  const nonceItem = next();
  if (nonceItem instanceof asn1js.Integer) {
    const bytes = nonceItem.valueBlock.valueHexView;
    if (bytes.byteLength > MAX_NONCE_OCTETS) throw malformed('nonce too long');
    nonce = tlv(0x02, bytes);
    at++;
  }
  const certReqItem = next();
  if (certReqItem instanceof asn1js.Boolean) {
    certReq = certReqItem.valueBlock.value;
    at++;
  }
  const extensions = next();
  if (extensions && extensions.idBlock.tagClass === 3 && extensions.idBlock.tagNumber === 0) {
    // §2.4.1: a TSA must reject a request with an extension it does not know; this one knows none.
    throw new Rejection('unacceptedExtension', '不支持请求扩展 request extensions are not supported');
  }
  if (at !== items.length) throw malformed('unexpected fields');

  return {
    messageImprint: sequence(algorithmIdentifierDer(algorithm, parameters !== undefined), octetString(digest)),
    ...(nonce ? { nonce } : {}),
    certReq,
  };
}

/** Checks a TimeStampReq (RFC 3161 §2.4.1) against what this authority supports. Never throws. */
export function parseTimestampRequest(query: Uint8Array, policy: string): ParsedRequest {
  try {
    return { ok: true, request: parse(query, policy) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, failure: error.failure, text: error.message };
    return { ok: false, failure: 'badDataFormat', text: '时间戳请求格式错误 malformed TimeStampReq' };
  }
}
