import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'bin/yingshang.mjs'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 90_000 });

describe('CLI yingshang', () => {
  it('--help lists the commands', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['serve', 'migrate', 'seed', 'backup', 'ledger verify', 'draw verify']) expect(r.stdout).toContain(c);
  });
  it('an unknown command: clear message, non-zero exit', () => {
    const r = cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });
  it('migrate, seed, then backup produce a readable copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    const env = { YS_DATA_DIR: dir, DATABASE_URL: join(dir, 'y.db') };
    expect(cli(['migrate'], env).status).toBe(0);
    const seeded = cli(['seed'], env);
    expect(seeded.status, seeded.stderr).toBe(0);
    const r = cli(['backup', join(dir, 'copy.db')], env);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'copy.db'))).toBe(true);
    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    const n = copy.prepare("select count(*) as n from users where username = 'admin'").get() as { n: number };
    copy.close();
    expect(n.n).toBe(1);
    const again = cli(['backup', join(dir, 'copy.db')], env);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('refusing to overwrite');
  }, 120_000);
  it('backup without a file: usage error', () => {
    expect(cli(['backup']).status).toBe(2);
  });
});
