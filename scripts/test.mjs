#!/usr/bin/env node
// `npm test`: lint, typecheck, unit + database + API tests (SQLite, and PostgreSQL when reachable), browser tests.
// Each step prints its own result; the run fails if any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['lint 代码检查', ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']],
  ['typecheck 类型检查', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['unit, database and API tests 单元/数据库/接口测试', ['node_modules/vitest/vitest.mjs', 'run']],
  ['browser tests 浏览器测试', ['e2e/run.mjs']],
];
const only = process.argv[2];
const failed = [];
for (const [name, args] of steps) {
  if (only && !name.startsWith(only)) continue;
  if (!existsSync(args[0])) {
    console.log(`\n=== ${name}: SKIPPED — ${args[0]} does not exist ===`);
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) failed.push(name);
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${secs} s) ===`);
}
if (failed.length) {
  console.error(`\n失败 FAILED: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('\n全部通过 all steps passed');
