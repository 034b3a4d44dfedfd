/**
 * What an incremental update must know about the file's latest revision (ISO 32000-1 §7.5.6): where its
 * cross-reference section starts (the new section's /Prev), whether it is a table or a stream (the update
 * uses the same kind, so readers that only know one kind keep working), and its /Size.
 */
export interface PdfFileTail {
  startxref: number;
  xrefKind: 'table' | 'stream';
  size: number;
}

const TAIL_WINDOW = 2048;

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, end - start)).toString('latin1');
}

export function readPdfFileTail(pdf: Uint8Array): PdfFileTail {
  const tail = latin1(pdf, Math.max(0, pdf.length - TAIL_WINDOW), pdf.length);
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new Error('PDF 文件结尾无效 no startxref/%%EOF at the end of the file');
  const startxref = Number(match[1]);
  if (!Number.isSafeInteger(startxref) || startxref >= pdf.length) throw new Error('PDF startxref 偏移无效 startxref out of range');

  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  const head = latin1(pdf, startxref, Math.min(pdf.length, startxref + 64));
  if (/^\s*xref\b/.test(head)) {
    const trailerAt = bytes.indexOf('trailer', startxref, 'latin1');
    const trailer = trailerAt < 0 ? '' : latin1(pdf, trailerAt, Math.min(pdf.length, trailerAt + 4096));
    const size = /^trailer\s*<<[\s\S]*?\/Size\s+(\d+)/.exec(trailer);
    if (!size) throw new Error('PDF trailer 缺少 /Size');
    return { startxref, xrefKind: 'table', size: Number(size[1]) };
  }
  if (/^\s*\d+\s+\d+\s+obj\b/.test(head)) {
    const streamAt = bytes.indexOf('stream', startxref, 'latin1');
    const dictionary = streamAt < 0 ? '' : latin1(pdf, startxref, streamAt);
    const size = /\/Size\s+(\d+)/.exec(dictionary);
    if (!/\/Type\s*\/XRef\b/.test(dictionary) || !size) throw new Error('PDF 交叉引用流无效 startxref does not point at an XRef stream');
    return { startxref, xrefKind: 'stream', size: Number(size[1]) };
  }
  throw new Error('PDF startxref 未指向交叉引用 startxref points at neither xref nor an XRef stream');
}
