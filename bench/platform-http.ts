/**
 * Platform foundation benchmark (issue #2):
 *  1. bare Fastify hello-world (baseline, same machine, same run) vs an authenticated GET of a small resource
 *     through the whole platform stack on SQLite — autocannon, 50 connections, 10 s each;
 *  2. time from process start to /readyz answering 200 (web already built, database already seeded);
 *  3. resident memory of the idle server.
 * Run: npx tsx bench/platform-http.ts   (prints a Markdown table for bench/README.md)
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const root = join(import.meta.dirname, '..');

async function run(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 50, duration: DURATION, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function baseline() {
  const port = 18501;
  const child = spawn(process.execPath, [join(root, 'bench/hello-server.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/hello`)).ok) break;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
  const r = await run(`http://127.0.0.1:${port}/hello`);
  child.kill('SIGTERM');
  return r;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function waitReady(port: number, started: number): Promise<number> {
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return Date.now() - started;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-bench-'));
  const port = 18500;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', YS_DATA_DIR: dataDir, DATABASE_URL: join(dataDir, 'y.db'), LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  // As `npm start` runs it: the transpiled server (scripts/build-server.mjs).
  spawnSync(process.execPath, [join(root, 'scripts/build-server.mjs')], { cwd: root, stdio: 'inherit' });
  const startServer = () => spawn(process.execPath, [join(root, 'dist/server/src/main.js'), 'serve'], { env, stdio: 'ignore', cwd: root });

  // First start migrates and seeds; the measured start is the second one, as for an installed checkout.
  let server = startServer();
  await waitReady(port, Date.now());
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  const t0 = Date.now();
  server = startServer();
  const readyMs = await waitReady(port, t0);

  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'enterprise', password: 'Demo#2026' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  await new Promise((r) => setTimeout(r, 3000));
  const idleRss = rssOf(server.pid!);

  const base = await baseline();
  const authed = await run(`http://127.0.0.1:${port}/api/v1/notifications/unread-count`, { cookie });
  const afterRss = rssOf(server.pid!);
  server.kill('SIGTERM');

  const ratio = (authed.rps / base.rps) * 100;
  const date = new Date().toISOString().slice(0, 10);
  console.log(`\n### Platform HTTP — ${date}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
  console.log('| scenario | req/s | p50 ms | p99 ms | non-2xx | target |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  console.log(`| bare Fastify hello-world (baseline) | ${base.rps.toFixed(0)} | ${base.p50} | ${base.p99} | ${base.non2xx} | — |`);
  console.log(`| authenticated GET /api/v1/notifications/unread-count (SQLite) | ${authed.rps.toFixed(0)} | ${authed.p50} | ${authed.p99} | ${authed.non2xx} | ≥ 35% of baseline, p99 ≤ 50 ms |`);
  console.log(`\n- ratio: **${ratio.toFixed(1)}%** of baseline (${ratio >= 35 ? 'meets' : 'misses'} ≥ 35%); p99 ${authed.p99} ms (${authed.p99 <= 50 ? 'meets' : 'misses'} ≤ 50 ms)`);
  console.log(`- start to /readyz 200: **${readyMs} ms** (target ≤ 5000 ms)`);
  console.log(`- idle resident memory: **${idleRss.toFixed(0)} MB** (target < 200 MB); after the load run: ${afterRss.toFixed(0)} MB`);
}

await main();
process.exit(0);
