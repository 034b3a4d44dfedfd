import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCjk, wrapText } from './line-break.js';

// Monospace model of a CJK font: ideographs and full-width punctuation 1 em, everything else half.
const advance = (cp: number): number => (isCjk(cp) ? 1 : 0.5);
const width = (s: string): number => Array.from(s).reduce((w, ch) => w + advance(ch.codePointAt(0)!), 0);

const CLOSING = '，。、；：？！）》」”';
const OPENING = '（《「“';

describe('wrapText', () => {
  it('breaks Chinese text between any two characters, filling each line', () => {
    expect(wrapText('中华人民共和国企业破产法', 5, advance)).toEqual(['中华人民共', '和国企业破', '产法']);
  });

  it('keeps Latin words and codes whole and breaks at spaces', () => {
    const lines = wrapText('申请编号 WS-20260830-0001 已受理', 9, advance);
    expect(lines).toEqual(['申请编号', 'WS-20260830-0001', '已受理']);
  });

  it('does not start a line with closing punctuation (禁则)', () => {
    // A naive break after 4 characters would put ， first on line 2.
    const lines = wrapText('甲乙丙丁，戊己', 4, advance);
    expect(lines[1]!.startsWith('，')).toBe(false);
    expect(lines.join('')).toBe('甲乙丙丁，戊己');
  });

  it('does not end a line with opening punctuation (禁则)', () => {
    const lines = wrapText('甲乙丙《丁戊》', 4, advance);
    expect(lines[0]!.endsWith('《')).toBe(false);
    expect(lines.join('')).toBe('甲乙丙《丁戊》');
  });

  it('cuts a word wider than the line', () => {
    expect(wrapText('ABCDEFGHIJ', 2, advance)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('honours line feeds and a narrower first line', () => {
    expect(wrapText('一二三四\n五六', 3, advance, 2)).toEqual(['一二', '三四', '五六']);
  });

  it('returns one empty line for empty text', () => {
    expect(wrapText('', 10, advance)).toEqual(['']);
  });

  it('never exceeds the width and never loses a character (property)', () => {
    const alphabet = fc.constantFrom(...Array.from('营商环境破产债权人会议' + CLOSING + OPENING + 'ab12  '));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), fc.integer({ min: 3, max: 20 }), (text, max) => {
        const lines = wrapText(text, max, advance);
        for (const line of lines) expect(width(line)).toBeLessThanOrEqual(max);
        // Only spaces may disappear (at breaks and in runs); every other character survives in order.
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        for (const line of lines) expect(line).toBe(line.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('breaks before a closing mark or after an opening mark only when nothing else fits (property)', () => {
    const alphabet = fc.constantFrom(...Array.from('营商环境破产债权人会议' + CLOSING + OPENING + 'ab12'));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), fc.integer({ min: 3, max: 20 }), (text, max) => {
        const lines = wrapText(text, max, advance);
        expect(lines.join('')).toBe(text);
        for (let i = 1; i < lines.length; i++) {
          const prev = lines[i - 1]!;
          const first = Array.from(lines[i]!)[0]!;
          const brokenAtMark = CLOSING.includes(first) || OPENING.includes(prev[prev.length - 1]!);
          // Such a break happens only when the line was full: the next character could not have joined it.
          if (brokenAtMark) expect(width(prev) + width(first)).toBeGreaterThan(max);
        }
      }),
      { numRuns: 300 },
    );
  });
});
