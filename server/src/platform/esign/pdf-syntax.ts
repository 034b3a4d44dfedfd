/** PDF text string (ISO 32000-1 §7.9.2.2) as a hex string of UTF-16BE with a byte-order mark: safe for any text. */
export function pdfTextString(text: string): string {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** PDF date (§7.9.4) in Asia/Shanghai time, how users read it: `D:20260830093000+08'00'`. */
export function pdfDate(date: Date): string {
  const local = new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `D:${local.slice(0, 19).replace(/[-:T]/g, '')}+08'00'`;
}
