import QRCode from 'qrcode';
import { fill, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor, type PDFOperator, type PDFPage } from 'pdf-lib';

/** Quiet zone required around a QR symbol (ISO/IEC 18004 §6.3.8): 4 modules. */
export const QR_QUIET_MODULES = 4;

/** Dark modules of the QR symbol for `text` (error correction M: survives a stamp or a fold). */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(Boolean(modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}

/**
 * Draw the symbol as vector rectangles (sharp at any zoom and print resolution, no image object) with its
 * quiet zone inside the `size` × `size` box whose lower-left corner is (x, y). Runs of dark modules in a
 * row become one rectangle, and all of them one path filled once, which keeps the content stream short.
 */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const matrix = qrMatrix(text);
  const n = matrix.length;
  const cell = size / (n + 2 * QR_QUIET_MODULES);
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let r = 0; r < n; r++) {
    const row = matrix[r]!;
    let c = 0;
    while (c < n) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && row[c]) c++;
      // A hair taller than the module so anti-aliasing leaves no white seams between rows.
      ops.push(rectangle(round(x + (QR_QUIET_MODULES + start) * cell), round(y + size - (QR_QUIET_MODULES + r + 1) * cell), round((c - start) * cell), round(cell + 0.05)));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
