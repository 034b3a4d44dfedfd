import type { Color } from 'pdf-lib';
import type { FontFace, RenderContext } from './render-context.js';
import type { TextAlign } from './document.types.js';
import { COLOR, LEADING, SIZE, TABLE } from './page-style.js';

/** A cell to lay out: its column box and content. */
export interface CellSpec {
  x: number;
  width: number;
  text: string;
  face: FontFace;
  align: TextAlign;
  fill?: Color;
}

export interface LaidCell extends CellSpec {
  lines: string[];
}

export interface LaidRow {
  cells: LaidCell[];
  /** Most lines in any cell. */
  lineCount: number;
}

export const CELL_SIZE = SIZE.table;
export const CELL_LINE = SIZE.table * LEADING.table;

export function rowHeight(lines: number): number {
  return Math.max(1, lines) * CELL_LINE + 2 * TABLE.padY;
}

export function layoutRow(ctx: RenderContext, cells: CellSpec[]): LaidRow {
  const laid = cells.map((cell) => ({ ...cell, lines: ctx.wrap(cell.text, cell.face, CELL_SIZE, cell.width - 2 * TABLE.padX) }));
  return { cells: laid, lineCount: Math.max(1, ...laid.map((c) => c.lines.length)) };
}

/**
 * Draw lines [from, to) of every cell of a row as one band of height `rowHeight(to - from)` at the cursor,
 * then move the cursor below it. Whole rows centre their text vertically; a slice of a row split over pages
 * keeps it at the top so the continuation lines up.
 */
export function drawRowSlice(ctx: RenderContext, row: LaidRow, from: number, to: number): void {
  const height = rowHeight(to - from);
  const top = ctx.y;
  const whole = from === 0 && to >= row.lineCount;
  for (const cell of row.cells) {
    if (cell.fill) ctx.page.drawRectangle({ x: cell.x, y: top - height, width: cell.width, height, color: cell.fill });
    const lines = cell.lines.slice(from, to);
    const offset = whole ? ((to - from - lines.length) * CELL_LINE) / 2 : 0;
    lines.forEach((line, i) => {
      ctx.drawLine(line, {
        face: cell.face,
        size: CELL_SIZE,
        x: cell.x + TABLE.padX,
        width: cell.width - 2 * TABLE.padX,
        top: top - TABLE.padY - offset - i * CELL_LINE,
        lineHeight: CELL_LINE,
        align: cell.align,
      });
    });
    ctx.page.drawRectangle({ x: cell.x, y: top - height, width: cell.width, height, borderColor: COLOR.border, borderWidth: TABLE.borderWidth });
  }
  ctx.y = top - height;
}

/** Thicker outer frame around the part of a table on one page, as printed forms have. */
export function drawFrame(ctx: RenderContext, top: number, bottom: number): void {
  if (top - bottom < 1) return;
  ctx.page.drawRectangle({ x: ctx.left, y: bottom, width: ctx.width, height: top - bottom, borderColor: COLOR.border, borderWidth: TABLE.frameWidth });
}

/**
 * Draw a laid-out row at the cursor, breaking the page first when it does not fit. A row taller than a whole
 * page is split between lines. `onNewPage` runs after every page break (tables repeat their header there).
 */
export function placeRow(ctx: RenderContext, row: LaidRow, onPageBreak: () => void, onNewPage: () => void): void {
  const pageLines = Math.floor((ctx.pageCapacity - 2 * TABLE.padY) / CELL_LINE);
  let from = 0;
  let fresh = false;
  while (from < row.lineCount) {
    const fitLines = Math.floor((ctx.remaining - 2 * TABLE.padY) / CELL_LINE);
    const rest = row.lineCount - from;
    if (fitLines >= rest) {
      drawRowSlice(ctx, row, from, row.lineCount);
      return;
    }
    if (fresh && fitLines < 1) throw new Error('文书排版错误 table header leaves no room for a row on a new page');
    // Split a row only when it cannot fit on any page, or it already starts a page; never leave a one-line sliver.
    if ((fresh && fitLines >= 1) || (rest > pageLines && fitLines >= 2)) {
      drawRowSlice(ctx, row, from, from + fitLines);
      from += fitLines;
    }
    onPageBreak();
    ctx.newPage();
    onNewPage();
    fresh = true;
  }
}
