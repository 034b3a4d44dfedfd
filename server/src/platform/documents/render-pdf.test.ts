import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import jsQR from 'jsqr';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { findMissingGlyphs, renderPdf, renderPdfWithLayout, type PdfDocumentSpec, type RenderedPdf } from './index.js';
import { sampleSpec } from './sample-spec.fixture.js';
import { PAGE } from './page-style.js';
import { pageNumberText } from './render-page-furniture.js';

/**
 * Independent checks with poppler (Debian poppler-utils): pdffonts for the embedded subset, pdftotext for
 * extractable Chinese (ToUnicode), pdftoppm for pixels; jsQR reads the QR code off poppler's rendering.
 */
let dir = '';
let rendered: RenderedPdf;
let pdfPath = '';
const spec = sampleSpec(40);

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Rasterize one page as 8-bit grey (binary PGM, P5) and parse it. */
function rasterize(path: string, page: number, dpi: number, crop?: { x: number; y: number; w: number; h: number }): Gray {
  const out = join(dir, `p${page}-${dpi}-${crop ? 'c' : 'f'}`);
  const cropArgs = crop ? ['-x', String(crop.x), '-y', String(crop.y), '-W', String(crop.w), '-H', String(crop.h)] : [];
  tool('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', '-f', String(page), '-l', String(page), ...cropArgs, path, out]);
  const data = readFileSync(`${out}.pgm`);
  // Header: "P5" width height maxval, separated by whitespace, then one whitespace byte before the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)) };
}

