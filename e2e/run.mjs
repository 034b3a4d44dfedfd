#!/usr/bin/env node
/**
 * Runs every e2e/**\/*.e2e.ts browser test: builds the web app (skip with --no-build), then vitest with
 * e2e/vitest.e2e.config.ts, then prints one summary line. Other arguments go to vitest (e.g. a file filter:
 * `node e2e/run.mjs shell`). Without chromium the tests are skipped loudly and the run exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.YS_CHROMIUM ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const passThrough = args.filter((a) => a !== '--no-build');

if (!existsSync(chromium)) {
  const bar = '!'.repeat(78);
  process.stdout.write(
    `\n${bar}\n!!  E2E SKIPPED 浏览器测试已跳过: chromium not found at ${chromium}\n` +
      `!!  Install it to turn the browser tests on:  apt-get install chromium poppler-utils\n${bar}\n\n` +
      'e2e summary: SKIPPED (0 run) — chromium missing\n',
  );
  process.exit(0);
}

// Without a Chinese font chromium draws every Chinese character as a box, and the screenshots are useless.
const fc = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
if (fc.status === 0 && !fc.stdout.trim()) {
  process.stdout.write('[e2e] WARNING 警告: no Chinese font installed; screenshots will show boxes: apt-get install fonts-noto-cjk\n');
}

function run(cmd, cmdArgs, label) {
  const started = Date.now();
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: process.env });
  if (res.error) throw res.error;
  process.stdout.write(`[e2e] ${label} finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${res.status})\n`);
  return res.status ?? 1;
}

if (!noBuild) {
  const code = run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], 'vite build');
  if (code !== 0) {
    process.stdout.write('e2e summary: FAILED — the web build failed\n');
    process.exit(code);
  }
}

const outDir = mkdtempSync(join(tmpdir(), 'ys-e2e-report-'));
const report = join(outDir, 'report.json');
const code = run(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    'e2e/vitest.e2e.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...passThrough,
  ],
  'vitest',
);

let line;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  line =
    `e2e summary: ${code === 0 ? 'PASSED' : 'FAILED'} — ${r.numPassedTests} passed, ${r.numFailedTests} failed, ` +
    `${skipped} skipped, ${r.numTotalTests} total in ${r.numTotalTestSuites ?? r.testResults?.length ?? '?'} suites`;
} catch {
  line = `e2e summary: ${code === 0 ? 'PASSED' : 'FAILED'} (exit ${code}; no JSON report)`;
}
const shots = join(root, 'e2e', 'screenshots');
const count = existsSync(shots) ? readdirSync(shots).filter((f) => f.endsWith('.png')).length : 0;
process.stdout.write(`${line}; ${count} screenshots in e2e/screenshots/\n`);
rmSync(outDir, { recursive: true, force: true });
process.exit(code);
