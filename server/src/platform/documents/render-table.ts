import type { RenderContext } from './render-context.js';
import type { TableBlock } from './document.types.js';
import { COLOR, LEADING, SIZE } from './page-style.js';
import { drawFrame, layoutRow, placeRow, rowHeight, type CellSpec, type LaidRow } from './table-grid.js';

const TABLE_GAP = 8;

/** Column boxes from relative widths. */
function columnBoxes(ctx: RenderContext, block: TableBlock): { x: number; width: number }[] {
  const total = block.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  let x = ctx.left;
  return block.columns.map((c) => {
    const width = (ctx.width * (c.width ?? 1)) / total;
    const box = { x, width };
    x += width;
    return box;
  });
}

export function renderCaption(ctx: RenderContext, caption: string, keepWith: number): void {
  const lineHeight = SIZE.heading2 * LEADING.body;
  const lines = ctx.wrap(caption, ctx.fonts.bold, SIZE.heading2, ctx.width);
  ctx.ensure(lines.length * lineHeight + keepWith);
  for (const line of lines) {
    ctx.drawLine(line, { face: ctx.fonts.bold, size: SIZE.heading2, x: ctx.left, width: ctx.width, top: ctx.y, lineHeight, align: 'center' });
    ctx.y -= lineHeight;
  }
}

/** 数据表 with a shaded header row that is drawn again at the top of every page the table continues on. */
export function renderTable(ctx: RenderContext, block: TableBlock): void {
  const columns = block.columns.length;
  if (columns === 0) throw new Error('文书模板错误 table needs at least one column');
  block.rows.forEach((row, i) => {
    if (row.length !== columns) throw new Error(`文书模板错误 table row ${i + 1} has ${row.length} cells, expected ${columns}`);
  });
  const boxes = columnBoxes(ctx, block);
  const header: LaidRow = layoutRow(
    ctx,
    block.columns.map((c, i): CellSpec => ({ ...boxes[i]!, text: c.header, face: ctx.fonts.bold, align: 'center', fill: COLOR.headerFill })),
  );
  const rows = block.rows.map((cells, r) => {
    const total = block.totalRow === true && r === block.rows.length - 1;
    return layoutRow(
      ctx,
      cells.map((text, i): CellSpec => ({ ...boxes[i]!, text, face: total ? ctx.fonts.bold : ctx.fonts.regular, align: block.columns[i]!.align ?? 'left' })),
    );
  });

  const headerHeight = rowHeight(header.lineCount);
  const firstRowHeight = rows[0] ? rowHeight(rows[0].lineCount) : 0;
  if (block.caption) renderCaption(ctx, block.caption, headerHeight + firstRowHeight);
  // The header never stands alone at the foot of a page.
  ctx.ensure(headerHeight + Math.min(firstRowHeight, ctx.pageCapacity / 3));

  let segmentTop = ctx.y;
  const drawHeader = (): void => {
    segmentTop = ctx.y;
    placeRow(ctx, header, () => undefined, () => undefined);
  };
  drawHeader();
  for (const row of rows) {
    placeRow(ctx, row, () => drawFrame(ctx, segmentTop, ctx.y), drawHeader);
  }
  drawFrame(ctx, segmentTop, ctx.y);
  ctx.y -= TABLE_GAP;
}
