import type { loadConfig as LoadConfig } from '../platform/config/index.js';
import type { openDb as OpenDb, migrateToLatest as Migrate, isPostgresUrl as IsPg } from '../platform/db/index.js';
import { serve } from './serve.js';
import { backupSqlite } from './backup.js';
import { seedDemo } from '../seed/index.js';
import { verifyStoredLedger } from '../platform/ledger/index.js';
import { verifyDrawTranscriptFile, describeVerification } from '../modules/inspections/index.js';

interface Deps {
  loadConfig: typeof LoadConfig;
  openDb: typeof OpenDb;
  migrateToLatest: typeof Migrate;
  isPostgresUrl: typeof IsPg;
}

export const usage = `营商 Yingshang — 一站式企业服务平台 one-stop enterprise service platform

用法 Usage: yingshang <command> [options]

Commands:
  serve [--no-seed]      启动服务 start the server (migrates; seeds demo data into an empty database)
  migrate                数据库迁移 run database migrations
  seed [--scale N]       写入演示数据 seed demo data; --scale N multiplies module volumes (benchmarks)
  backup <file>          SQLite 在线备份 online backup of the SQLite database to <file>
  ledger verify          重新计算整个账本并核对最新检查点 recompute the whole ledger against the latest checkpoint
  draw verify <file>     复核双随机抽取记录 re-run a published draw transcript
  --help                 显示帮助 show this help

Settings are environment variables (PORT, DATABASE_URL, YS_DATA_DIR, …): see README.md.
`;

export const commands: Record<string, (args: string[], deps: Deps) => Promise<number>> = {
  async serve(args, { loadConfig }) {
    await serve(loadConfig(), { seed: !args.includes('--no-seed') });
    return -1; // keep running
  },
  async migrate(_args, { loadConfig, openDb, migrateToLatest }) {
    const config = loadConfig();
    const db = openDb({ url: config.databaseUrl });
    try {
      const done = await migrateToLatest(db);
      process.stdout.write(done.length ? `已执行迁移 applied ${done.length} migration(s):\n${done.join('\n')}\n` : '数据库已是最新 database is up to date\n');
      return 0;
    } finally {
      await db.destroy();
    }
  },
  async seed(args, { loadConfig, openDb, migrateToLatest }) {
    const i = args.indexOf('--scale');
    const scale = i >= 0 ? Number(args[i + 1]) : 0;
    if (i >= 0 && (!Number.isFinite(scale) || scale < 0)) {
      process.stderr.write('yingshang seed: --scale 需要一个非负数 needs a non-negative number\n');
      return 2;
    }
    const config = loadConfig();
    const db = openDb({ url: config.databaseUrl });
    try {
      await migrateToLatest(db);
      const summary = await seedDemo(db, config, { scale });
      process.stdout.write(`${summary}\n`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
  async ledger(args, { loadConfig, openDb }) {
    if (args[0] !== 'verify') {
      process.stderr.write('yingshang ledger: 用法 usage: yingshang ledger verify\n');
      return 2;
    }
    const config = loadConfig();
    const db = openDb({ url: config.databaseUrl });
    try {
      const r = await verifyStoredLedger(db);
      process.stdout.write(
        `${r.ok ? '账本校验通过 LEDGER OK' : '账本校验失败 LEDGER VERIFICATION FAILED'}\n` +
          `tree size ${r.treeSize}, checkpoint size ${r.checkpointSize}, root ${r.rootHash}\n` +
          `leaves ${r.leavesChecked}, nodes ${r.nodesChecked}, checkpoints ${r.checkpointsChecked}, pending ${r.pendingLeaves}, ${r.durationMs} ms\n` +
          r.problems.map((p) => `  ✗ ${p}\n`).join(''),
      );
      return r.ok ? 0 : 1;
    } finally {
      await db.destroy();
    }
  },
  async draw(args) {
    if (args[0] !== 'verify' || !args[1]) {
      process.stderr.write('yingshang draw: 用法 usage: yingshang draw verify <transcript.json>\n');
      return 2;
    }
    const r = await verifyDrawTranscriptFile(args[1]);
    process.stdout.write(`${describeVerification(r)}\n`);
    return r.ok ? 0 : 1;
  },
  async backup(args, { loadConfig, isPostgresUrl }) {
    const file = args[0];
    if (!file) {
      process.stderr.write('yingshang backup: 请指定备份文件 give the backup file: yingshang backup <file>\n');
      return 2;
    }
    const config = loadConfig();
    if (isPostgresUrl(config.databaseUrl)) {
      process.stderr.write('yingshang backup: PostgreSQL 请使用 use pg_dump: pg_dump --format=custom "$DATABASE_URL" > backup.dump\n');
      return 2;
    }
    const pages = await backupSqlite(config.databaseUrl, file);
    process.stdout.write(`备份完成 backup written to ${file} (${pages} pages)\n`);
    return 0;
  },
};
