/** Test support for PDF signatures: small PDFs made with pdf-lib, and pdfsig's report split per signature. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { runTool, tempDir, writeTemp } from '../pki/pki.test-support.js';

export interface TestPdfOptions {
  /** pdf-lib's default writes cross-reference streams; false writes a classic xref table. */
  objectStreams?: boolean;
  /** Adds a filled text field and a link annotation that signing must keep. */
  withFormAndLink?: boolean;
}

/** A two-page contract-like PDF. */
export async function makeTestPdf(options: TestPdfOptions = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 2; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Water supply contract WS-20260830-0001, page ${i} of 2`, { x: 50, y: 780, size: 14, font });
    page.drawText('Supplier: Quanzhou Water Co.  Applicant: Zhang San', { x: 50, y: 750, size: 11, font });
  }
  if (options.withFormAndLink) {
    const form = doc.getForm();
    const field = form.createTextField('applicant.phone');
    field.setText('138****5678');
    field.addToPage(doc.getPage(0), { x: 50, y: 600, width: 200, height: 24, font });
    const page = doc.getPage(1);
    const link = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [50, 500, 250, 520],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of('https://example.gov.cn/') },
    });
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
  }
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? true }));
}

/** The same document rewritten by poppler's cairo backend: another producer, classic xref table. */
export function rewriteWithCairo(pdf: Buffer): Buffer {
  const dir = tempDir('ys-cairo-');
  const input = writeTemp('in.pdf', pdf, dir);
  const output = join(dir, 'out.pdf');
  const result = runTool('pdftocairo', ['-pdf', input, output]);
  if (result.status !== 0) throw new Error(result.output);
  return readFileSync(output);
}

export interface PdfsigSignature {
  text: string;
  valid: boolean;
  digestMismatch: boolean;
  untrustedIssuer: boolean;
  totalDocument: boolean;
  commonName: string;
  type: string;
}

/** Runs Debian's pdfsig and returns one entry per signature, in file order. */
export function pdfsig(pdf: Buffer): { output: string; signatures: PdfsigSignature[] } {
  const { output } = runTool('pdfsig', [writeTemp('doc.pdf', pdf)]);
  const blocks = output.split(/^Signature #\d+:$/m).slice(1);
  return {
    output,
    signatures: blocks.map((text) => ({
      text,
      valid: text.includes('Signature Validation: Signature is Valid.'),
      digestMismatch: text.includes('Digest Mismatch'),
      untrustedIssuer: text.includes("Certificate issuer isn't Trusted."),
      totalDocument: /^\s+- Total document signed$/m.test(text),
      commonName: /Signer Certificate Common Name: (.*)$/m.exec(text)?.[1] ?? '',
      type: /Signature Type: (.*)$/m.exec(text)?.[1] ?? '',
    })),
  };
}
