import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, serverMain, webDist } from './paths.js';

/**
 * Starts the application for browser tests: the real server (`tsx server/src/main.ts serve`, which migrates
 * and seeds the demo accounts into an empty database) on a free port with a temporary YS_DATA_DIR; or, before
 * the server exists, `vite preview` of the built web app so the public pages can still be tested.
 */
export type AppKind = 'server' | 'preview';

export interface RunningApp {
  kind: AppKind;
  baseUrl: string;
  dataDir: string;
  logFile: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForHttp(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`app exited with code ${exited} before it was ready; log ${logFile}:\n${tail(logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app not ready at ${url} after ${timeoutMs} ms; log ${logFile}:\n${tail(logFile)}`);
}

/** Kill the whole process group (tsx and vite start child processes of their own). */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

function launch(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

export interface StartOptions {
  /** Extra environment for the server (e.g. feature settings a module test needs). */
  env?: Record<string, string>;
  /** Milliseconds to wait for /readyz (first start migrates and seeds). Default 120 s. */
  timeoutMs?: number;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningApp> {
  if (!existsSync(join(webDist, 'index.html'))) throw new Error('web/dist is missing: run `npx vite build` first (e2e/run.mjs does)');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-e2e-'));
  const logFile = join(dataDir, 'server.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    YS_DATA_DIR: dataDir,
    YS_PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...opts.env,
  };
  // A DATABASE_URL meant for the database tests must not leak in: each e2e run gets its own SQLite file,
  // unless YS_E2E_DATABASE_URL asks for a specific database.
  delete env.DATABASE_URL;
  if (process.env.YS_E2E_DATABASE_URL) env.DATABASE_URL = process.env.YS_E2E_DATABASE_URL;
  const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = launch(process.execPath, [tsx, serverMain, 'serve'], env, logFile);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/readyz`, child, logFile, opts.timeoutMs ?? 120_000);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return {
    kind: 'server',
    baseUrl,
    dataDir,
    logFile,
    stop: async () => {
      await stopGroup(child);
      if (!process.env.YS_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startPreview(opts: StartOptions = {}): Promise<RunningApp> {
  if (!existsSync(join(webDist, 'index.html'))) throw new Error('web/dist is missing: run `npx vite build` first (e2e/run.mjs does)');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-e2e-preview-'));
  const logFile = join(dataDir, 'preview.log');
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = launch(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { ...process.env, ...opts.env }, logFile);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/`, child, logFile, opts.timeoutMs ?? 60_000);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return {
    kind: 'preview',
    baseUrl,
    dataDir,
    logFile,
    stop: async () => {
      await stopGroup(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The server when server/src/main.ts exists (or YS_E2E_BACKEND=server), otherwise the static preview. */
export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const wanted = process.env.YS_E2E_BACKEND;
  if (wanted === 'preview') return startPreview(opts);
  if (wanted === 'server' || existsSync(serverMain)) return startServer(opts);
  return startPreview(opts);
}
