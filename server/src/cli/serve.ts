import type { Config } from '../platform/config/index.js';
import { openDb, migrateToLatest } from '../platform/db/index.js';
import { buildApp } from '../app.js';
import { seedIfEmpty } from '../seed/index.js';
import { startBackgroundJobs } from './jobs.js';
import { getPkiForConfig } from '../platform/pki/index.js';

/**
 * Starts the server. On SIGTERM/SIGINT it stops accepting connections, lets requests in flight finish, then
 * closes the database. Writes are committed before they are answered, so nothing acknowledged is lost.
 */
export async function serve(config: Config, opts: { seed: boolean }): Promise<void> {
  const db = openDb({ url: config.databaseUrl });
  await migrateToLatest(db);
  if (opts.seed) await seedIfEmpty(db, config);
  const app = await buildApp({ db, config });
  // Create (first start) or load the platform CA now, not on the first signing request.
  const pki = await getPkiForConfig(config);
  app.log.info({ source: pki.source, ca: pki.ca.certificate.subject, caSha256: pki.ca.certificate.sha256 }, 'PKI ready');
  const jobs = startBackgroundJobs(db, config, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, '正在停止 shutting down: draining requests in flight');
    jobs.stop();
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`营商 Yingshang 已启动 listening on http://localhost:${config.port} (database: ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite ' + config.databaseUrl})`);
}
