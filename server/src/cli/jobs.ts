import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db/index.js';
import type { Config } from '../platform/config/index.js';
import { runLedgerSequencer } from '../platform/ledger/index.js';
import { deliverPending, logAdapter } from '../platform/notify/index.js';
import { sweepOverdue } from '../platform/workflow/index.js';
import { setCalendarWarningHandler } from '../platform/calendar/index.js';

/**
 * Periodic work of a server process. Each job claims its rows in the database, so any number of processes may
 * run them side by side.
 */
export function startBackgroundJobs(db: Db, config: Config, log: FastifyBaseLogger): { stop(): void } {
  const adapter = logAdapter((obj, msg) => log.info(obj, msg));
  setCalendarWarningHandler((w) => log.warn(w, w.en));
  const jobs: [string, number, () => Promise<unknown>][] = [
    // Integrates committed leaves into the Merkle tree and signs a checkpoint; safe with several processes.
    ['ledger sequencer', 1_000, () => runLedgerSequencer(db, config)],
    ['outbox delivery', 5_000, () => deliverPending(db, adapter)],
    ['overdue sweep', 5 * 60_000, () => sweepOverdue(db)],
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
