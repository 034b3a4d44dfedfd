import type { RenderContext } from './render-context.js';
import type { PdfDocumentSpec } from './document.types.js';
import { COLOR, FOOTER, PAGE, QR, SIZE } from './page-style.js';
import { drawQrCode } from './qr-code.js';

/** `第 1 页 / 共 2 页` */
export function pageNumberText(page: number, total: number): string {
  return `第 ${page} 页 / 共 ${total} 页`;
}

/** QR code in the top margin of page 1, right side, with its caption under it. */
export function renderVerificationCode(ctx: RenderContext, spec: PdfDocumentSpec): void {
  if (!spec.verification) return;
  const page = ctx.pages[0]!;
  const x = PAGE.width - PAGE.marginRight - QR.size;
  const y = PAGE.height - QR.top - QR.size;
  drawQrCode(page, spec.verification.url, x, y, QR.size);
  ctx.drawLine(spec.verification.caption ?? '扫码核验', {
    face: ctx.fonts.regular,
    size: SIZE.qrCaption,
    x,
    width: QR.size,
    top: y + 1,
    lineHeight: SIZE.qrCaption * 1.3,
    align: 'center',
    color: COLOR.muted,
    page,
  });
}

/**
 * Drawn after the body, when the page count is known: on every page a rule, the footer text on the left and
 * the page number on the right; from page 2 on, the title as a running header so loose pages stay identifiable.
 */
export function renderPageFurniture(ctx: RenderContext, spec: PdfDocumentSpec): void {
  const total = ctx.pages.length;
  const footerFace = ctx.fonts.regular;
  const numberWidth = ctx.width * 0.3;
  const footerLine = spec.footer ? ctx.wrap(spec.footer, footerFace, SIZE.footer, ctx.width - numberWidth)[0] ?? '' : '';
  const header = spec.subtitle ? `${spec.title}\u3000${spec.subtitle}` : spec.title;
  const headerLine = ctx.wrap(header, footerFace, SIZE.runningHeader, ctx.width)[0] ?? '';
  const lineHeight = SIZE.footer * 1.4;
  ctx.pages.forEach((page, i) => {
    page.drawLine({ start: { x: ctx.left, y: FOOTER.ruleY }, end: { x: ctx.left + ctx.width, y: FOOTER.ruleY }, thickness: 0.5, color: COLOR.rule });
    const top = FOOTER.textY + lineHeight / 2;
    if (footerLine) ctx.drawLine(footerLine, { face: footerFace, size: SIZE.footer, x: ctx.left, width: ctx.width, top, lineHeight, color: COLOR.muted, page });
    ctx.drawLine(pageNumberText(i + 1, total), {
      face: footerFace,
      size: SIZE.footer,
      x: ctx.left + ctx.width - numberWidth,
      width: numberWidth,
      top,
      lineHeight,
      align: 'right',
      page,
    });
    if (i > 0) {
      const ruleY = PAGE.height - PAGE.marginTop + 14;
      ctx.drawLine(headerLine, { face: footerFace, size: SIZE.runningHeader, x: ctx.left, width: ctx.width, top: ruleY + lineHeight + 2, lineHeight, align: 'center', color: COLOR.muted, page });
      page.drawLine({ start: { x: ctx.left, y: ruleY }, end: { x: ctx.left + ctx.width, y: ruleY }, thickness: 0.5, color: COLOR.rule });
    }
  });
}
