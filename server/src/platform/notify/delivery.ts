import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.js';
import { fill, findTemplate } from './templates.js';

/**
 * Delivery adapters for the outbox. The default writes each message to the server log (no SMS gateway or mail
 * server is configured in the embedded setup); an SMS or email provider implements the same interface.
 */
export interface DeliveryAdapter {
  readonly name: string;
  send(message: { channel: 'sms' | 'email'; userId: string; title: string; body: string }): Promise<void>;
}

export function logAdapter(log: (obj: object, msg: string) => void): DeliveryAdapter {
  return {
    name: 'log',
    async send(m) {
      log({ channel: m.channel, userId: m.userId, title: m.title }, `[outbox:${m.channel}] ${m.body}`);
    },
  };
}

/**
 * Delivers pending outbox messages. Each message is claimed first (`claimed_by` set by a conditional update),
 * so several server processes never deliver one message twice.
 */
export async function deliverPending(db: Db, adapter: DeliveryAdapter, batch = 50): Promise<number> {
  const worker = randomUUID();
  const staleBefore = new Date(Date.now() - 5 * 60_000).toISOString();
  const candidates = await db.selectFrom('outbox_messages').select('id').where('state', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)]))
    .orderBy('created_at').limit(batch).execute();
  let sent = 0;
  for (const { id } of candidates) {
    const claim = await db.updateTable('outbox_messages').set({ claimed_by: worker, claimed_at: new Date().toISOString() })
      .where('id', '=', id).where('state', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)]))
      .executeTakeFirst();
    if (!claim.numUpdatedRows) continue;
    const m = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const t = findTemplate(m.template);
    try {
      if (!t) throw new Error(`unknown template ${m.template}`);
      const params = JSON.parse(m.params) as Record<string, string | number>;
      await adapter.send({ channel: m.channel, userId: m.user_id, title: fill(t.title.zh, params), body: fill(t.body.zh, params) });
      await db.updateTable('outbox_messages').set({ state: 'sent', sent_at: new Date().toISOString(), attempts: m.attempts + 1 }).where('id', '=', id).execute();
      sent += 1;
    } catch (err) {
      const attempts = m.attempts + 1;
      await db.updateTable('outbox_messages')
        .set({ state: attempts >= 5 ? 'failed' : 'pending', attempts, last_error: String(err), claimed_by: null, claimed_at: null })
        .where('id', '=', id).execute();
    }
  }
  return sent;
}
