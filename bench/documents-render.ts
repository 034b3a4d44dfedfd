/**
 * Benchmark: render a two-page Chinese PDF (破产财产分配方案: red masthead, form table, paragraphs, a creditor
 * table running onto page 2, signatures, QR code) with an embedded font subset. Target: ≤ 300 ms a
 * document after warm-up, font parsing cached per process.
 * Run: npx tsx bench/documents-render.ts [runs=60]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderPdfWithLayout } from '../server/src/platform/documents/index.js';
import { sampleSpec } from '../server/src/platform/documents/sample-spec.fixture.js';

const runs = Number(process.argv[2] ?? 60);
const WARM_UP = 15;
const TWO_PAGE_ROWS = 14;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, rows: number, count: number): Promise<void> {
  const spec = sampleSpec(rows);
  for (let i = 0; i < WARM_UP; i++) await renderPdfWithLayout(spec);
  const times: number[] = [];
  let pages = 0;
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const out = await renderPdfWithLayout(spec);
    times.push(performance.now() - start);
    pages = out.pageCount;
    bytes = out.bytes.length;
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(28)} pages ${String(pages).padStart(2)}  ${(bytes / 1024).toFixed(0).padStart(4)} KB  ` +
      `p50 ${percentile(times, 50).toFixed(0).padStart(4)} ms  p95 ${percentile(times, 95).toFixed(0).padStart(4)} ms  max ${times[times.length - 1]!.toFixed(0).padStart(4)} ms  ` +
      `cpu ${((cpu.user + cpu.system) / 1000 / count).toFixed(0).padStart(4)} ms/doc`,
  );
  if (label.startsWith('2-page') && pages !== 2) throw new Error(`expected a 2-page document, got ${pages} pages`);
}

// Wall-clock figures include waiting for a core on a shared machine; the CPU time per document does not.
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
const t0 = performance.now();
const first = await renderPdfWithLayout(sampleSpec(TWO_PAGE_ROWS));
console.log(`first render (loads and parses the 2 font files)  ${(performance.now() - t0).toFixed(0)} ms, ${first.pageCount} pages`);
await measure(`2-page, ${TWO_PAGE_ROWS} table rows`, TWO_PAGE_ROWS, runs);
await measure('long, 150 table rows', 150, Math.max(10, Math.floor(runs / 4)));
console.log(`resident memory ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
