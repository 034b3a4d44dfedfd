/**
 * No acknowledged write is ever lost: clients write to a real server process, the server is killed with
 * SIGKILL mid-stream, and after a restart every write that had been answered 2xx is there.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { withUsccCheckChar } from '../platform/identity/index.js';

const root = join(import.meta.dirname, '..', '..', '..');

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', YS_DATA_DIR: dataDir, DATABASE_URL: join(dataDir, 'yingshang.db'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (r.ok) return resolve(child);
      } catch { /* not up yet */ }
      if (Date.now() > deadline) return reject(new Error('server did not start'));
      setTimeout(poll, 200);
    };
    child.on('exit', (code) => code !== null && code !== 0 && reject(new Error(`server exited ${code}`)));
    void poll();
  });
}

describe('durability under SIGKILL [sqlite]', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-kill-'));
  const port = 18000 + Math.floor(Math.random() * 1000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every write answered 2xx', async () => {
    let server = await startServer(dataDir, port);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Demo#2026' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const acknowledged: string[] = [];
    let n = 0;
    let killed = false;
    const writer = async (w: number) => {
      while (!killed) {
        const uscc = withUsccCheckChar(`91350100${String(w)}${String(n++).padStart(8, '0')}`);
        try {
          const r = await fetch(`${base}/api/v1/admin/organizations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({ kind: 'enterprise', name: `持久性测试企业${uscc}`, uscc }),
          });
          if (r.status === 201) acknowledged.push(uscc);
        } catch { /* the connection died with the server */ }
      }
    };
    const writers = Array.from({ length: 6 }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 1500));
    server.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(20);

    // Restart on the same files, as an operator would, then read straight from the database.
    server = await startServer(dataDir, port);
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    const db = new Database(join(dataDir, 'yingshang.db'), { readonly: true });
    const stored = new Set(db.prepare("select uscc from organizations where name like '持久性测试企业%'").all().map((r) => (r as { uscc: string }).uscc));
    db.close();
    const lost = acknowledged.filter((u) => !stored.has(u));
    expect(lost).toEqual([]);
  }, 120_000);
});
