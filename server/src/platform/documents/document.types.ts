/**
 * The declarative template model: a module describes WHAT a document says (blocks of Chinese text, tables,
 * signature areas) and `renderPdf` decides WHERE it goes on A4 pages. Everything here is plain data, so a
 * spec can be stored, hashed or compared; the same spec always renders to the same bytes.
 */

/** Horizontal alignment of a line or a cell. */
export type TextAlign = 'left' | 'center' | 'right';

export interface PdfDocumentSpec {
  /** 标题: the large centred heading on page 1, also the PDF /Title. */
  title: string;
  /** 副标题 or 文号, e.g. `(2026)闽0203破12号`, centred under the title. */
  subtitle?: string;
  /**
   * 发文机关标志: issuing body printed in red above a red rule (GB/T 9704 版头), e.g. `厦门市中级人民法院`.
   * Omit for plain forms.
   */
  masthead?: string;
  /** Issuing organization for the PDF /Author entry. */
  author?: string;
  /** PDF /Subject and /Keywords. */
  subject?: string;
  keywords?: string[];
  /**
   * ISO 8601 instant the document is dated (PDF /CreationDate and /ModDate). Required so two renders of the
   * same input give the same bytes and the same SHA-256 (the ledger stores that hash).
   */
  createdAt: string;
  /** Body blocks, top to bottom. */
  blocks: PdfBlock[];
  /** 页脚: short text on the bottom left of every page (page numbers are added on the right). */
  footer?: string;
  /** A QR code on page 1 (top right) that opens the public verification page. */
  verification?: VerificationSpec;
}

export interface VerificationSpec {
  /** Absolute URL, e.g. `${publicUrl}/verify?leaf=123` (see `verificationUrl`). */
  url: string;
  /** Caption under the code; default `扫码核验`. */
  caption?: string;
}

export type PdfBlock =
  | HeadingBlock
  | ParagraphBlock
  | KeyValueBlock
  | TableBlock
  | SignatureBlock
  | SpacerBlock
  | PageBreakBlock;

/** 一、二、… section headings (level 1) and （一）（二）… sub-headings (level 2). */
export interface HeadingBlock {
  type: 'heading';
  text: string;
  level?: 1 | 2;
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** `\n` starts a new line inside the paragraph, indented like the first (enumerations such as （一）（二））. */
  text: string;
  /** 首行缩进两字: on by default for left-aligned paragraphs, as in Chinese official writing. */
  indent?: boolean;
  align?: TextAlign;
  bold?: boolean;
  /** Font size in points; default 12 (小四). */
  size?: number;
}

export interface KeyValueRow {
  key: string;
  value: string;
  /** In a two-pair-per-row table, let this pair take the whole row (long values such as addresses). */
  span?: boolean;
}

/** 信息表: bordered label/value grid, labels shaded, the usual top part of a government form. */
export interface KeyValueBlock {
  type: 'keyValue';
  rows: KeyValueRow[];
  /** Pairs per row: 1 (label | value) or 2 (label | value | label | value). Default 2. */
  columns?: 1 | 2;
  caption?: string;
}

export interface TableColumn {
  header: string;
  /** Relative width; default 1. */
  width?: number;
  align?: TextAlign;
}

/** 数据表: header row repeated on every page the table runs onto. */
export interface TableBlock {
  type: 'table';
  caption?: string;
  columns: TableColumn[];
  rows: string[][];
  /** Bold last row (合计). */
  totalRow?: boolean;
}

export interface SignatureParty {
  /** e.g. `供水人（甲方）`, `用水人（乙方）`, `管理人`. */
  role: string;
  /** Printed name of the organization or person. */
  name?: string;
  /** Show `（盖章）` after the role; default true. */
  seal?: boolean;
}

/**
 * 签章区: blank areas for signatures and seals. No form fields: platform/esign signs the finished bytes with
 * an incremental update, and the areas' positions come back from `renderPdfWithLayout` so a visible seal
 * can be placed there.
 */
export interface SignatureBlock {
  type: 'signatures';
  parties: SignatureParty[];
  /** Date line under each party; ISO date prints as 2026年8月30日, omitted prints `年 月 日` blanks. */
  date?: string;
}

export interface SpacerBlock {
  type: 'spacer';
  /** Points. */
  height: number;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

/** Where a party's signature area landed, in PDF user space (origin bottom left, points). */
export interface SignatureArea {
  role: string;
  /** 0-based page index. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
  signatureAreas: SignatureArea[];
}
