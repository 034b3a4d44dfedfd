import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Where file bytes live. The local folder is the default; an object store implements the same interface. */
export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Readable;
}

export function localBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    if (!/^[\w-]+$/.test(key)) throw new Error('invalid blob key');
    return join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, data) {
      const path = pathOf(key);
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      // Write then rename, so a crash never leaves a half-written file under the final name.
      await writeFile(`${path}.tmp`, data);
      await rename(`${path}.tmp`, path);
    },
    get: (key) => readFile(pathOf(key)),
    stream: (key) => createReadStream(pathOf(key)),
  };
}
