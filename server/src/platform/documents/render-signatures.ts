import type { RenderContext } from './render-context.js';
import type { SignatureBlock, SignatureParty } from './document.types.js';
import { LEADING, SIGNATURE_AREA_HEIGHT, SIZE } from './page-style.js';
import { formatDateZh } from './format.js';

const BLOCK_BEFORE = 12;
const COLUMN_GAP = 18;
const NO_BODY_TEXT = '（此页无正文，为签章页）';

function partyLines(ctx: RenderContext, party: SignatureParty, width: number): { label: string[]; name: string[] } {
  const label = `${party.role}${party.seal === false ? '' : '（盖章）'}：`;
  return {
    label: ctx.wrap(label, ctx.fonts.bold, SIZE.body, width),
    name: party.name ? ctx.wrap(party.name, ctx.fonts.regular, SIZE.body, width) : [],
  };
}

/**
 * 签章区: each party gets its label, printed name, an empty area for the signature or seal and a date line.
 * Two parties a row (a single party sits on the right, where Chinese documents put the signatory). A row is
 * never split over pages. The empty areas are recorded so platform/esign can place a visible seal in them.
 */
export function renderSignatures(ctx: RenderContext, block: SignatureBlock): void {
  const lineHeight = SIZE.body * LEADING.body;
  const columnWidth = (ctx.width - COLUMN_GAP) / 2;
  const dateText = `日期：${block.date ? formatDateZh(block.date) : '　　　　年　　月　　日'}`;
  ctx.y -= BLOCK_BEFORE;
  for (let i = 0; i < block.parties.length; i += 2) {
    const row = block.parties.slice(i, i + 2);
    const laid = row.map((party) => ({ party, ...partyLines(ctx, party, columnWidth) }));
    const textLines = Math.max(...laid.map((p) => p.label.length + p.name.length));
    if (ctx.ensure(textLines * lineHeight + SIGNATURE_AREA_HEIGHT + lineHeight + 8)) {
      // A signature page without body text says so, so no text can be slipped in above the seals later.
      ctx.drawLine(NO_BODY_TEXT, { face: ctx.fonts.regular, size: SIZE.body, x: ctx.left, width: ctx.width, top: ctx.y, lineHeight, align: 'left' });
      ctx.y -= lineHeight * 2;
    }
    const top = ctx.y;
    laid.forEach((p, column) => {
      const x = ctx.left + (row.length === 1 ? 1 : column) * (columnWidth + COLUMN_GAP);
      let y = top;
      for (const line of p.label) {
        ctx.drawLine(line, { face: ctx.fonts.bold, size: SIZE.body, x, width: columnWidth, top: y, lineHeight });
        y -= lineHeight;
      }
      for (const line of p.name) {
        ctx.drawLine(line, { face: ctx.fonts.regular, size: SIZE.body, x, width: columnWidth, top: y, lineHeight });
        y -= lineHeight;
      }
      y = top - textLines * lineHeight;
      ctx.signatureAreas.push({ role: p.party.role, page: ctx.pageIndex, x, y: y - SIGNATURE_AREA_HEIGHT, width: columnWidth, height: SIGNATURE_AREA_HEIGHT });
      y -= SIGNATURE_AREA_HEIGHT;
      ctx.drawLine(dateText, { face: ctx.fonts.regular, size: SIZE.body, x, width: columnWidth, top: y, lineHeight });
    });
    ctx.y = top - textLines * lineHeight - SIGNATURE_AREA_HEIGHT - lineHeight - 8;
  }
}
