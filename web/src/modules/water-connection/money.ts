/**
 * Money typed by people in yuan ("1,280.5") becomes integer fen for the API, by string arithmetic so that no
 * float rounding creeps in (0.29 yuan is 29 fen, never 28.999…).
 */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/[,，\s]/g, '').replace(/^¥/, '');
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}
