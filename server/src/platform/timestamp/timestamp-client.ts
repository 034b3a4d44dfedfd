import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { loadConfig } from '../config/index.js';
import type { PlatformCertificate } from '../pki/certificate.js';
import { parseAsn1 } from '../pki/der.js';
import { algorithmIdentifierDer, octetString, sequence, smallInteger, unsignedInteger } from '../pki/der-writer.js';
import type { Pki } from '../pki/load-pki.js';
import { OID } from '../pki/oids.js';
import { getPlatformPki } from '../pki/platform-pki.js';
import { timestampAuthorityFor } from './platform-authority.js';
import { PKI_FAILURE, PKI_STATUS } from './pki-status.js';
import type { TimestampAuthority } from './timestamp-authority.js';
import { TimestampTokenError, verifyTimestampToken, type TimestampTokenInfo } from './timestamp-token.js';

export interface TimestampResult extends TimestampTokenInfo {
  /** DER TimeStampToken (a CMS ContentInfo), e.g. for a PAdES signature-time-stamp attribute. */
  token: Buffer;
  /** `built-in`, or the outside authority's URL. */
  authority: string;
}

export interface RequestTimestampOptions {
  /** Outside RFC 3161 authority; defaults to YS_TSA_URL. Empty = the built-in authority. */
  tsaUrl?: string;
  /** The PKI whose built-in authority to use; defaults to the platform's. */
  pki?: Pki;
  /** Or an authority directly, with the CA certificates its tokens must chain to. */
  authority?: { respond: TimestampAuthority['respond']; trustedIssuers: readonly PlatformCertificate[] };
  timeoutMs?: number;
}

const HASH_BY_LENGTH: Readonly<Record<number, string>> = { 32: OID.sha256, 48: OID.sha384, 64: OID.sha512 };
const DER_TRUE = Buffer.from([0x01, 0x01, 0xff]);

/** TimeStampReq with a fresh 64-bit nonce and certReq TRUE, so the token carries the TSA certificate. */
export function encodeTimestampRequest(digest: Uint8Array, nonce: Uint8Array): Buffer {
  const algorithm = HASH_BY_LENGTH[digest.length];
  if (!algorithm) throw new Error('摘要长度应为 32/48/64 字节 digest must be SHA-256, SHA-384 or SHA-512');
  return sequence(smallInteger(1), sequence(algorithmIdentifierDer(algorithm), octetString(digest)), unsignedInteger(nonce), DER_TRUE);
}

/** The token in a TimeStampResp, or an error naming the authority's status and failure reasons. */
export function tokenFromResponse(response: Uint8Array): Buffer {
  const root = parseAsn1(response);
  if (!(root instanceof asn1js.Sequence)) throw new TimestampTokenError('时间戳响应格式错误 malformed TimeStampResp');
  const [statusInfo, token] = root.valueBlock.value;
  const status = statusInfo instanceof asn1js.Sequence ? statusInfo.valueBlock.value[0] : undefined;
  if (!(status instanceof asn1js.Integer)) throw new TimestampTokenError('时间戳响应格式错误 malformed PKIStatusInfo');
  const code = status.valueBlock.valueDec;
  if ((code === PKI_STATUS.granted || code === PKI_STATUS.grantedWithMods) && token) return Buffer.from(token.valueBeforeDecodeView);
  const members = statusInfo instanceof asn1js.Sequence ? statusInfo.valueBlock.value.slice(1) : [];
  const text = members
    .filter((m): m is asn1js.Sequence => m instanceof asn1js.Sequence)
    .flatMap((s) => s.valueBlock.value.map((t) => (t instanceof asn1js.Utf8String ? t.valueBlock.value : '')))
    .join(' ');
  const bits = members.find((m): m is asn1js.BitString => m instanceof asn1js.BitString);
  const failures = bits
    ? Object.entries(PKI_FAILURE).filter(([, bit]) => {
      const bytes = bits.valueBlock.valueHexView;
      return ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0;
    }).map(([name]) => name)
    : [];
  throw new TimestampTokenError(`时间戳请求被拒绝 timestamp refused (status ${code}${failures.length ? `: ${failures.join(', ')}` : ''}) ${text}`.trim());
}

async function postToOutsideAuthority(url: string, query: Buffer, timeoutMs: number): Promise<Buffer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
    body: new Uint8Array(query),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new TimestampTokenError(`时间戳服务返回 HTTP ${response.status} from ${url}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * Gets an RFC 3161 token for a SHA-256/384/512 digest: from the outside authority when YS_TSA_URL is set, else
 * from the platform's own. The token is checked before it is returned: signature, imprint and nonce (and, for the
 * built-in authority, that its certificate comes from the platform CA).
 */
export async function requestTimestamp(digest: Uint8Array, options: RequestTimestampOptions = {}): Promise<TimestampResult> {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x7f) | 0x01; // positive and exactly 8 octets, so the echo compares byte for byte
  const query = encodeTimestampRequest(digest, nonce);
  const tsaUrl = options.authority ? '' : options.tsaUrl ?? (options.pki ? '' : loadConfig().tsaUrl);

  let response: Buffer;
  let trustedIssuers: readonly PlatformCertificate[] | undefined;
  if (tsaUrl) {
    response = await postToOutsideAuthority(tsaUrl, query, options.timeoutMs ?? 10_000);
  } else if (options.authority) {
    response = await options.authority.respond(query);
    trustedIssuers = options.authority.trustedIssuers;
  } else {
    const pki = options.pki ?? (await getPlatformPki());
    response = await timestampAuthorityFor(pki).respond(query);
    trustedIssuers = pki.caChain;
  }
  const token = tokenFromResponse(response);
  const info = verifyTimestampToken(token, { digest, nonce, ...(trustedIssuers ? { trustedIssuers } : {}) });
  return { ...info, token, authority: tsaUrl || 'built-in' };
}
