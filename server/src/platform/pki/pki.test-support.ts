/**
 * Test support for the trust services: a fresh PKI in a temporary data folder, files for outside tools, and a
 * runner for `openssl` / `pdfsig` that returns their output whatever the exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { loadPki, type Pki, type PkiOptions } from './load-pki.js';

export const TEST_KEY_PASSPHRASE = 'test-passphrase-不是生产密钥';

const created: string[] = [];
// Registered on the importing test file: its folders go when its tests are done.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file's tests. */
export function tempDir(prefix = 'ys-pki-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export async function createTestPki(overrides: Partial<PkiOptions> = {}): Promise<Pki & { dataDir: string }> {
  const dataDir = overrides.dataDir ?? tempDir();
  const pki = await loadPki({ dataDir, keyPassphrase: TEST_KEY_PASSPHRASE, ...overrides });
  return { ...pki, dataDir };
}

/** Writes bytes into a fresh temporary folder and returns the path. */
export function writeTemp(name: string, data: string | Uint8Array, dir = tempDir('ys-files-')): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

export interface ToolResult {
  status: number | null;
  /** stdout and stderr together: openssl prints "Verification: OK" on stdout and errors on stderr. */
  output: string;
  stdout: Buffer;
}

export function runTool(command: string, args: readonly string[], input?: Uint8Array): ToolResult {
  const result = spawnSync(command, args, { input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return {
    status: result.status,
    output: `${result.stdout.toString('utf8')}${result.stderr.toString('utf8')}`,
    stdout: result.stdout,
  };
}