function darkFraction(img: Gray): number {
  let dark = 0;
  for (const p of img.pixels) if (p < 200) dark++;
  return dark / img.pixels.length;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ys-documents-'));
  rendered = await renderPdfWithLayout(spec);
  pdfPath = join(dir, 'sample.pdf');
  writeFileSync(pdfPath, rendered.bytes);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('renderPdf (checked with poppler)', () => {
  it('runs the 40-row table over more than one page, with page numbers 第 n 页 / 共 N 页', () => {
    const info = tool('pdfinfo', [pdfPath]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBe(rendered.pageCount);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pageNumberText(1, 2)).toBe('第 1 页 / 共 2 页');
    for (let p = 1; p <= pages; p++) {
      // pdftotext drops the narrow Latin spaces between CJK characters, so compare without whitespace.
      const text = tool('pdftotext', ['-f', String(p), '-l', String(p), pdfPath, '-']).replace(/\s+/g, '');
      expect(text).toContain(`第${p}页/共${pages}页`);
    }
  });

  it('repeats the table header on the page the table continues on', () => {
    const page2 = tool('pdftotext', ['-f', '2', '-l', '2', pdfPath, '-']);
    expect(page2).toContain('序号');
    expect(page2).toContain('本次分配额（元）');
    // Rows that land on page 2 are the table's, not page 1's.
    expect(page2).not.toContain('分配依据');
  });

  it('embeds both faces as subsets with a Unicode map (pdffonts: emb yes, sub yes, uni yes)', () => {
    const lines = tool('pdffonts', [pdfPath]).trim().split('\n').slice(2);
    expect(lines).toHaveLength(2);
    const names = lines.map((l) => l.split(/\s+/)[0]).sort();
    expect(names[0]).toMatch(/^[A-Z]{6}\+NotoSerifSC-Bold$/);
    expect(names[1]).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    for (const line of lines) {
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
    // A subset: far smaller than the 15 MB font files.
    expect(rendered.bytes.length).toBeLessThan(400_000);
  });

  it('yields the Chinese text back from pdftotext, both faces', () => {
    const text = tool('pdftotext', [pdfPath, '-']);
    expect(text).toContain('破产财产分配方案（第一次分配）'); // bold title
    expect(text).toContain('厦门鹭江机械制造有限公司管理人'); // bold red masthead
    expect(text).toContain('一、分配依据'); // bold heading
    expect(text).toContain('根据《中华人民共和国企业破产法》第一百一十三条'); // justified regular body
    expect(text).toContain('贰佰零壹万陆仟零贰拾伍元贰角');
    expect(text).toContain('91350200MA2XYZ1234');
    expect(text).toContain('（盖章）');
    expect(text).toContain('扫码核验真伪');
  });

  it('draws ink on every page (pdftoppm -r 50, grey pixels)', () => {
    for (let p = 1; p <= rendered.pageCount; p++) {
      const img = rasterize(pdfPath, p, 50);
      expect(img.width).toBeGreaterThan(400);
      expect(darkFraction(img)).toBeGreaterThan(0.01);
    }
  });

  it('draws the bold title (the bold subset renders, not empty boxes)', () => {
    // Band of the title line on page 1 at 100 dpi: between the red rule and the key–value table.
    const s = 100 / 72;
    const band = rasterize(pdfPath, 1, 100, { x: Math.round(PAGE.marginLeft * s), y: Math.round((PAGE.marginTop + 62) * s), w: Math.round((PAGE.width - 2 * PAGE.marginLeft) * s), h: Math.round(30 * s) });
    expect(darkFraction(band)).toBeGreaterThan(0.08); // 0.17 when drawn; 0.03 with the broken subset
  });

  it('has a QR code that reads back as the verification URL', () => {
    const s = 150 / 72;
    const crop = { x: Math.round((PAGE.width / 2) * s), y: 0, w: Math.round((PAGE.width / 2) * s), h: Math.round(PAGE.marginTop * s) };
    const img = rasterize(pdfPath, 1, 150, crop);
    const rgba = new Uint8ClampedArray(img.width * img.height * 4);
    img.pixels.forEach((v, i) => {
      rgba.set([v, v, v, 255], i * 4);
    });
    const code = jsQR(rgba, img.width, img.height);
    expect(code?.data).toBe(spec.verification!.url);
  });

  it('leaves the signature areas blank and reports where they are', () => {
    expect(rendered.signatureAreas.map((a) => a.role)).toEqual(['管理人', '债权人委员会']);
    const dpi = 50;
    const s = dpi / 72;
    for (const area of rendered.signatureAreas) {
      expect(area.page).toBe(rendered.pageCount - 1);
      expect(area.y).toBeGreaterThanOrEqual(PAGE.marginBottom);
      const img = rasterize(pdfPath, area.page + 1, dpi);
      let nonWhite = 0;
      for (let py = Math.ceil((PAGE.height - area.y - area.height) * s) + 2; py < Math.floor((PAGE.height - area.y) * s) - 2; py++) {
        for (let px = Math.ceil(area.x * s) + 2; px < Math.floor((area.x + area.width) * s) - 2; px++) {
          if (img.pixels[py * img.width + px]! < 250) nonWhite++;
        }
      }
      expect(nonWhite).toBe(0);
    }
    const [a, b] = rendered.signatureAreas;
    expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x);
  });

  it('embeds font programs whose glyphs all decode (guards the subsetter loca work-around)', async () => {
    const doc = await PDFDocument.load(rendered.bytes);
    const programs: Uint8Array[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict)) continue;
      const ref = object.get(PDFName.of('FontFile2'));
      if (!ref) continue;
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) throw new Error('FontFile2 is not a stream');
      programs.push(decodePDFRawStream(stream).decode());
    }
    expect(programs).toHaveLength(2);
    for (const program of programs) {
      const font = fontkit.create(program);
      let empty = 0;
      for (let id = 1; id < font.numGlyphs; id++) {
        if (font.getGlyph(id).path.toSVG() === '') empty++; // throws on a cut glyph record
      }
      expect(font.numGlyphs).toBeGreaterThan(20);
      expect(empty).toBeLessThanOrEqual(2); // the space glyphs
    }
  });

  it('adds no form fields, so signing by incremental update leaves the content alone', async () => {
    const doc = await PDFDocument.load(rendered.bytes);
    expect(doc.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
    expect(doc.getTitle()).toBe(spec.title);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-08-30T02:00:00.000Z');
  });
});

