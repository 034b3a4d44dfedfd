import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalLineWriter, LoneSurrogateError } from './canonical-line-writer.js';
import type { InspectorEntry, TargetEntry } from './draw.types.js';
import { canonicalInspectorLine, canonicalTargetLine } from './roster-hash.js';

const target: TargetEntry = { id: '91350300MA2Y00001X', name: '莆田市小吃店', industry: 'H62', district: '350302', creditClass: 'C', flags: ['seriousViolation', 'complaint'] };
const inspector: InspectorEntry = { id: 'ZF-0001', name: '林某', department: 'SJ', district: '350302', qualifications: ['general', 'food'], conflicts: ['B', 'A'] };

function bytesOf(write: (w: CanonicalLineWriter) => void, bufferChunks?: Buffer[]): Buffer {
  const chunks = bufferChunks ?? [];
  const w = new CanonicalLineWriter((b) => chunks.push(Buffer.from(b)));
  write(w);
  w.flush();
  return Buffer.concat(chunks);
}

describe('canonical line writer', () => {
  it('writes exactly the UTF-8 of the string form, for arbitrary strings (property)', () => {
    const anyString = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'binary' }), fc.constantFrom('"\\', '\u0000\u001f\u007f', '😀莆田', '\u2028', 'é'));
    fc.assert(
      fc.property(anyString, anyString, fc.array(anyString, { maxLength: 4 }), (name, id, conflicts) => {
        const t = { ...target, name, id };
        const p = { ...inspector, name, conflicts };
        let expected: string;
        try {
          expected = canonicalTargetLine(t) + '\n' + canonicalInspectorLine(p) + '\n';
        } catch (e) {
          expect(e).toBeInstanceOf(LoneSurrogateError);
          expect(() => bytesOf((w) => (w.targetLine(t), w.inspectorLine(p)))).toThrow(LoneSurrogateError);
          return;
        }
        expect(bytesOf((w) => (w.targetLine(t), w.inspectorLine(p))).toString('utf8')).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('splits long output over several sink calls that concatenate to the same bytes', () => {
    const chunks: Buffer[] = [];
    // Entry 1000 alone needs more room than the 1 MB buffer (escapes counted at 6 bytes a code unit).
    const entries = Array.from({ length: 6000 }, (_, i) => ({ ...target, id: `ID${i}`, name: i === 1000 ? '长"'.repeat(100_000) : '莆田'.repeat(50) }));
    const bytes = bytesOf((w) => entries.forEach((e) => w.targetLine(e)), chunks);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const text = entries.map((e) => canonicalTargetLine(e) + '\n').join('');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
