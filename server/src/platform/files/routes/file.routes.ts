import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { HttpProblem } from '../../http/problem.js';
import { requirePrincipal } from '../../identity/auth.plugin.js';
import { localBlobStore } from '../blob-store.js';
import { contentDisposition, findReadableFile, storeFile } from '../files.service.js';
import { join } from 'node:path';

export function presentFile(f: { id: string; filename: string; mime_type: string; size_bytes: number; sha256: string; created_at: string }) {
  return { id: f.id, filename: f.filename, mimeType: f.mime_type, sizeBytes: f.size_bytes, sha256: f.sha256, createdAt: f.created_at };
}

/** `/api/v1/files`: multipart upload (one file per request) and download by those allowed. */
export const fileRoutes: RoutePlugin = async (app, { db, config }) => {
  const blobs = localBlobStore(join(config.dataDir, 'files'));
  const tags = ['files'];

  app.post('/', { schema: { tags, summary: '上传文件 Upload (PDF, PNG, JPEG, OFD; ≤ 20 MB)', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const p = requirePrincipal(req);
    if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported-media-type', '请使用 multipart/form-data 上传');
    const part = await req.file();
    if (!part) throw new HttpProblem(400, 'validation-failed', undefined, [{ path: 'file', code: 'required', message: '缺少文件 (file missing)' }]);
    const data = await part.toBuffer();
    if (part.file.truncated) throw new HttpProblem(413, 'file-too-large', `上限 limit ${config.uploadLimitBytes} bytes`);
    const row = await storeFile(db, blobs, { filename: part.filename, data, owner: p });
    return reply.code(201).send(presentFile(row));
  });

  app.get('/:id/meta', { schema: { tags, summary: '文件信息 File metadata', params: z.object({ id: z.string().max(100) }) } }, async (req) => {
    const p = requirePrincipal(req);
    return presentFile(await findReadableFile(db, req.params.id, p.organizationId));
  });

  app.get('/:id', { schema: { tags, summary: '下载文件 Download', params: z.object({ id: z.string().max(100) }), querystring: z.object({ inline: z.enum(['1', '0']).optional() }) } }, async (req, reply) => {
    const p = requirePrincipal(req);
    const f = await findReadableFile(db, req.params.id, p.organizationId);
    reply.header('content-disposition', contentDisposition(f.filename, req.query.inline === '1' ? 'inline' : 'attachment'));
    reply.header('x-content-sha256', f.sha256);
    reply.type(f.mime_type);
    return reply.send(blobs.stream(f.storage_key));
  });
};
