/**
 * Benchmark: answer RFC 3161 timestamp queries (target ≤ 20 ms each). Measured in process (the authority itself)
 * and over HTTP (the `/api/v1/tsa` route plugin on Fastify, sequential keep-alive requests).
 * Run: npx tsx bench/tsa-respond.ts [runs=2000]
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadConfig } from '../server/src/platform/config/index.js';
import { openDb } from '../server/src/platform/db/index.js';
import { getPkiForConfig } from '../server/src/platform/pki/index.js';
import { encodeTimestampRequest, timestampAuthorityFor, timestampRoutes } from '../server/src/platform/timestamp/index.js';

const runs = Number(process.argv[2] ?? 2000);
const GRANTED = Buffer.from('3003020100', 'hex');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, count: number, op: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(200, count); i++) await op();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await op();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  console.log(
    `${label}: median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms wall; ` +
      `${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms CPU each (${count} queries, target ≤ 20 ms)`,
  );
}

const config = loadConfig({ dataDir: mkdtempSync(join(os.tmpdir(), 'ys-bench-tsa-')) });
const pki = await getPkiForConfig(config);
const authority = timestampAuthorityFor(pki);
const query = () => encodeTimestampRequest(createHash('sha256').update(randomBytes(32)).digest(), randomBytes(8));

console.log(`${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await measure('in process', runs, async () => {
  const reply = await authority.respond(query());
  // SEQUENCE (2-octet length) { PKIStatusInfo { granted } ...
  if (!reply.subarray(4, 9).equals(GRANTED)) throw new Error('not granted');
});

const db = openDb({ url: ':memory:' });
const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
await app.register(async (scope) => timestampRoutes(scope, { db, config }), { prefix: '/api/v1/tsa' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
await measure('over HTTP', Math.min(runs, 1000), async () => {
  const response = await fetch(`${address}/api/v1/tsa`, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: new Uint8Array(query()),
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  await response.arrayBuffer();
});
await app.close();
await db.destroy();
rmSync(config.dataDir, { recursive: true, force: true });
