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
  const groups = groupPairs(block.rows, perRow);
  // Each label column is as wide as its own longest label (left labels are often short, right ones long).
  const labelWidth = (keys: string[]): number => {
    const longest = Math.max(0, ...keys.map((k) => ctx.textWidth(k, ctx.fonts.regular, CELL_SIZE)));
    return Math.min(Math.max(longest + 2 * TABLE.padX + 1, ctx.width * LABEL_SHARE_MIN), ctx.width * LABEL_SHARE_MAX[perRow]);
  };
  const labelWidths = [labelWidth(groups.map((g) => g[0]!.key)), labelWidth(groups.flatMap((g) => (g[1] ? [g[1].key] : [])))];
  const laidRows = groups.map((pairs) => {
    const cells: CellSpec[] = [];
    let x = ctx.left;
    const pairWidth = pairs.length === 2 ? ctx.width / 2 : ctx.width;
    pairs.forEach((pair, i) => {
      const width = labelWidths[i]!;
      cells.push({ x, width, text: pair.key, face: ctx.fonts.regular, align: 'center', fill: COLOR.labelFill });
      cells.push({ x: x + width, width: pairWidth - width, text: pair.value, face: ctx.fonts.regular, align: 'left' });
      x += pairWidth;
    });
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
