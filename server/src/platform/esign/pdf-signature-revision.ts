import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { readPdfFileTail, type PdfFileTail } from './pdf-file-tail.js';
import { writeIncrementalUpdate, type IndirectObject } from './pdf-incremental-update.js';
import { pdfDate, pdfTextString } from './pdf-syntax.js';

/** A parsed PDF ready to receive signature revisions. */
export interface SigningTarget {
  bytes: Uint8Array;
  doc: PDFDocument;
  tail: PdfFileTail;
}

export interface SignatureDictionaryFields {
  /** Signer name shown by readers (/Name). */
  name: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** The claimed signing time (/M); PAdES has no signing-time attribute inside the CMS. */
  signingTime: Date;
  /** Zero-based page that carries the (invisible) signature widget. */
  pageIndex?: number;
}

export interface PreparedPdf {
  /** The file with the new revision, /Contents still all zeros. */
  pdf: Buffer;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit inside `/Contents <…>`. */
  contentsHexStart: number;
  /** Room for the DER signature, in bytes. */
  capacity: number;
  fieldName: string;
}

/** Reserves room for the real offsets, written over it once the file's length is known (padded with spaces). */
const BYTE_RANGE_RESERVED = '/ByteRange [0 9999999999 9999999999 9999999999]';

export async function openSigningTarget(pdf: Uint8Array): Promise<SigningTarget> {
  const tail = readPdfFileTail(pdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new Error(`无法解析 PDF 文件 cannot parse the PDF: ${(error as Error).message}`, { cause: error });
  }
  // Signing an encrypted file would need its keys to write the new objects; such files are refused.
  if (doc.isEncrypted) throw new Error('不支持签署加密的 PDF encrypted PDFs cannot be signed');
  return { bytes: pdf, doc, tail };
}

function fieldNames(doc: PDFDocument, fields: PDFArray | undefined): Set<string> {
  const names = new Set<string>();
  for (const item of fields?.asArray() ?? []) {
    const field = item instanceof PDFRef ? doc.context.lookup(item) : item;
    if (!(field instanceof PDFDict)) continue;
    const title = field.lookup(PDFName.of('T'));
    if (title instanceof PDFString || title instanceof PDFHexString) names.add(title.decodeText());
  }
  return names;
}

