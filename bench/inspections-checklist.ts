/**
 * Benchmark: the whole checklist tree (2,300 check points) over HTTP with ETag (200 and 304), and Chinese
 * search across all levels. Targets (issue #6): tree ≤ 20 ms p95, search ≤ 50 ms p95.
 * A Fastify server with the module's checklist routes on a migrated in-memory SQLite database holding the
 * seed checklist; sequential requests over a real socket (fetch), p50/p95/p99 computed from every request.
 * Run: npx tsx bench/inspections-checklist.ts [requests=400]
 */
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { performance } from 'node:perf_hooks';
import { openDb, migrateToLatest } from '../server/src/platform/db/index.js';
import { publishChecklistVersion } from '../server/src/modules/inspections/index.js';
import { checklistRoutes } from '../server/src/modules/inspections/routes/checklist.routes.js';
import { loadConfig } from '../server/src/platform/config/index.js';
import { generateChecklist } from '../server/src/seed/inspections-checklist.js';

const N = Number(process.argv[2] ?? 400);
const db = openDb({ url: ':memory:' });
await migrateToLatest(db);
await db.transaction().execute((trx) => publishChecklistVersion(trx, generateChecklist(), { userId: 'bench', organizationId: 'bench' }));

const app = Fastify({ logger: false });
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
await app.withTypeProvider<ZodTypeProvider>().register(async (scope) => checklistRoutes(scope.withTypeProvider<ZodTypeProvider>(), { db, config: loadConfig({}) }), { prefix: '/api/v1/inspections' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function scenario(label: string, urls: string[], headers: Record<string, string> = {}, expectStatus = 200) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < N + 20; i++) {
    const t0 = performance.now();
    const res = await fetch(address + urls[i % urls.length], { headers });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== expectStatus) throw new Error(`${label}: status ${res.status}`);
    if (i >= 20) times.push(ms); // the first requests warm the caches (serialized tree, search index)
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  console.log(`| ${label} | ${N} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${pct(times, 99).toFixed(1)} | ${(bytes / 1024).toFixed(0)} KB |`);
}

console.log('| scenario | requests | p50 ms | p95 ms | p99 ms | body |');
console.log('| --- | --- | --- | --- | --- | --- |');
const first = await fetch(`${address}/api/v1/inspections/checklist`);
const etag = first.headers.get('etag')!;
await first.arrayBuffer();
await scenario('GET /checklist (200, whole tree)', ['/api/v1/inspections/checklist']);
await scenario('GET /checklist If-None-Match (304)', ['/api/v1/inspections/checklist'], { 'if-none-match': etag }, 304);
const queries = ['健康证明', '食品经营许可证', '消防 通道', '排污许可证', '劳动合同', '特种设备 定期检验', '明码标价', '台账'];
await scenario(
  'GET /checklist/search (8 queries)',
  queries.map((q) => `/api/v1/inspections/checklist/search?q=${encodeURIComponent(q)}`),
);
await scenario(
  'search with department + industry filter',
  queries.map((q) => `/api/v1/inspections/checklist/search?q=${encodeURIComponent(q)}&department=SJ&industry=H`),
);
await app.close();
await db.destroy();
