import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Creates `parent/name` exactly once, even when several processes start together on one data folder: each
 * fills a private temporary folder and renames it into place; rename(2) onto a non-empty folder fails, so the
 * first process wins and the others discard their work and use the winner's. Returns true if this call created it.
 */
export async function createDirectoryOnce(
  parent: string,
  name: string,
  fill: (directory: string) => Promise<void>,
): Promise<boolean> {
  const target = join(parent, name);
  if (await isNonEmptyDirectory(target)) return false;
  const temporary = join(parent, `.tmp-${name}-${randomBytes(8).toString('hex')}`);
  await mkdir(temporary, { recursive: true, mode: 0o700 });
  try {
    await fill(temporary);
    await rename(temporary, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && (await isNonEmptyDirectory(target))) return false;
    throw error;
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

async function isNonEmptyDirectory(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length > 0;
  } catch {
    return false;
  }
}
