import type { PdfFileTail } from './pdf-file-tail.js';

/** An indirect object to write: new, or a new version of an existing one (same number and generation). */
export interface IndirectObject {
  number: number;
  generation: number;
  /** The object's value in PDF syntax (what goes between `obj` and `endobj`). */
  body: Buffer;
}

/** Trailer entries carried into the new revision, already in PDF syntax (`12 0 R`, `[<…> <…>]`). */
export interface TrailerEntries {
  Root: string;
  Info?: string;
  ID?: string;
}

export interface IncrementalUpdate {
  /** The whole file: the original bytes untouched, then the update. */
  pdf: Buffer;
  /** Byte offset of each written object in `pdf`. */
  offsets: Map<number, number>;
}

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Contiguous runs of object numbers: the subsections of a cross-reference section. */
function runs(numbers: readonly number[]): Array<{ first: number; count: number }> {
  const sorted = [...numbers].sort((a, b) => a - b);
  const out: Array<{ first: number; count: number }> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last.first + last.count === n) last.count++;
    else out.push({ first: n, count: 1 });
  }
  return out;
}

function trailerEntries(trailer: TrailerEntries, size: number, prev: number): string {
  return [
    `/Size ${size}`,
    `/Root ${trailer.Root}`,
    ...(trailer.Info ? [`/Info ${trailer.Info}`] : []),
    ...(trailer.ID ? [`/ID ${trailer.ID}`] : []),
    `/Prev ${prev}`,
  ].join('\n');
}

/**
 * Appends objects as a new revision (ISO 32000-1 §7.5.6). Nothing before the end of the original file changes,
 * which is what keeps earlier signatures valid: their byte ranges still hash to the same digest.
 */
export function writeIncrementalUpdate(
  original: Uint8Array,
  tail: PdfFileTail,
  objects: readonly IndirectObject[],
  trailer: TrailerEntries,
): IncrementalUpdate {
  const chunks: Buffer[] = [Buffer.from(original.buffer, original.byteOffset, original.length)];
  let position = original.length;
  const push = (chunk: Buffer): void => {
    chunks.push(chunk);
    position += chunk.length;
  };
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push(ascii('\n'));

  const offsets = new Map<number, number>();
  const generations = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.number, position);
    generations.set(object.number, object.generation);
    push(ascii(`${object.number} ${object.generation} obj\n`));
    push(object.body);
    push(ascii('\nendobj\n'));
  }
  const highest = Math.max(...objects.map((o) => o.number));

  if (tail.xrefKind === 'table') {
    const size = Math.max(tail.size, highest + 1);
    const xrefOffset = position;
    const lines = ['xref'];
    for (const { first, count } of runs([...offsets.keys()])) {
      lines.push(`${first} ${count}`);
      for (let n = first; n < first + count; n++) {
        // Exactly 20 bytes per entry, ending in CR LF (§7.5.4).
        lines.push(`${String(offsets.get(n)).padStart(10, '0')} ${String(generations.get(n)).padStart(5, '0')} n\r`);
      }
    }
    push(ascii(`${lines.join('\n')}\ntrailer\n<<\n${trailerEntries(trailer, size, tail.startxref)}\n>>\nstartxref\n${xrefOffset}\n%%EOF\n`));
  } else {
    // A cross-reference stream (§7.5.8), listing itself too; entries: type 1, 4-byte offset, 2-byte generation.
    const xrefNumber = Math.max(tail.size, highest + 1);
    const size = xrefNumber + 1;
    const xrefOffset = position;
    offsets.set(xrefNumber, xrefOffset);
    generations.set(xrefNumber, 0);
    const subsections = runs([...offsets.keys()]);
    const data = Buffer.alloc(7 * offsets.size);
    let at = 0;
    for (const { first, count } of subsections) {
      for (let n = first; n < first + count; n++) {
        data.writeUInt8(1, at);
        data.writeUInt32BE(offsets.get(n)!, at + 1);
        data.writeUInt16BE(generations.get(n)!, at + 5);
        at += 7;
      }
    }
    const index = subsections.map(({ first, count }) => `${first} ${count}`).join(' ');
    push(ascii(`${xrefNumber} 0 obj\n<<\n/Type /XRef\n${trailerEntries(trailer, size, tail.startxref)}\n/W [1 4 2]\n/Index [${index}]\n/Length ${data.length}\n>>\nstream\n`));
    push(data);
    push(ascii(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`));
  }
  return { pdf: Buffer.concat(chunks), offsets };
}
