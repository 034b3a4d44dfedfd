#!/usr/bin/env node
// `npm start`: build the web app if it has not been built, transpile the server (about a second), then serve API
// and web on PORT (default 8080). The server migrates and seeds its embedded SQLite database under ./data on
// first start.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';

function run(args, what) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${what} 失败 failed`);
    process.exit(r.status ?? 1);
  }
}

if (!existsSync('web/dist/index.html')) {
  console.log('构建前端 building the web app (first start only)…');
  run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], '前端构建 web build');
}
run(['scripts/build-server.mjs'], '服务端编译 server build');
const child = spawn(process.execPath, ['dist/server/src/main.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
