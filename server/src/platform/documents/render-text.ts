import { popGraphicsState, pushGraphicsState, setCharacterSpacing } from 'pdf-lib';
import type { RenderContext, FontFace } from './render-context.js';
import type { HeadingBlock, ParagraphBlock, PdfDocumentSpec, TextAlign } from './document.types.js';
import { COLOR, LEADING, SIZE } from './page-style.js';

/** Space after a paragraph, and before and after headings, in points. */
const PARAGRAPH_GAP = 4;
const HEADING_BEFORE = 8;
const HEADING_AFTER = 3;

/**
 * Draw lines of one paragraph, breaking pages between lines. Left-aligned text is justified (两端对齐, as
 * Chinese typesetting does) except the last line of each hard line, by spreading the slack as character
 * spacing.
 */
function drawLines(
  ctx: RenderContext,
  lines: string[],
  opts: { face: FontFace; size: number; lineHeight: number; align: TextAlign; firstIndent: number; firstOfHardLine: boolean[]; lastOfHardLine: boolean[] },
): void {
  lines.forEach((line, i) => {
    ctx.ensure(opts.lineHeight);
    const indent = opts.firstOfHardLine[i] ? opts.firstIndent : 0;
    const x = ctx.left + indent;
    const width = ctx.width - indent;
    const glyphs = Array.from(line).length;
    const slack = width - ctx.textWidth(line, opts.face, opts.size);
    const justify = opts.align === 'left' && !opts.lastOfHardLine[i] && glyphs > 1 && slack > 0 && slack / (glyphs - 1) < opts.size * 0.5;
    if (justify) ctx.page.pushOperators(pushGraphicsState(), setCharacterSpacing(slack / (glyphs - 1)));
    ctx.drawLine(line, { face: opts.face, size: opts.size, x, width, top: ctx.y, lineHeight: opts.lineHeight, align: opts.align });
    if (justify) ctx.page.pushOperators(popGraphicsState());
    ctx.y -= opts.lineHeight;
  });
}

/**
 * Wrap `text`; each hard line (after `\n`) is indented like a paragraph of its own, as enumerations such
 * as （一）（二） are. Remembers which wrapped lines start a hard line (indented) and end one (not justified).
 */
function wrapWithHardEnds(
  ctx: RenderContext,
  text: string,
  face: FontFace,
  size: number,
  firstIndent: number,
): { lines: string[]; firstOfHardLine: boolean[]; lastOfHardLine: boolean[] } {
  const lines: string[] = [];
  const firstOfHardLine: boolean[] = [];
  const lastOfHardLine: boolean[] = [];
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((hard) => {
      const wrapped = ctx.wrap(hard, face, size, ctx.width, ctx.width - firstIndent);
      wrapped.forEach((line, i) => {
        lines.push(line);
        firstOfHardLine.push(i === 0);
        lastOfHardLine.push(i === wrapped.length - 1);
      });
    });
  return { lines, firstOfHardLine, lastOfHardLine };
}

export function renderParagraph(ctx: RenderContext, block: ParagraphBlock): void {
  const size = block.size ?? SIZE.body;
  const face = block.bold ? ctx.fonts.bold : ctx.fonts.regular;
  const align = block.align ?? 'left';
  const firstIndent = (block.indent ?? align === 'left') ? 2 * size : 0;
  const { lines, firstOfHardLine, lastOfHardLine } = wrapWithHardEnds(ctx, block.text, face, size, firstIndent);
  drawLines(ctx, lines, { face, size, lineHeight: size * LEADING.body, align, firstIndent, firstOfHardLine, lastOfHardLine });
  ctx.y -= PARAGRAPH_GAP;
}

export function renderHeading(ctx: RenderContext, block: HeadingBlock): void {
  const size = block.level === 2 ? SIZE.heading2 : SIZE.heading1;
  const lineHeight = size * LEADING.body;
  const lines = ctx.wrap(block.text, ctx.fonts.bold, size, ctx.width);
  // Keep the heading with at least two lines of what follows.
  ctx.ensure(HEADING_BEFORE + lines.length * lineHeight + 2 * SIZE.body * LEADING.body);
  ctx.y -= HEADING_BEFORE;
  drawLines(ctx, lines, { face: ctx.fonts.bold, size, lineHeight, align: 'left', firstIndent: 0, firstOfHardLine: lines.map((_, i) => i === 0), lastOfHardLine: lines.map(() => true) });
  ctx.y -= HEADING_AFTER;
}

/** Page 1 top: optional red 版头 with its rule, then the title and subtitle centred. */
export function renderTitleBlock(ctx: RenderContext, spec: PdfDocumentSpec): void {
  if (spec.masthead) {
    const size = SIZE.masthead;
    const lineHeight = size * LEADING.title;
    for (const line of ctx.wrap(spec.masthead, ctx.fonts.bold, size, ctx.width)) {
      ctx.drawLine(line, { face: ctx.fonts.bold, size, x: ctx.left, width: ctx.width, top: ctx.y, lineHeight, align: 'center', color: COLOR.red });
      ctx.y -= lineHeight;
    }
    ctx.y -= 6;
    ctx.page.drawLine({ start: { x: ctx.left, y: ctx.y }, end: { x: ctx.left + ctx.width, y: ctx.y }, thickness: 2, color: COLOR.red });
    ctx.y -= 18;
  }
  const titleHeight = SIZE.title * LEADING.title;
  for (const line of ctx.wrap(spec.title, ctx.fonts.bold, SIZE.title, ctx.width * 0.9)) {
    ctx.drawLine(line, { face: ctx.fonts.bold, size: SIZE.title, x: ctx.left, width: ctx.width, top: ctx.y, lineHeight: titleHeight, align: 'center' });
    ctx.y -= titleHeight;
  }
  if (spec.subtitle) {
    const lineHeight = SIZE.subtitle * LEADING.title;
    ctx.y -= 2;
    for (const line of ctx.wrap(spec.subtitle, ctx.fonts.regular, SIZE.subtitle, ctx.width)) {
      ctx.drawLine(line, { face: ctx.fonts.regular, size: SIZE.subtitle, x: ctx.left, width: ctx.width, top: ctx.y, lineHeight, align: 'center' });
      ctx.y -= lineHeight;
    }
  }
  ctx.y -= 14;
}
