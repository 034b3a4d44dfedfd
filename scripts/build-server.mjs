#!/usr/bin/env node
// Transpiles server/src to dist/server/src (one .js per .ts, same folders; no bundling), so `npm start` runs
// plain Node: faster start and less memory than transpiling on load (ADR 0003). Takes about a second.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = /\.test\.ts$|\.d\.ts$|test-support|\.fixture\.ts$|\.worker\.ts$|\/test\//;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts') && !SKIP.test(path)) files.push(path);
  }
};
walk('server/src');
rmSync('dist/server', { recursive: true, force: true });
await build({ entryPoints: files, outdir: 'dist', outbase: '.', format: 'esm', platform: 'node', target: 'node20', bundle: false, logLevel: 'warning' });
