import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import type { Font, Glyph, GlyphRun } from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * Noto Serif SC (思源宋体), SIL Open Font License 1.1, installed by npm as `@expo-google-fonts/noto-serif-sc`
 * (see README.md). Its Google Fonts build has TrueType (`glyf`) outlines, which fontkit subsets reliably;
 * the CFF-based OTF/TTC builds of the same design do not survive pdf-lib's subsetter in every viewer.
 * A 宋体 face is the usual face of Chinese forms and official documents.
 */
export type FontRole = 'regular' | 'bold';

const FILES: Record<FontRole, string> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};

export interface LoadedFont {
  role: FontRole;
  bytes: Uint8Array;
  font: Font;
  postscriptName: string;
  /** Advance width per code point in font units, filled on demand (the line breaker asks per character). */
  advanceCache: Map<number, number>;
}

const require = createRequire(import.meta.url);

/** The parts of fontkit's TTFSubset that the work-around below touches. */
interface TtfSubsetInternals {
  loca?: { version?: number };
  _addGlyph?: (this: TtfSubsetInternals, glyphId: number) => number;
}

/**
 * fontkit's TrueType subsetter picks the short `loca` format (offsets / 2) whenever the subset's glyph data
 * is under 64 KB, but copies glyph records unpadded; Noto's glyphs have odd lengths, so short offsets cut
 * glyphs mid-record and viewers draw nothing for most characters of small subsets (seen with the bold face
 * used only in headings). Forcing the long format (`loca` version 1) keeps every offset exact; it costs two
 * bytes per glyph. `encode` resets `loca` before adding glyphs, so the flag is set on the first glyph added.
 */
function forceLongLoca(font: Font): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const internals = subset as unknown as TtfSubsetInternals;
    const addGlyph = internals._addGlyph;
    if (typeof addGlyph === 'function') {
      internals._addGlyph = function (this: TtfSubsetInternals, glyphId: number): number {
        if (this.loca) this.loca.version = 1;
        return addGlyph.call(this, glyphId);
      };
    }
    return subset;
  };
}
const loaded = new Map<FontRole, LoadedFont>();
const byBytes = new Map<Uint8Array, Font>();

/**
 * Replace fontkit's OpenType shaping with a plain cmap lookup for the fonts we load. pdf-lib calls
 * `font.layout` for every string it draws or measures and uses only the glyphs; shaping (GSUB/GPOS
 * lookups) took a third of render time and adds nothing to Chinese text in a Simplified Chinese font, and
 * a plain lookup makes drawn widths equal to the widths the line breaker measures.
 *
 * The font is shared across documents and fontkit caches one Glyph object per glyph id, carrying the code
 * points of whichever request created it. Where that differs from the character asked for (two characters
 * with one glyph, such as a Kangxi radical and its ideograph) the glyph is wrapped with its own code point,
 * so the ToUnicode map of a document depends only on that document's text, never on what the process drew
 * before (reproducible bytes, correct text extraction).
 */
function plainLayout(font: Font): void {
  font.layout = (text: string): GlyphRun => {
    const glyphs: Glyph[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const glyph = font.glyphForCodePoint(cp);
      glyphs.push(glyph.codePoints.length === 1 && glyph.codePoints[0] === cp ? glyph : (Object.create(glyph, { codePoints: { value: [cp] } }) as Glyph));
    }
    // pdf-lib reads only `glyphs` from the run.
    return { glyphs, positions: [] } as unknown as GlyphRun;
  };
}

/** Read and parse a font once per process: each file is ~15 MB, and parsing its tables is the slow part. */
export function loadFont(role: FontRole): LoadedFont {
  const cached = loaded.get(role);
  if (cached) return cached;
  const bytes = new Uint8Array(readFileSync(require.resolve(FILES[role])));
  const font = fontkit.create(bytes);
  forceLongLoca(font);
  plainLayout(font);
  const entry: LoadedFont = {
    role,
    bytes,
    font,
    postscriptName: font.postscriptName ?? `NotoSerifSC-${role}`,
    advanceCache: new Map(),
  };
  byBytes.set(bytes, font);
  loaded.set(role, entry);
  return entry;
}

/**
 * pdf-lib calls `fontkit.create(bytes)` for every document it embeds a font in. Handing it the already
 * parsed font for our cached byte arrays keeps per-document work to layout and subsetting. The shared Font
 * is only read (glyph lookups and its glyph cache); each document gets its own Subset object.
 */
export const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = byBytes.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      forceLongLoca(font);
    }
    return font as unknown as ReturnType<Fontkit['create']>;
  },
};

/** Width of one code point at `size` points. */
export function advanceAt(loadedFont: LoadedFont, codePoint: number, size: number): number {
  let units = loadedFont.advanceCache.get(codePoint);
  if (units === undefined) {
    units = loadedFont.font.glyphForCodePoint(codePoint).advanceWidth;
    loadedFont.advanceCache.set(codePoint, units);
  }
  return (units * size) / loadedFont.font.unitsPerEm;
}

/** Width of a string at `size` points, the same sum of advances the PDF viewer uses (pdf-lib writes no kerning). */
export function widthOf(loadedFont: LoadedFont, text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += advanceAt(loadedFont, ch.codePointAt(0)!, size);
  return width;
}

/** Characters the font has no glyph for (they would print as empty boxes); callers may reject such input. */
export function findMissingGlyphs(text: string, role: FontRole = 'regular'): string[] {
  const { font } = loadFont(role);
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f) continue;
    if (!font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

/**
 * PDF subset fonts are named `ABCDEF+PostScriptName` (ISO 32000-1 §9.6.4), six capital letters that differ
 * between subsets. Derived from a hash of the input so the same spec keeps the same name (reproducible
 * bytes) while different documents get different tags.
 */
export function subsetFontName(loadedFont: LoadedFont, seed: string): string {
  const digest = createHash('sha256').update(loadedFont.role).update('\0').update(seed).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return `${tag}+${loadedFont.postscriptName}`;
}
