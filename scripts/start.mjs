#!/usr/bin/env node
// `npm start`: build the web app if it has not been built, then serve API and web on PORT (default 8080).
// The server migrates and seeds its embedded SQLite database under ./data on first start.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';

if (!existsSync('web/dist/index.html')) {
  console.log('构建前端 building the web app (first start only)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('前端构建失败 web build failed');
    process.exit(r.status ?? 1);
  }
}
const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
