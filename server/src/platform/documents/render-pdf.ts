import { PDFDocument } from 'pdf-lib';
import type { PdfBlock, PdfDocumentSpec, RenderedPdf } from './document.types.js';
import { cachingFontkit, loadFont, subsetFontName, type FontRole } from './fonts.js';
import { RenderContext, type FontFace } from './render-context.js';
import { renderHeading, renderParagraph, renderTitleBlock } from './render-text.js';
import { renderKeyValue } from './render-key-value.js';
import { renderTable } from './render-table.js';
import { renderSignatures } from './render-signatures.js';
import { renderPageFurniture, renderVerificationCode } from './render-page-furniture.js';

const PRODUCER = 'Yingshang 营商 platform/documents (pdf-lib)';

function renderBlock(ctx: RenderContext, block: PdfBlock): void {
  switch (block.type) {
    case 'heading':
      return renderHeading(ctx, block);
    case 'paragraph':
      return renderParagraph(ctx, block);
    case 'keyValue':
      return renderKeyValue(ctx, block);
    case 'table':
      return renderTable(ctx, block);
    case 'signatures':
      return renderSignatures(ctx, block);
    case 'spacer':
      ctx.y -= block.height;
      if (ctx.remaining < 0) ctx.newPage();
      return;
    case 'pageBreak':
      ctx.newPage();
      return;
  }
}

function creationDate(spec: PdfDocumentSpec): Date {
  const date = new Date(spec.createdAt);
  if (Number.isNaN(date.getTime())) throw new RangeError(`文书模板错误 createdAt is not an ISO date: ${spec.createdAt}`);
  return date;
}

async function embed(doc: PDFDocument, role: FontRole, seed: string): Promise<FontFace> {
  const metrics = loadFont(role);
  // subset: only the glyphs used go into the file (a few hundred KB at most instead of 15 MB).
  const pdf = await doc.embedFont(metrics.bytes, { subset: true, customName: subsetFontName(metrics, seed) });
  return { pdf, metrics };
}

/**
 * Render a document and report where its signature areas landed (platform/esign places visible seals there).
 * Same spec in, same bytes out: metadata dates come from `createdAt`, pdf-lib's name generator is seeded,
 * and subset tags derive from the input.
 */
export async function renderPdfWithLayout(spec: PdfDocumentSpec): Promise<RenderedPdf> {
  const date = creationDate(spec);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const seed = JSON.stringify(spec);
  const ctx = new RenderContext(doc, { regular: await embed(doc, 'regular', seed), bold: await embed(doc, 'bold', seed) });

  renderTitleBlock(ctx, spec);
  for (const block of spec.blocks) renderBlock(ctx, block);
  renderVerificationCode(ctx, spec);
  renderPageFurniture(ctx, spec);

  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  if (spec.author) doc.setAuthor(spec.author);
  if (spec.subject) doc.setSubject(spec.subject);
  if (spec.keywords?.length) doc.setKeywords(spec.keywords);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('zh-CN');

  // A classic cross-reference table (no object streams): incremental PAdES signing tools append to it
  // reliably, and the result stays readable to every verifier.
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pageCount: ctx.pages.length, signatureAreas: ctx.signatureAreas };
}

/** Render a document spec to PDF bytes. */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Uint8Array> {
  return (await renderPdfWithLayout(spec)).bytes;
}
