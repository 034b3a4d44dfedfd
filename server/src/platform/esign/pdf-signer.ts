import { createHash } from 'node:crypto';
import type { EventCredential } from '../pki/event-certificate.js';
import { createCadesSignature } from './cades-signature.js';
import { addSignatureRevision, openSigningTarget, type PreparedPdf, type SignatureDictionaryFields } from './pdf-signature-revision.js';

export interface SignPdfRequest extends SignatureDictionaryFields {
  credential: EventCredential;
  /** Adds a signature timestamp (PAdES-B-T); without it the signature is PAdES-B-B. */
  timestamper?: (digest: Buffer) => Promise<Buffer | undefined>;
}

export interface SignedPdf {
  pdf: Buffer;
  fieldName: string;
  byteRange: [number, number, number, number];
  timestampToken?: Buffer;
}

/** Bytes reserved for the CMS beyond the certificates it carries; a timestamp token adds its own certificates. */
const BASE_CAPACITY = 2048;
const TIMESTAMP_CAPACITY = 6144;

function digestOfSignedRanges(prepared: PreparedPdf): Buffer {
  const [, firstEnd, secondStart, secondLength] = prepared.byteRange;
  return createHash('sha256')
    .update(prepared.pdf.subarray(0, firstEnd))
    .update(prepared.pdf.subarray(secondStart, secondStart + secondLength))
    .digest();
}

/**
 * Signs a PDF (PAdES, subFilter ETSI.CAdES.detached) by appending a revision, so earlier signatures stay valid.
 * The signed byte range is the whole file except the /Contents hex string, which then receives the CMS.
 */
export async function signPdfWithCredential(pdf: Uint8Array, request: SignPdfRequest): Promise<SignedPdf> {
  const target = await openSigningTarget(pdf);
  const certificateBytes = [request.credential.certificate, ...request.credential.chain].reduce((n, c) => n + c.der.length, 0);
  let capacity = BASE_CAPACITY + certificateBytes + (request.timestamper ? TIMESTAMP_CAPACITY : 0);
  // An outside authority's token may be larger than planned: then the revision is rebuilt once with room for it.
  for (let attempt = 0; attempt < 2; attempt++) {
    const prepared = addSignatureRevision(target, request, capacity);
    const { cms, timestampToken } = await createCadesSignature({
      credential: request.credential,
      contentDigest: digestOfSignedRanges(prepared),
      ...(request.timestamper ? { timestamper: request.timestamper } : {}),
    });
    if (cms.length <= capacity) {
      prepared.pdf.write(cms.toString('hex'), prepared.contentsHexStart, 'latin1');
      return {
        pdf: prepared.pdf,
        fieldName: prepared.fieldName,
        byteRange: prepared.byteRange,
        ...(timestampToken ? { timestampToken } : {}),
      };
    }
    capacity = cms.length + 1024;
  }
  throw new Error('签名数据超出预留空间 signature larger than the reserved space');
}
