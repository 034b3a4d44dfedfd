import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../ids/index.js';
import { HttpProblem } from '../http/problem.js';
import type { Principal } from '../identity/principal.js';
import type { BlobStore } from './blob-store.js';
import { DEFAULT_ALLOWED, detectFileType, type AllowedFileType } from './file-type.js';

export interface StoreFileInput {
  filename: string;
  data: Buffer;
  owner: Pick<Principal, 'organizationId' | 'id'>;
  allowed?: readonly AllowedFileType[];
}

/**
 * Stores an uploaded file: its type is decided from the bytes (415 otherwise), its SHA-256 recorded. The bytes
 * are written before the row, so a row never points at a missing blob.
 */
export async function storeFile(db: DbOrTx, blobs: BlobStore, input: StoreFileInput) {
  const type = await detectFileType(input.data);
  const allowed = input.allowed ?? DEFAULT_ALLOWED;
  if (!type || !allowed.includes(type.kind)) {
    throw new HttpProblem(415, 'unsupported-file-type', `仅接受 only ${allowed.map((a) => a.toUpperCase()).join(', ')}`, [
      { path: 'file', code: 'unsupported-file-type', message: `文件内容不是 ${allowed.join('/')} (content is not an allowed type)` },
    ]);
  }
  const id = newId('fil');
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  const storageKey = id.replace(/[^\w-]/g, '');
  await blobs.put(storageKey, input.data);
  const row = {
    id,
    organization_id: input.owner.organizationId,
    uploaded_by: input.owner.id,
    filename: sanitizeFilename(input.filename),
    mime_type: type.mime,
    size_bytes: input.data.length,
    sha256,
    storage_key: storageKey,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('files').values(row).execute();
  return row;
}

export function sanitizeFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').trim().slice(0, 200);
  return cleaned || 'file';
}

/** Lets other organizations read a file (e.g. the utility reading an applicant's licence). */
export async function grantFileAccess(db: DbOrTx, fileId: string, organizationIds: string[]) {
  const rows = [...new Set(organizationIds)].map((organization_id) => ({ file_id: fileId, organization_id }));
  if (!rows.length) return;
  // One statement; a grant that exists already is left as it is.
  await db.insertInto('file_grants').values(rows).onConflict((oc) => oc.columns(['file_id', 'organization_id']).doNothing()).execute();
}

/** The file if the caller's organization owns it or was granted it; 404 otherwise (never reveals existence). */
export async function findReadableFile(db: DbOrTx, fileId: string, organizationId: string) {
  const file = await db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!file) throw new HttpProblem(404, 'not-found');
  if (file.organization_id === organizationId) return file;
  const grant = await db.selectFrom('file_grants').select('file_id').where('file_id', '=', fileId).where('organization_id', '=', organizationId).executeTakeFirst();
  if (!grant) throw new HttpProblem(404, 'not-found');
  return file;
}

/** RFC 6266 / RFC 5987: an ASCII fallback plus the UTF-8 name, so Chinese file names survive every browser. */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
