import type { FastifyInstance } from 'fastify';
import type { Db, DbOrTx } from '../db/index.js';
import { newId } from '../ids/index.js';

/**
 * Append-only audit log. Every state-changing request is recorded after it is answered (actor, organization,
 * route, target id, outcome, request id). Services may add their own entries with `recordAudit` (e.g. the
 * identity of a signer) inside their transaction. There is no update or delete path.
 */
export interface AuditEntry {
  requestId: string;
  actorKind?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  organizationId?: string | null;
  action: string;
  target?: string | null;
  outcome: number;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function recordAudit(db: DbOrTx, e: AuditEntry) {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud'),
      at: new Date().toISOString(),
      request_id: e.requestId,
      actor_kind: e.actorKind ?? null,
      actor_id: e.actorId ?? null,
      actor_name: e.actorName ?? null,
      organization_id: e.organizationId ?? null,
      action: e.action,
      target: e.target ?? null,
      outcome: e.outcome,
      ip: e.ip ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .execute();
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerAuditHook(app: FastifyInstance, db: Db): void {
  app.addHook('onResponse', async (req, reply) => {
    if (!STATE_CHANGING.has(req.method)) return;
    // Timestamp queries are public, high-volume and change nothing of ours: they are not audited.
    if (req.routeOptions.url?.startsWith('/api/v1/tsa')) return;
    const params = (req.params ?? {}) as Record<string, unknown>;
    const target = Object.values(params).filter((v) => typeof v === 'string').join('/') || null;
    try {
      await recordAudit(db, {
        requestId: req.id,
        actorKind: req.principal?.kind ?? null,
        actorId: req.principal?.id ?? null,
        actorName: req.principal?.username ?? null,
        organizationId: req.principal?.organizationId ?? null,
        action: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`,
        target,
        outcome: reply.statusCode,
        ip: req.ip,
      });
    } catch (err) {
      req.log.error({ err }, 'audit write failed');
    }
  });
}

export async function searchAudit(
  db: DbOrTx,
  q: { actor?: string; action?: string; organizationId?: string; from?: string; to?: string; limit: number; offset: number },
) {
  let sel = db.selectFrom('audit_log').selectAll();
  if (q.actor) sel = sel.where((eb) => eb.or([eb('actor_name', '=', q.actor!), eb('actor_id', '=', q.actor!)]));
  if (q.action) sel = sel.where('action', 'like', `%${q.action}%`);
  if (q.organizationId) sel = sel.where('organization_id', '=', q.organizationId);
  if (q.from) sel = sel.where('at', '>=', q.from);
  if (q.to) sel = sel.where('at', '<=', q.to);
  return sel.orderBy('at', 'desc').limit(q.limit).offset(q.offset).execute();
}
