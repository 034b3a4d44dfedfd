/**
 * Test support for the trust services: a fresh PKI in a temporary data folder, files for outside tools, and a
 * runner for `openssl` / `pdfsig` that returns their output whatever the exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPki, type Pki, type PkiOptions } from './load-pki.js';

export const TEST_KEY_PASSPHRASE = 'test-passphrase-不是生产密钥';

export function tempDir(prefix = 'ys-pki-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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
