import * as asn1js from 'asn1js';
import { isIssuedBy, type PlatformCertificate } from '../pki/certificate.js';
import { verifySignedData } from '../pki/cms-verify.js';
import { oidToString, parseAsn1 } from '../pki/der.js';
import { OID } from '../pki/oids.js';

/** The facts of an RFC 3161 token a caller records: when, by whom, over which digest. */
export interface TimestampTokenInfo {
  genTime: Date;
  /** TSTInfo serialNumber, upper-case hex. */
  serialNumber: string;
  policy: string;
  hashAlgorithm: string;
  /** The stamped digest, lower-case hex. */
  hashedMessage: string;
  /** Nonce INTEGER content, hex; absent when the request had none. */
  nonce?: string;
  /** The certificate that signed the token. */
  tsaCertificate: PlatformCertificate;
}

export class TimestampTokenError extends Error {}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** TSTInfo fields in order (RFC 3161 §2.4.2); optional ones after genTime are recognized by type or tag. */
function parseTstInfo(der: Uint8Array): Omit<TimestampTokenInfo, 'tsaCertificate'> {
  const root = parseAsn1(der);
  if (!(root instanceof asn1js.Sequence)) throw new TimestampTokenError('TSTInfo 不是 SEQUENCE');
  const [version, policy, imprint, serial, genTime, ...rest] = root.valueBlock.value;
  if (!(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 1) throw new TimestampTokenError('TSTInfo version');
  if (!(policy instanceof asn1js.ObjectIdentifier)) throw new TimestampTokenError('TSTInfo policy');
  if (!(imprint instanceof asn1js.Sequence)) throw new TimestampTokenError('TSTInfo messageImprint');
  const [algorithm, hashed] = imprint.valueBlock.value;
  const algorithmOid = algorithm instanceof asn1js.Sequence ? algorithm.valueBlock.value[0] : undefined;
  if (!(algorithmOid instanceof asn1js.ObjectIdentifier) || !(hashed instanceof asn1js.OctetString)) {
    throw new TimestampTokenError('TSTInfo messageImprint');
  }
  if (!(serial instanceof asn1js.Integer)) throw new TimestampTokenError('TSTInfo serialNumber');
  if (!(genTime instanceof asn1js.GeneralizedTime)) throw new TimestampTokenError('TSTInfo genTime');
  const nonce = rest.find((item): item is asn1js.Integer => item instanceof asn1js.Integer);
  return {
    genTime: genTime.toDate(),
    serialNumber: hex(serial.valueBlock.valueHexView).toUpperCase(),
    policy: oidToString(policy),
    hashAlgorithm: oidToString(algorithmOid),
    hashedMessage: hex(hashed.valueBlock.valueHexView),
    ...(nonce ? { nonce: hex(nonce.valueBlock.valueHexView) } : {}),
  };
}

export interface TimestampExpectations {
  /** The digest that was stamped. */
  digest?: Uint8Array;
  /** Nonce INTEGER content bytes sent in the request. */
  nonce?: Uint8Array;
  /** When given, the TSA certificate must be issued by one of these (the platform CA for the built-in TSA). */
  trustedIssuers?: readonly PlatformCertificate[];
}

/**
 * Verifies a TimeStampToken: CMS signature and signed attributes, content type id-ct-TSTInfo, and what the
 * requester expects (RFC 3161 §2.4.2: the imprint and nonce must be the request's). Throws TimestampTokenError.
 */
export function verifyTimestampToken(token: Uint8Array, expected: TimestampExpectations = {}): TimestampTokenInfo {
  let signed;
  try {
    signed = verifySignedData(token);
  } catch (error) {
    throw new TimestampTokenError(`时间戳令牌签名无效 token signature invalid: ${(error as Error).message}`);
  }
  if (signed.eContentType !== OID.tstInfo || !signed.eContent) throw new TimestampTokenError('时间戳令牌不含 TSTInfo');
  const info = parseTstInfo(signed.eContent);
  if (expected.digest && info.hashedMessage !== hex(expected.digest)) {
    throw new TimestampTokenError('时间戳令牌摘要不符 token imprint does not match the digest sent');
  }
  if (expected.nonce && info.nonce !== hex(expected.nonce)) {
    throw new TimestampTokenError('时间戳令牌随机数不符 token nonce does not match the request');
  }
  if (expected.trustedIssuers && !expected.trustedIssuers.some((ca) => isIssuedBy(signed.signer, ca))) {
    throw new TimestampTokenError('时间戳证书不受信任 TSA certificate is not issued by a trusted CA');
  }
  return { ...info, tsaCertificate: signed.signer };
}
