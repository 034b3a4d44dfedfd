import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import { HttpProblem } from './problem.js';

/**
 * `Idempotency-Key` on POST: the first response is stored and replayed for a retry with the same key, so a
 * double-clicked submit or a retried request creates one record. Keys are scoped to the caller (session user,
 * API key, or client address for anonymous calls). A different body with a used key → 422. A retry while the
 * first is still running → 409. A key whose first attempt failed with a 5xx is released so it can be retried.
 */
const IN_PROGRESS_TIMEOUT_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

function scopeOf(req: FastifyRequest): string {
  if (req.principal) return `${req.principal.kind}:${req.principal.id}`;
  return `anon:${req.ip}`;
}

export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST') return;
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0) return;
    if (key.length > 200) throw new HttpProblem(400, 'validation-failed', 'Idempotency-Key too long', [
      { path: 'header.idempotency-key', code: 'too_big', message: 'at most 200 characters' },
    ]);
    const scope = scopeOf(req);
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.url}\n`)
      .update(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null))
      .digest('hex');
    const now = new Date();
    const existing = await db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
    if (existing) {
      if (existing.request_hash !== requestHash) throw new HttpProblem(422, 'idempotency-key-reused');
      if (existing.state === 'done') {
        reply.header('idempotent-replayed', 'true');
        reply.code(existing.response_status ?? 200);
        if (existing.response_type) reply.type(existing.response_type);
        return reply.send(existing.response_body ?? '');
      }
      if (now.getTime() - Date.parse(existing.created_at) < IN_PROGRESS_TIMEOUT_MS) {
        throw new HttpProblem(409, 'idempotency-in-progress');
      }
      await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).execute();
    }
    try {
      await db
        .insertInto('idempotency_keys')
        .values({ scope, key, request_hash: requestHash, state: 'in-progress', response_status: null, response_body: null, response_type: null, created_at: now.toISOString() })
        .execute();
    } catch {
      // Lost a race with a concurrent identical request.
      throw new HttpProblem(409, 'idempotency-in-progress');
    }
    req.idempotency = { scope, key };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = undefined;
    if (reply.statusCode >= 500 || typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
      await db.deleteFrom('idempotency_keys').where('scope', '=', idem.scope).where('key', '=', idem.key).execute();
      return payload;
    }
    await db
      .updateTable('idempotency_keys')
      .set({
        state: 'done',
        response_status: reply.statusCode,
        response_body: Buffer.isBuffer(payload) ? payload.toString('utf8') : payload,
        response_type: String(reply.getHeader('content-type') ?? 'application/json'),
      })
      .where('scope', '=', idem.scope)
      .where('key', '=', idem.key)
      .execute();
    return payload;
  });
}
