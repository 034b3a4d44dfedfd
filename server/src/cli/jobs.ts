import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { deliverPending, logAdapter } from '../platform/notify/index.js';

/**
 * Periodic work of a server process. Each job claims its rows in the database, so any number of processes may
 * run them side by side.
 */
export function startBackgroundJobs(db: Db, log: FastifyBaseLogger): { stop(): void } {
  const adapter = logAdapter((obj, msg) => log.info(obj, msg));
  const jobs: [string, number, () => Promise<unknown>][] = [
    ['outbox delivery', 5_000, () => deliverPending(db, adapter)],
  ];
  const timers = jobs.map(([name, every, run]) => {
    let running = false;
    const t = setInterval(() => {
      if (running) return;
      running = true;
      run()
        .catch((err: unknown) => log.error({ err }, `${name} failed`))
        .finally(() => (running = false));
    }, every);
    t.unref();
    return t;
  });
  return { stop: () => timers.forEach(clearInterval) };
}
