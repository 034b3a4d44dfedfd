import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { advanceAt, widthOf, type LoadedFont } from './fonts.js';
import { wrapText } from './line-break.js';
import { CONTENT_WIDTH, COLOR, PAGE } from './page-style.js';
import type { SignatureArea, TextAlign } from './document.types.js';

/** An embedded font together with the parsed font used for measuring. */
export interface FontFace {
  pdf: PDFFont;
  metrics: LoadedFont;
}

export interface Fonts {
  regular: FontFace;
  bold: FontFace;
}

/**
 * The running state of a render: the pages so far and the cursor `y` (top of the free space on the current
 * page, PDF coordinates with the origin at the bottom left).
 */
export class RenderContext {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly signatureAreas: SignatureArea[] = [];
  readonly left = PAGE.marginLeft;
  readonly width = CONTENT_WIDTH;
  readonly bottom = PAGE.marginBottom;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  get remaining(): number {
    return this.y - this.bottom;
  }

  /** Space available on a fresh page, for deciding whether something can ever fit whole. */
  get pageCapacity(): number {
    return PAGE.height - PAGE.marginTop - PAGE.marginBottom;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.marginTop;
  }

  /** Move to a new page unless `height` fits below the cursor. Returns true if it broke the page. */
  ensure(height: number): boolean {
    if (height <= this.remaining + 0.01) return false;
    this.newPage();
    return true;
  }

  wrap(text: string, face: FontFace, size: number, width: number, firstLineWidth = width): string[] {
    return wrapText(text, width, (cp) => advanceAt(face.metrics, cp, size), firstLineWidth);
  }

  textWidth(text: string, face: FontFace, size: number): number {
    return widthOf(face.metrics, text, size);
  }

  /**
   * Draw one line of text inside the box [x, x + width], centred vertically on a line box whose top is
   * `top` and height `lineHeight`. The ideographic em box of Noto CJK runs from −0.12 em to 0.88 em, so its
   * middle sits 0.38 em above the baseline.
   */
  drawLine(
    text: string,
    opts: { face: FontFace; size: number; x: number; width: number; top: number; lineHeight: number; align?: TextAlign; color?: Color; page?: PDFPage },
  ): void {
    if (!text) return;
    const { face, size, x, width, top, lineHeight } = opts;
    const textWidth = this.textWidth(text, face, size);
    let dx = 0;
    if (opts.align === 'center') dx = (width - textWidth) / 2;
    else if (opts.align === 'right') dx = width - textWidth;
    const baseline = top - lineHeight / 2 - 0.38 * size;
    (opts.page ?? this.page).drawText(text, { x: x + dx, y: baseline, size, font: face.pdf, color: opts.color ?? COLOR.text });
  }
}
