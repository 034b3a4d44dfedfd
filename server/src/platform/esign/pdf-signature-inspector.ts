import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { isIssuedBy, type PlatformCertificate } from '../pki/certificate.js';
import { attributeValues, verifySignedData } from '../pki/cms-verify.js';
import { firstElementLength } from '../pki/der.js';
import { OID } from '../pki/oids.js';
import { verifyTimestampToken } from '../timestamp/timestamp-token.js';

/** One signature of a PDF as this platform judges it (pdfsig and Adobe Reader are the outside checks). */
export interface PdfSignatureReport {
  fieldName: string;
  subFilter: string;
  byteRange: number[];
  /** The signature covers the whole file; false for earlier signatures once later revisions were added. */
  coversWholeDocument: boolean;
  /** The signed bytes are unchanged and the CMS signature verifies with the embedded signer certificate. */
  intact: boolean;
  problem?: string;
  signer?: { subject: string; issuer: string; serialNumber: string; sha256: string; notBefore: string; notAfter: string };
  /** The signer certificate was issued by one of the trusted CA certificates given. */
  issuedByTrustedCa: boolean;
  name?: string;
  reason?: string;
  location?: string;
  /** /M as written (PDF date). */
  claimedSigningTime?: string;
  timestamp?: { genTime: string; serialNumber: string; valid: boolean; tsaIssuedByTrustedCa: boolean; problem?: string };
}

const TIMESTAMP_DIGESTS: Readonly<Record<string, string>> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

function text(dict: PDFDict, key: string): string | undefined {
  const value = dict.lookup(PDFName.of(key));
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  return undefined;
}

/** Terminal signature fields of the AcroForm tree (FT is inheritable, §12.7.3.1). */
function signatureFields(doc: PDFDocument): Array<{ name: string; value: PDFDict }> {
  const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'));
  const out: Array<{ name: string; value: PDFDict }> = [];
  const visit = (item: PDFObject, parentName: string, inheritedType: string | undefined, depth: number): void => {
    const field = item instanceof PDFRef ? doc.context.lookup(item) : item;
    if (!(field instanceof PDFDict) || depth > 32) return;
    const partial = text(field, 'T');
    const name = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const type = text(field, 'FT') ?? inheritedType;
    const kids = field.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) visit(kid, name, type, depth + 1);
    }
    const value = field.lookup(PDFName.of('V'));
    if (type === 'Sig' && value instanceof PDFDict) out.push({ name, value });
  };
  const fields = acroForm instanceof PDFDict ? acroForm.lookup(PDFName.of('Fields')) : undefined;
  if (fields instanceof PDFArray) for (const field of fields.asArray()) visit(field, '', undefined, 0);
  return out;
}

function checkByteRange(pdf: Uint8Array, range: number[], contentsHexLength: number): string | undefined {
  if (range.length !== 4 || range.some((n) => !Number.isSafeInteger(n) || n < 0)) return 'ByteRange 无效 malformed ByteRange';
  const [a, b, c, d] = range as [number, number, number, number];
  if (a !== 0 || b >= c || c + d > pdf.length) return 'ByteRange 越界 ByteRange out of bounds';
  // The gap must be exactly the /Contents hex string, delimiters included, so nothing else escapes the signature.
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e || c - b !== contentsHexLength + 2) return 'ByteRange 未精确排除签名值 gap is not the /Contents string';
  return undefined;
}

function certificateFacts(c: PlatformCertificate): NonNullable<PdfSignatureReport['signer']> {
  return {
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    sha256: c.sha256,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
  };
}

/**
 * Checks every signature in a PDF: byte range, digest, CMS signature, ESS signing certificate, and the signature
 * timestamp when there is one. `trustedIssuers` (e.g. the platform CA chain) decides issuedByTrustedCa.
 */
export async function inspectPdfSignatures(
  pdf: Uint8Array,
  options: { trustedIssuers?: readonly PlatformCertificate[] } = {},
): Promise<PdfSignatureReport[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const trusted = options.trustedIssuers ?? [];
  return signatureFields(doc).map(({ name, value }) => {
    const rangeObject = value.lookup(PDFName.of('ByteRange'));
    const byteRange = rangeObject instanceof PDFArray
      ? rangeObject.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : -1))
      : [];
    const contents = value.lookup(PDFName.of('Contents'));
    const report: PdfSignatureReport = {
      fieldName: name,
      subFilter: text(value, 'SubFilter') ?? '',
      byteRange,
      coversWholeDocument: byteRange.length === 4 && byteRange[2]! + byteRange[3]! === pdf.length,
      intact: false,
      issuedByTrustedCa: false,
      ...optionalText(value),
    };
    if (!(contents instanceof PDFHexString)) return { ...report, problem: '/Contents 缺失 missing /Contents' };
    const problem = checkByteRange(pdf, byteRange, contents.asString().length);
    if (problem) return { ...report, problem };
    const [, b, c, d] = byteRange as [number, number, number, number];
    try {
      const raw = contents.asBytes();
      const cms = raw.subarray(0, firstElementLength(raw));
      const signed = verifySignedData(cms, [pdf.subarray(0, b), pdf.subarray(c, c + d)]);
      report.intact = true;
      report.signer = certificateFacts(signed.signer);
      report.issuedByTrustedCa = trusted.some((ca) => isIssuedBy(signed.signer, ca));
      const [token] = attributeValues(signed.unsignedAttributes, OID.signatureTimeStampToken);
      if (token) report.timestamp = inspectTimestamp(new Uint8Array(token.toBER(false)), signed.signatureValue, trusted);
    } catch (error) {
      report.problem = (error as Error).message;
    }
    return report;
  });
}

function optionalText(value: PDFDict): Pick<PdfSignatureReport, 'name' | 'reason' | 'location' | 'claimedSigningTime'> {
  const fields = { name: text(value, 'Name'), reason: text(value, 'Reason'), location: text(value, 'Location'), claimedSigningTime: text(value, 'M') };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function inspectTimestamp(token: Uint8Array, signatureValue: Buffer, trusted: readonly PlatformCertificate[]): NonNullable<PdfSignatureReport['timestamp']> {
  try {
    const info = verifyTimestampToken(token);
    const digest = TIMESTAMP_DIGESTS[info.hashAlgorithm];
    const matches = digest !== undefined && createHash(digest).update(signatureValue).digest('hex') === info.hashedMessage;
    return {
      genTime: info.genTime.toISOString(),
      serialNumber: info.serialNumber,
      valid: matches,
      tsaIssuedByTrustedCa: trusted.some((ca) => isIssuedBy(info.tsaCertificate, ca)),
      ...(matches ? {} : { problem: '时间戳不覆盖该签名值 timestamp does not cover this signature' }),
    };
  } catch (error) {
    return { genTime: '', serialNumber: '', valid: false, tsaIssuedByTrustedCa: false, problem: (error as Error).message };
  }
}