function objectBody(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/**
 * Adds a signature revision with an empty /Contents of `capacity` bytes: the signature dictionary, a signature
 * field merged with its invisible widget (ISO 32000-1 §12.7.4.5, §12.8), the page with the widget added to
 * /Annots, and the AcroForm with the field added and SigFlags SignaturesExist|AppendOnly. Earlier revisions
 * are not touched.
 */
export function addSignatureRevision(target: SigningTarget, fields: SignatureDictionaryFields, capacity: number): PreparedPdf {
  const { doc, tail } = target;
  const context = doc.context;
  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new Error('PDF 缺少目录对象 trailer /Root is not an indirect reference');
  const pages = doc.getPages();
  const pageIndex = fields.pageIndex ?? 0;
  const page = pages[pageIndex];
  if (!page) throw new Error(`PDF 没有第 ${pageIndex + 1} 页 page ${pageIndex + 1} does not exist`);

  let next = Math.max(tail.size, context.largestObjectNumber + 1);
  const sigNumber = next++;
  const widgetNumber = next++;
  const objects: IndirectObject[] = [];

  // AcroForm: rewritten in place when indirect; otherwise a new object, and the catalog points at it.
  const catalog = doc.catalog;
  const acroFormEntry = catalog.get(PDFName.of('AcroForm'));
  const existingAcroForm = acroFormEntry instanceof PDFRef ? context.lookup(acroFormEntry) : acroFormEntry;
  const acroForm = existingAcroForm instanceof PDFDict ? existingAcroForm.clone(context) : context.obj({});
  const oldFields = acroForm.lookup(PDFName.of('Fields'));
  const oldFieldArray = oldFields instanceof PDFArray ? oldFields : undefined;
  const taken = fieldNames(doc, oldFieldArray);
  let k = 1;
  while (taken.has(`Signature${k}`)) k++;
  const fieldName = `Signature${k}`;

  const widgetRef = PDFRef.of(widgetNumber);
  const newFields = context.obj([...(oldFieldArray?.asArray() ?? []), widgetRef]);
  acroForm.set(PDFName.of('Fields'), newFields);
  const oldFlags = acroForm.lookup(PDFName.of('SigFlags'));
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of((oldFlags instanceof PDFNumber ? oldFlags.asNumber() : 0) | 3));
  if (acroFormEntry instanceof PDFRef) {
    objects.push({ number: acroFormEntry.objectNumber, generation: acroFormEntry.generationNumber, body: objectBody(acroForm.toString()) });
  } else {
    const acroFormNumber = next;
    objects.push({ number: acroFormNumber, generation: 0, body: objectBody(acroForm.toString()) });
    const newCatalog = catalog.clone(context);
    newCatalog.set(PDFName.of('AcroForm'), PDFRef.of(acroFormNumber));
    objects.push({ number: rootRef.objectNumber, generation: rootRef.generationNumber, body: objectBody(newCatalog.toString()) });
  }

  const pageDict = page.node.clone(context);
  const oldAnnots = page.node.lookup(PDFName.of('Annots'));
  pageDict.set(PDFName.of('Annots'), context.obj([...(oldAnnots instanceof PDFArray ? oldAnnots.asArray() : []), widgetRef]));
  objects.push({ number: page.ref.objectNumber, generation: page.ref.generationNumber, body: objectBody(pageDict.toString()) });

  // /F 132 = Print | Locked; an invisible signature has an empty /Rect (§12.7.4.5).
  objects.push({
    number: widgetNumber,
    generation: 0,
    body: objectBody(`<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${pdfTextString(fieldName)}\n/V ${sigNumber} 0 R\n/F 132\n/Rect [0 0 0 0]\n/P ${page.ref.toString()}\n>>`),
  });

  const optional = (key: string, value: string | undefined): string => (value ? `\n/${key} ${pdfTextString(value)}` : '');
  objects.push({
    number: sigNumber,
    generation: 0,
    body: objectBody(
      `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n${BYTE_RANGE_RESERVED}\n/Contents <${'0'.repeat(capacity * 2)}>` +
        `\n/M (${pdfDate(fields.signingTime)})` +
        optional('Name', fields.name) +
        optional('Reason', fields.reason) +
        optional('Location', fields.location) +
        optional('ContactInfo', fields.contactInfo) +
        '\n/Prop_Build <<\n/App <<\n/Name /Yingshang\n>>\n>>\n>>',
    ),
  });

  const info = context.trailerInfo.Info;
  const id = context.trailerInfo.ID;
  const update = writeIncrementalUpdate(target.bytes, tail, objects, {
    Root: rootRef.toString(),
    ...(info ? { Info: info.toString() } : {}),
    ...(id ? { ID: id.toString() } : {}),
  });

  const pdf = update.pdf;
  const sigOffset = update.offsets.get(sigNumber)!;
  const byteRangeAt = pdf.indexOf(BYTE_RANGE_RESERVED, sigOffset, 'latin1');
  const contentsAt = pdf.indexOf('/Contents <', sigOffset, 'latin1');
  const contentsStart = contentsAt + '/Contents '.length; // the '<'
  const contentsEnd = contentsStart + capacity * 2 + 2; // after the '>'
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, pdf.length - contentsEnd];
  const written = `/ByteRange [${byteRange.join(' ')}]`;
  if (written.length > BYTE_RANGE_RESERVED.length) throw new Error('PDF 文件过大 file too large to sign');
  pdf.write(written.padEnd(BYTE_RANGE_RESERVED.length, ' '), byteRangeAt, 'latin1');
  return { pdf, byteRange, contentsHexStart: contentsStart + 1, capacity, fieldName };
}
