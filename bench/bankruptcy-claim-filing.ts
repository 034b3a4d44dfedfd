/**
 * Benchmark: claim filing with its ledger entry on SQLite (target ≥ 300/s, p99 ≤ 100 ms).
 * `npx tsx bench/bankruptcy-claim-filing.ts` spawns itself with `--serve` as the server (a fresh SQLite database,
 * the demo seed, the bankruptcy routes mounted) and drives POST /api/v1/bankruptcy/cases/:id/claims with
 * autocannon as the demo creditor, each request with a fresh Idempotency-Key.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.env.BK_BENCH_PORT ?? 4817);
const SECONDS = Number(process.env.BK_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BK_BENCH_CONNECTIONS ?? 10);

/** User + system CPU time of a process in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function serve(): Promise<void> {
  const { buildApp } = await import('../server/src/app.js');
  const { loadConfig } = await import('../server/src/platform/config/index.js');
  const { migrateToLatest, openDb } = await import('../server/src/platform/db/index.js');
  const { routePlugins } = await import('../server/src/routes.js');
  const { bankruptcyRoutes } = await import('../server/src/modules/bankruptcy/index.js');
  const { seedPlatform } = await import('../server/src/seed/platform.seed.js');
  const { bankruptcySeed } = await import('../server/src/seed/bankruptcy.seed.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'bk-bench-'));
  const config = loadConfig({ dataDir, databaseUrl: join(dataDir, 'bench.db'), port: PORT, logLevel: 'warn' });
  const db = openDb({ url: config.databaseUrl });
  await migrateToLatest(db);
  const list = routePlugins as unknown as [string, typeof bankruptcyRoutes][];
  if (!list.some(([p]) => p === '/api/v1/bankruptcy')) list.push(['/api/v1/bankruptcy', bankruptcyRoutes]);
  await bankruptcySeed(db, config, { orgIds: await seedPlatform(db, config), scale: 0 });
  const app = await buildApp({ db, config, logger: false });
  await app.listen({ port: PORT, host: '127.0.0.1' });
  process.stdout.write('READY\n');
}

async function drive(): Promise<void> {
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bk-creditor2', password: 'Demo#2026' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cases = (await (await fetch(`${base}/api/v1/bankruptcy/cases?scope=mine`, { headers: { cookie } })).json()) as { items: { id: string; stage: string; debtorName: string }[] };
    const target = cases.items.find((c) => c.stage === 'accepted' && c.debtorName.includes('鹭岛'))!;
    const body = JSON.stringify({ nature: 'ordinary', principalFen: 12_345_600, interestFen: 65_400, secured: false });
    const run = (connections: number, duration: number) =>
      autocannon({
        url: `${base}/api/v1/bankruptcy/cases/${target.id}/claims`,
        connections,
        duration,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        requests: [{ method: 'POST', body, setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }],
      });
    await run(2, 2); // warm-up
    const load = loadavg().map((x) => x.toFixed(1)).join(' / ');
    const cpu0 = cpuMs(server.pid!);
    const r = await run(CONNECTIONS, SECONDS);
    const perRequest = (cpuMs(server.pid!) - cpu0) / Math.max(1, r['2xx']);
    console.log(
      `claim filing (ledger entry each), SQLite, ${CONNECTIONS} connections, ${SECONDS} s: ${r.requests.average.toFixed(0)} req/s, ` +
        `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, 2xx ${r['2xx']}, non-2xx ${r.non2xx} (target ≥ 300/s, p99 ≤ 100 ms); ` +
        `server CPU ${perRequest.toFixed(1)} ms per filing (≈ ${(1000 / perRequest).toFixed(0)}/s on one free core); ${cpus().length} cores, load ${load}`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}

if (process.argv.includes('--serve')) await serve();
else await drive();
