import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { attributeValues, verifySignedData } from '../pki/cms-verify.js';
import { firstElementLength } from '../pki/der.js';
import type { Pki } from '../pki/load-pki.js';
import { OID } from '../pki/oids.js';
import { getPkiForConfig } from '../pki/platform-pki.js';
import { createTestPki, runTool, tempDir, writeTemp } from '../pki/pki.test-support.js';
import { makeTestPdf, pdfsig, rewriteWithCairo } from './esign.test-support.js';
import { inspectPdfSignatures } from './pdf-signature-inspector.js';
import { requestTimestamp } from '../timestamp/timestamp-client.js';
import { signPdfAsOrganization, signPdfAsPerson, type SignatureRecord } from './sign-pdf.js';

let pki: Pki;
beforeAll(async () => {
  pki = await createTestPki();
});

const applicant = { name: '张三', residentIdMasked: '3501**********1234', reason: '申请人签名', location: '福建省泉州市' };
const utility = { organizationName: '泉州市自来水有限公司', uscc: '91350100M000100Y43', reason: '供水单位盖章 Utility seal' };

/** Applicant signs, then the utility seals: the water-connection contract flow. */
async function signTwice(pdf: Buffer): Promise<{ first: SignatureRecord; second: SignatureRecord }> {
  const first = await signPdfAsPerson(pdf, applicant, { pki });
  const second = await signPdfAsOrganization(first.pdf, utility, { pki });
  return { first, second };
}

/** The CMS and the signed bytes of the n-th signature, as a verifier extracts them from the ByteRange. */
function extractSignature(pdf: Buffer, byteRange: number[]): { cms: Buffer; content: Buffer } {
  const [a, b, c, d] = byteRange as [number, number, number, number];
  const raw = Buffer.from(pdf.subarray(b + 1, c - 1).toString('latin1'), 'hex');
  return { cms: raw.subarray(0, firstElementLength(raw)), content: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]) };
}

describe.each([
  ['a pdf-lib PDF with cross-reference streams', () => makeTestPdf()],
  ['a pdf-lib PDF with a classic xref table', () => makeTestPdf({ objectStreams: false })],
  ['a PDF written by poppler/cairo', async () => rewriteWithCairo(await makeTestPdf())],
])('two sequential signatures on %s', (_label, make) => {
  let original: Buffer;
  let first: SignatureRecord;
  let second: SignatureRecord;
  beforeAll(async () => {
    original = await make();
    ({ first, second } = await signTwice(original));
  });

  it('pdfsig finds both PAdES signatures valid (issuer untrusted: the platform CA is self-signed)', () => {
    const { signatures, output } = pdfsig(second.pdf);
    expect(signatures, output).toHaveLength(2);
    for (const s of signatures) {
      expect(s.valid, output).toBe(true);
      expect(s.untrustedIssuer).toBe(true);
      expect(s.type).toBe('ETSI.CAdES.detached');
    }
    expect(signatures.map((s) => s.commonName)).toEqual(['张三', '泉州市自来水有限公司']);
    expect(signatures.map((s) => s.totalDocument)).toEqual([false, true]);
  });

  it('appends each signature without changing a byte before it', () => {
    expect(first.pdf.subarray(0, original.length).equals(original)).toBe(true);
    expect(second.pdf.subarray(0, first.pdf.length).equals(first.pdf)).toBe(true);
    expect(second.documentSha256).toBe(createHash('sha256').update(second.pdf).digest('hex'));
  });

  it('shows Digest Mismatch for both signatures after a byte of the first revision changes', () => {
    const tampered = Buffer.from(second.pdf);
    // Inside the page content text of the original document.
    const at = tampered.indexOf('%PDF-') + 2;
    tampered[at] = tampered[at]! ^ 0x01;
    const { signatures, output } = pdfsig(tampered);
    expect(signatures, output).toHaveLength(2);
    expect(signatures.every((s) => s.digestMismatch && !s.valid)).toBe(true);
  });

  it('keeps the first signature valid and breaks only the second when the second revision changes', () => {
    const tampered = Buffer.from(second.pdf);
    const reason = tampered.indexOf('/Reason <FEFF', first.pdf.length, 'latin1') + '/Reason <FEFF'.length;
    tampered[reason] = tampered[reason] === 0x30 ? 0x31 : 0x30;
    const { signatures, output } = pdfsig(tampered);
    expect(signatures.map((s) => s.valid), output).toEqual([true, false]);
    expect(signatures[1]!.digestMismatch).toBe(true);
  });

  it('makes CMS signatures that openssl cms verifies, with RFC 3161 signature timestamps that openssl ts verifies', () => {
    const ca = writeTemp('ca.pem', pki.ca.certificate.pem);
    for (const record of [first, second]) {
      const { cms, content } = extractSignature(second.pdf, record.byteRange);
      const verified = runTool('openssl', ['cms', '-verify', '-inform', 'DER', '-in', writeTemp('sig.der', cms), '-binary',
        '-content', writeTemp('content.bin', content), '-CAfile', ca, '-purpose', 'smimesign', '-out', '/dev/null']);
      expect(verified.output).toContain('CMS Verification successful');

      const signed = verifySignedData(cms, [content]);
      const [token] = attributeValues(signed.unsignedAttributes, OID.signatureTimeStampToken);
      expect(token).toBeDefined();
      const digest = createHash('sha256').update(signed.signatureValue).digest('hex');
      const ts = runTool('openssl', ['ts', '-verify', '-digest', digest, '-in', writeTemp('tst.der', Buffer.from(token!.toBER(false))), '-token_in', '-CAfile', ca]);
      expect(ts.output).toContain('Verification: OK');
    }
  });
});

