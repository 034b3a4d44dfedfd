/**
 * platform/documents: PDF documents from declarative templates, with an embedded Chinese font subset.
 * Modules build a `PdfDocumentSpec` and call `renderPdf`; see README.md.
 */
export type {
  PdfDocumentSpec,
  PdfBlock,
  HeadingBlock,
  ParagraphBlock,
  KeyValueBlock,
  KeyValueRow,
  TableBlock,
  TableColumn,
  SignatureBlock,
  SignatureParty,
  SpacerBlock,
  PageBreakBlock,
  VerificationSpec,
  SignatureArea,
  RenderedPdf,
  TextAlign,
} from './document.types.js';
export { renderPdf, renderPdfWithLayout } from './render-pdf.js';
export { fenToChineseCapitals, formatYuan, formatDateZh, verificationUrl } from './format.js';
export { findMissingGlyphs } from './fonts.js';
export { wrapText } from './line-break.js';
