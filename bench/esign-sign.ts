/**
 * Benchmark: sign a two-page PDF as a person (one-time event certificate + PAdES-B-T with the built-in timestamp
 * authority), then seal it as an organization (second incremental signature). Target: ≤ 200 ms a signature.
 * Also measured without the timestamp (PAdES-B-B). Run: npx tsx bench/esign-sign.ts [runs=40]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { signPdfAsOrganization, signPdfAsPerson } from '../server/src/platform/esign/index.js';
import { loadPki } from '../server/src/platform/pki/index.js';

const runs = Number(process.argv[2] ?? 40);
const WARM_UP = 10;

async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= 2; page++) {
    const p = doc.addPage([595, 842]);
    for (let line = 0; line < 40; line++) {
      p.drawText(`Water supply contract WS-20260830-0001, page ${page}, clause ${line + 1}: terms and conditions.`, { x: 40, y: 800 - line * 18, size: 10, font });
    }
  }
  return Buffer.from(await doc.save());
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, op: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < WARM_UP; i++) await op();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await op();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  console.log(
    `${label}: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms wall; ` +
      `${((cpu.user + cpu.system) / 1000 / runs).toFixed(1)} ms CPU each (${runs} runs, target ≤ 200 ms)`,
  );
}

const dataDir = mkdtempSync(join(os.tmpdir(), 'ys-bench-esign-'));
const pki = await loadPki({ dataDir, keyPassphrase: 'bench' });
const pdf = await twoPagePdf();
const applicant = { name: '张三', residentIdMasked: '3501**********1234', reason: '申请人签名', location: '福建省泉州市' };
const utility = { organizationName: '泉州市自来水有限公司', uscc: '91350100M000100Y43', reason: '供水单位盖章' };
const signedOnce = (await signPdfAsPerson(pdf, applicant, { pki })).pdf;

console.log(`${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; PDF ${pdf.length} bytes, 2 pages`);
await measure('person signature, PAdES-B-T (event certificate + timestamp)', () => signPdfAsPerson(pdf, applicant, { pki }));
await measure('person signature, PAdES-B-B (no timestamp)', () => signPdfAsPerson(pdf, applicant, { pki, timestamp: 'none' }));
await measure('organization seal as second signature, PAdES-B-T', () => signPdfAsOrganization(signedOnce, utility, { pki }));
rmSync(dataDir, { recursive: true, force: true });
