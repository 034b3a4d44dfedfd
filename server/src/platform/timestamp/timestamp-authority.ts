import type { KeyObject } from 'node:crypto';
import type { PlatformCertificate } from '../pki/certificate.js';
import { contentTypeAttribute, encodeSignedData, messageDigestAttribute, sha256, signingCertificateV2Attribute, signSignerInfo } from '../pki/cms.js';
import { randomSerialNumber } from '../pki/der.js';
import { contextConstructed, generalizedTime, objectIdentifier, sequence, smallInteger, unsignedInteger } from '../pki/der-writer.js';
import { OID } from '../pki/oids.js';
import { encodePkiStatusInfo, PKI_STATUS } from './pki-status.js';
import { parseTimestampRequest, type AcceptedRequest } from './timestamp-request.js';

/** The TSA's key and certificate, with its subject Name DER for the TSTInfo tsa field. */
interface TsaSigner {
  certificate: PlatformCertificate;
  key: KeyObject;
  subjectName: Buffer;
}

export interface TimestampAuthority {
  /** Answers a DER TimeStampReq with a DER TimeStampResp: a token, or a rejection for a bad query. Never throws. */
  respond(query: Uint8Array): Promise<Buffer>;
  certificatePem: string;
  policy: string;
}

export interface TimestampAuthorityOptions {
  policy?: string;
  now?: () => Date;
  /** Told about internal failures (answered as systemFailure), e.g. to log them. */
  onError?: (error: unknown) => void;
}

/**
 * TSTInfo (RFC 3161 §2.4.2). messageImprint and nonce are echoed as received. genTime keeps milliseconds and the
 * stated accuracy is one second, the bound we rely on for the host clock (NTP-disciplined servers do far better).
 * ordering is left out, i.e. FALSE: tokens from several processes cannot be ordered by genTime alone.
 */
function encodeTstInfo(signer: TsaSigner, request: AcceptedRequest, policy: string, genTime: Date): Buffer {
  return sequence(
    smallInteger(1),
    objectIdentifier(policy),
    request.messageImprint,
    unsignedInteger(randomSerialNumber()),
    generalizedTime(genTime),
    sequence(smallInteger(1)), // Accuracy { seconds 1 }
    ...(request.nonce ? [request.nonce] : []),
    contextConstructed(0, contextConstructed(4, signer.subjectName)), // tsa [0] GeneralName directoryName [4]
  );
}

async function issueToken(signer: TsaSigner, request: AcceptedRequest, policy: string, genTime: Date): Promise<Buffer> {
  const tstInfo = encodeTstInfo(signer, request, policy, genTime);
  const signerInfo = await signSignerInfo({
    certificate: signer.certificate,
    key: signer.key,
    signedAttributes: [
      contentTypeAttribute(OID.tstInfo),
      messageDigestAttribute(sha256(tstInfo)),
      signingCertificateV2Attribute(signer.certificate),
    ],
  });
  return encodeSignedData({
    eContentType: OID.tstInfo,
    eContent: tstInfo,
    signerInfo: signerInfo.encode(),
    // §2.4.1 certReq: the TSA certificate is included only when asked for.
    certificates: request.certReq ? [signer.certificate] : [],
  });
}

export function createTimestampAuthority(
  tsa: { certificate: PlatformCertificate; key: KeyObject },
  options: TimestampAuthorityOptions = {},
): TimestampAuthority {
  const signer: TsaSigner = { ...tsa, subjectName: Buffer.from(tsa.certificate.cert.subject.toSchema().toBER(false)) };
  const policy = options.policy ?? OID.tsaPolicy;
  const now = options.now ?? (() => new Date());
  return {
    policy,
    certificatePem: signer.certificate.pem,
    async respond(query) {
      const parsed = parseTimestampRequest(query, policy);
      if (!parsed.ok) return sequence(encodePkiStatusInfo(PKI_STATUS.rejection, parsed.failure, parsed.text));
      const genTime = now();
      if (genTime < signer.certificate.notBefore || genTime >= signer.certificate.notAfter) {
        // Never sign with a certificate outside its validity; loading the PKI again issues a new one.
        options.onError?.(new Error(`TSA certificate not valid at ${genTime.toISOString()}`));
        return sequence(encodePkiStatusInfo(PKI_STATUS.rejection, 'systemFailure', '时间戳证书不在有效期内 TSA certificate not valid now'));
      }
      try {
        const token = await issueToken(signer, parsed.request, policy, genTime);
        return sequence(encodePkiStatusInfo(PKI_STATUS.granted), token);
      } catch (error) {
        options.onError?.(error);
        return sequence(encodePkiStatusInfo(PKI_STATUS.rejection, 'systemFailure', '时间戳服务内部错误 internal failure'));
      }
    },
  };
}
