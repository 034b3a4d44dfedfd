/**
 * Line breaking for mixed Chinese / Latin text (a practical subset of UAX #14 plus Chinese 禁则):
 * - a line may break between any two CJK characters;
 * - Latin words, numbers and codes (`WS-20260830-0001`, `3501**********1234`) are kept whole, and only cut
 *   when one alone is wider than the line;
 * - closing punctuation (，。、）》” …) never starts a line and opening punctuation (（《“ …) never ends one
 *   (GB/T 15834 标点符号用法: these marks stay with the character they belong to);
 * - spaces are break points and vanish at the start and end of a line; `\n` forces a break.
 */

/** Advance width of one code point, in the same unit as the line width. */
export type AdvanceFn = (codePoint: number) => number;

const NO_LINE_START = new Set(
  Array.from('，。、；：？！）》」』】〕〉〗〙〛”’…‥·・%‰℃,.;:?!)]}>' + '\u30FC\u3005\u301F\uFF5E\uFF09\uFF3D\uFF5D\uFF0C\uFF0E'),
);
const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖〘〚“‘([{<￥$¥' + '\uFF08\uFF3B\uFF5B'));

/** True for characters that may be broken around like ideographs (Han, kana, Hangul, CJK and full-width punctuation). */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // radicals, CJK symbols and punctuation, kana, CJK unified ideographs
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7ff) || // Hangul
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) || // half- and full-width forms
    (cp >= 0x20000 && cp <= 0x3ffff) || // extension B and later
    cp === 0x2014 || // —— dash (used doubled in Chinese)
    cp === 0x2026 || // …
    cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 // curly quotes in Chinese text
  );
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

interface Token {
  text: string;
  width: number;
  space: boolean;
}

/** Split one hard line into unbreakable groups separated by break opportunities. */
function tokenize(line: string, advance: AdvanceFn): Token[] {
  const units: Token[] = [];
  let word = '';
  let wordWidth = 0;
  const flushWord = (): void => {
    if (word) units.push({ text: word, width: wordWidth, space: false });
    word = '';
    wordWidth = 0;
  };
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    if (isSpace(ch)) {
      flushWord();
      units.push({ text: ' ', width: advance(0x20), space: true });
    } else if (isCjk(cp)) {
      flushWord();
      units.push({ text: ch, width: advance(cp), space: false });
    } else {
      word += ch;
      wordWidth += advance(cp);
    }
  }
  flushWord();

  // Glue units that must not be separated (禁则) into one group.
  const groups: Token[] = [];
  for (const unit of units) {
    const prev = groups[groups.length - 1];
    const first = Array.from(unit.text)[0]!;
    const glue =
      prev !== undefined &&
      !prev.space &&
      !unit.space &&
      (NO_LINE_START.has(first) || NO_LINE_END.has(lastChar(prev.text)) || (!endsCjk(prev.text) && !startsCjk(unit.text)));
    if (glue) {
      prev.text += unit.text;
      prev.width += unit.width;
    } else {
      groups.push({ ...unit });
    }
  }
  return groups;
}

function lastChar(s: string): string {
  const chars = Array.from(s);
  return chars[chars.length - 1] ?? '';
}
function endsCjk(s: string): boolean {
  return isCjk(lastChar(s).codePointAt(0) ?? 0);
}
function startsCjk(s: string): boolean {
  return isCjk(s.codePointAt(0) ?? 0);
}

/** Cut a group wider than the line into pieces that fit, character by character. */
function hardSplit(group: Token, maxWidth: number, advance: AdvanceFn): Token[] {
  const pieces: Token[] = [];
  let text = '';
  let width = 0;
  for (const ch of group.text) {
    const w = advance(ch.codePointAt(0)!);
    if (text && width + w > maxWidth) {
      pieces.push({ text, width, space: false });
      text = '';
      width = 0;
    }
    text += ch;
    width += w;
  }
  if (text) pieces.push({ text, width, space: false });
  return pieces;
}

/**
 * Break `text` into lines no wider than `maxWidth` (the first line may be narrower, for 首行缩进).
 * Returns at least one line (possibly empty) per hard line.
 */
export function wrapText(text: string, maxWidth: number, advance: AdvanceFn, firstLineWidth = maxWidth): string[] {
  const out: string[] = [];
  const hardLines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const hardLine of hardLines) {
    let lineText = '';
    let lineWidth = 0;
    let pendingSpace: Token | null = null;
    let limit = out.length === 0 ? firstLineWidth : maxWidth;
    const push = (): void => {
      out.push(lineText);
      lineText = '';
      lineWidth = 0;
      pendingSpace = null;
      limit = maxWidth;
    };
    const place = (group: Token): void => {
      const spaceWidth = pendingSpace?.width ?? 0;
      if (lineText && lineWidth + spaceWidth + group.width > limit) push();
      if (group.width > limit) {
        const pieces = hardSplit(group, limit, advance);
        for (const piece of pieces) {
          if (lineText && lineWidth + piece.width > limit) push();
          lineText += piece.text;
          lineWidth += piece.width;
        }
        return;
      }
      if (lineText && pendingSpace) {
        lineText += ' ';
        lineWidth += spaceWidth;
      }
      pendingSpace = null;
      lineText += group.text;
      lineWidth += group.width;
    };
    for (const group of tokenize(hardLine, advance)) {
      if (group.space) {
        // Collapse runs of spaces into one break opportunity; drop those at a line start.
        if (lineText) pendingSpace = group;
        continue;
      }
      place(group);
    }
    out.push(lineText);
  }
  return out;
}