describe('renderPdf determinism', () => {
  it('gives identical bytes for the same input, whatever was rendered in between', async () => {
    const other: PdfDocumentSpec = { ...sampleSpec(5), title: '用水报装供水合同', createdAt: '2026-09-01T00:00:00Z' };
    await renderPdf(other);
    const again = await renderPdf(spec);
    expect(Buffer.from(again).equals(Buffer.from(rendered.bytes))).toBe(true);
  });

  it('maps shared glyphs back to the characters this document used (Kangxi radical ⼀ vs ideograph 一)', async () => {
    // Noto draws U+2F00 and U+4E00 with one glyph; the sample above already used 一 in this process.
    const bytes = await renderPdf({ title: '部首', createdAt: '2026-01-01T00:00:00Z', blocks: [{ type: 'paragraph', text: '⼀⼁' }] });
    const path = join(dir, 'kangxi.pdf');
    writeFileSync(path, bytes);
    expect(tool('pdftotext', [path, '-'])).toContain('⼀⼁');
  });

  it('gives the same bytes when documents render concurrently (they share the parsed fonts)', async () => {
    const specs = [sampleSpec(3), { ...sampleSpec(8), title: '债权人会议表决结果' }, spec];
    const together = await Promise.all(specs.map((s) => renderPdf(s)));
    for (let i = 0; i < specs.length; i++) {
      const alone = await renderPdf(specs[i]!);
      expect(Buffer.from(together[i]!).equals(Buffer.from(alone))).toBe(true);
    }
  });

  it('changes the bytes when the date changes', async () => {
    const later = await renderPdf({ ...spec, createdAt: '2026-08-31T02:00:00Z' });
    expect(Buffer.from(later).equals(Buffer.from(rendered.bytes))).toBe(false);
  });
});

describe('renderPdf layout edge cases', () => {
  it('splits a table row taller than a page over pages without losing text', async () => {
    const long = '本段文字较长，用于检验跨页拆分。'.repeat(160) + '全文结束ENDMARK';
    const out = await renderPdfWithLayout({
      title: '超长单元格',
      createdAt: '2026-01-01T00:00:00Z',
      blocks: [{ type: 'table', columns: [{ header: '条目', width: 1 }, { header: '正文', width: 5 }], rows: [['第一条', long], ['第二条', '短']] }],
    });
    expect(out.pageCount).toBeGreaterThanOrEqual(2);
    const path = join(dir, 'long.pdf');
    writeFileSync(path, out.bytes);
    // Drop what pdftotext puts between the pages: footer, running header and the repeated table header.
    const text = tool('pdftotext', [path, '-'])
      .replace(/\s+/g, '')
      .replace(/第\d+页\/共\d+页|超长单元格|条目正文/g, '');
    expect(text).toContain('全文结束ENDMARK');
    expect(text).toContain('第二条');
    expect(text.split('用于检验跨页拆分').length - 1).toBe(160);
  });

  it('rejects a table row with the wrong number of cells', async () => {
    await expect(
      renderPdf({ title: '错误', createdAt: '2026-01-01T00:00:00Z', blocks: [{ type: 'table', columns: [{ header: 'A' }, { header: 'B' }], rows: [['1']] }] }),
    ).rejects.toThrow(/row 1 has 1 cells, expected 2/);
  });

  it('rejects a creation date that is not a date', async () => {
    await expect(renderPdf({ title: '错误', createdAt: 'soon', blocks: [] })).rejects.toThrow(RangeError);
  });

  it('tells which characters the font cannot draw', () => {
    expect(findMissingGlyphs('营商环境 ABC 123，（）')).toEqual([]);
    expect(findMissingGlyphs('好评😀')).toEqual(['😀']);
  });
});
