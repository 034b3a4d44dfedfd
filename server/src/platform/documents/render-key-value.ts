import type { RenderContext } from './render-context.js';
import type { KeyValueBlock, KeyValueRow } from './document.types.js';
import { COLOR, TABLE } from './page-style.js';
import { CELL_SIZE, drawFrame, layoutRow, placeRow, rowHeight, type CellSpec } from './table-grid.js';
import { renderCaption } from './render-table.js';

const BLOCK_GAP = 8;
/** Label column share of the table width: as wide as the longest label, within these bounds. */
const LABEL_SHARE_MIN = 0.14;
const LABEL_SHARE_MAX: Record<1 | 2, number> = { 1: 0.3, 2: 0.22 };

/** Group pairs into printed rows: two per row, except `span` pairs and a last odd pair, which take the row. */
function groupPairs(rows: KeyValueRow[], perRow: 1 | 2): KeyValueRow[][] {
  if (perRow === 1) return rows.map((r) => [r]);
  const out: KeyValueRow[][] = [];
  let pending: KeyValueRow | null = null;
  for (const row of rows) {
    if (row.span) {
      if (pending) out.push([pending]);
      pending = null;
      out.push([row]);
    } else if (pending) {
      out.push([pending, row]);
      pending = null;
    } else {
      pending = row;
    }
  }
  if (pending) out.push([pending]);
  return out;
}

/** 信息表: shaded labels, values beside them, bordered like a printed form. */
export function renderKeyValue(ctx: RenderContext, block: KeyValueBlock): void {
  const perRow = block.columns ?? 2;
  const longest = Math.max(0, ...block.rows.map((r) => ctx.textWidth(r.key, ctx.fonts.regular, CELL_SIZE)));
  const labelWidth = Math.min(Math.max(longest + 2 * TABLE.padX + 1, ctx.width * LABEL_SHARE_MIN), ctx.width * LABEL_SHARE_MAX[perRow]);
  const laidRows = groupPairs(block.rows, perRow).map((pairs) => {
    const cells: CellSpec[] = [];
    let x = ctx.left;
    const pairWidth = pairs.length === 2 ? ctx.width / 2 : ctx.width;
    for (const pair of pairs) {
      cells.push({ x, width: labelWidth, text: pair.key, face: ctx.fonts.regular, align: 'center', fill: COLOR.labelFill });
      cells.push({ x: x + labelWidth, width: pairWidth - labelWidth, text: pair.value, face: ctx.fonts.regular, align: 'left' });
      x += pairWidth;
    }
    return layoutRow(ctx, cells);
  });
  const first = laidRows[0];
  if (!first) return;
  if (block.caption) renderCaption(ctx, block.caption, rowHeight(first.lineCount));
  let segmentTop = ctx.y;
  for (const row of laidRows) {
    placeRow(
      ctx,
      row,
      () => drawFrame(ctx, segmentTop, ctx.y),
      () => {
        segmentTop = ctx.y;
      },
    );
  }
  drawFrame(ctx, segmentTop, ctx.y);
  ctx.y -= BLOCK_GAP;
}