describe('signature records for the audit trail', () => {
  it('name the signer, the one-time certificate and the timestamp', async () => {
    const { first, second } = await signTwice(await makeTestPdf());
    expect(first.signer).toEqual({ kind: 'person', name: '张三', residentIdMasked: '3501**********1234' });
    expect(first.certificate.subject).toBe('C=CN, CN=张三, description=3501**********1234');
    expect(first.certificate.issuer).toBe(pki.ca.certificate.subject);
    expect(first.fieldName).toBe('Signature1');
    expect(first.timestamp?.authority).toBe('built-in');
    expect(first.timestamp?.tsaSubject).toBe(pki.tsa.certificate.subject);
    expect(second.signer).toEqual({ kind: 'organization', organizationName: '泉州市自来水有限公司', uscc: '91350100M000100Y43' });
    expect(second.certificate.subject).toContain('serialNumber=91350100M000100Y43');
    expect(second.fieldName).toBe('Signature2');
    expect(first.certificate.serialNumber).not.toBe(second.certificate.serialNumber);
    // The full resident ID appears nowhere in the document.
    expect(second.pdf.includes(Buffer.from('350102199001011234'))).toBe(false);
  });
});

describe('platform settings', () => {
  it('signs with the CA of the configured data folder (how route plugins call it, with ctx.config)', async () => {
    const config = { dataDir: tempDir(), piiKey: randomBytes(32), tsaUrl: '' };
    const record = await signPdfAsPerson(await makeTestPdf(), applicant, { config });
    const platformPki = await getPkiForConfig(config);
    expect(record.certificate.issuer).toBe(platformPki.ca.certificate.subject);
    expect(record.timestamp?.authority).toBe('built-in');
    const [report] = await inspectPdfSignatures(record.pdf, { trustedIssuers: platformPki.caChain });
    expect(report!.issuedByTrustedCa && report!.timestamp?.tsaIssuedByTrustedCa).toBe(true);
  });
});

describe('timestamp modes', () => {
  const failing = async (): Promise<Buffer> => {
    throw new Error('TSA down');
  };

  it('none: a PAdES-B-B signature without timestamp', async () => {
    const record = await signPdfAsPerson(await makeTestPdf(), applicant, { pki, timestamp: 'none' });
    expect(record.timestamp).toBeNull();
    const [report] = await inspectPdfSignatures(record.pdf);
    expect(report!.intact).toBe(true);
    expect(report!.timestamp).toBeUndefined();
    expect(pdfsig(record.pdf).signatures[0]!.valid).toBe(true);
  });

  it('if-available: signs without timestamp when the authority fails, and says why', async () => {
    const record = await signPdfAsPerson(await makeTestPdf(), applicant, { pki, timestamper: failing });
    expect(record.timestamp).toBeNull();
    expect(record.timestampError).toBe('TSA down');
    expect(pdfsig(record.pdf).signatures[0]!.valid).toBe(true);
  });

  it('required: fails when the authority fails', async () => {
    await expect(signPdfAsPerson(await makeTestPdf(), applicant, { pki, timestamp: 'required', timestamper: failing })).rejects.toThrow('TSA down');
  });

  it('rebuilds the revision with more room when a timestamp token is larger than planned', async () => {
    // Some outside authorities send their whole chain and more. Extra certificates leave the token's signature
    // intact (they are outside the signed attributes), so this is a valid but 12 kB token.
    let calls = 0;
    const bloated = async (digest: Buffer) => {
      calls++;
      const { token } = await requestTimestamp(digest, { pki });
      const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(token).buffer).result });
      const signedData = new pkijs.SignedData({ schema: contentInfo.content });
      signedData.certificates = [...(signedData.certificates ?? []), ...Array.from({ length: 20 }, () => pki.ca.certificate.cert)];
      return Buffer.from(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() }).toSchema().toBER(false));
    };
    const record = await signPdfAsPerson(await makeTestPdf(), applicant, { pki, timestamper: bloated });
    expect(calls).toBe(2);
    expect(record.timestamp?.tsaSubject).toBe(pki.tsa.certificate.subject);
    const { signatures, output } = pdfsig(record.pdf);
    expect(signatures[0]!.valid, output).toBe(true);
    const [report] = await inspectPdfSignatures(record.pdf, { trustedIssuers: [pki.ca.certificate] });
    expect(report!.timestamp?.valid).toBe(true);
  });
});

describe('documents with existing form fields and annotations', () => {
  it('keeps them and adds one signature widget per signature', async () => {
    const pdf = await makeTestPdf({ withFormAndLink: true });
    const { second } = await signTwice(pdf);
    const third = await signPdfAsPerson(second.pdf, { ...applicant, name: '李四', pageIndex: 1 }, { pki });
    expect(third.fieldName).toBe('Signature3');

    const doc = await PDFDocument.load(third.pdf);
    const names = doc.getForm().getFields().map((f) => f.getName());
    expect(names).toEqual(['applicant.phone', 'Signature1', 'Signature2', 'Signature3']);
    expect(doc.getForm().getTextField('applicant.phone').getText()).toBe('138****5678');
    expect(doc.getPage(0).node.Annots()?.size()).toBe(3); // text field widget + two signatures
    expect(doc.getPage(1).node.Annots()?.size()).toBe(2); // link + third signature
    expect(doc.getPageCount()).toBe(2);

    const { signatures, output } = pdfsig(third.pdf);
    expect(signatures.map((s) => s.valid), output).toEqual([true, true, true]);
  });
});

describe('input checks', () => {
  it('refuses data that is not a PDF, a truncated PDF and a missing page', async () => {
    await expect(signPdfAsPerson(Buffer.from('not a pdf'), applicant, { pki })).rejects.toThrow(/PDF/);
    const pdf = await makeTestPdf();
    await expect(signPdfAsPerson(pdf.subarray(0, pdf.length - 30), applicant, { pki })).rejects.toThrow(/PDF/);
    await expect(signPdfAsPerson(pdf, { ...applicant, pageIndex: 5 }, { pki })).rejects.toThrow(/第 6 页/);
  });

  it('refuses an unmasked resident ID before signing anything', async () => {
    await expect(signPdfAsPerson(await makeTestPdf(), { ...applicant, residentIdMasked: '350102199001011234' }, { pki })).rejects.toThrow(/脱敏/);
  });
});
