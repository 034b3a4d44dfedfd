#!/usr/bin/env node
/**
 * CLI `yingshang`: serve | migrate | seed [--scale N] | backup <file> | ledger verify | draw verify <file> | --help
 */
import { loadConfig } from './platform/config/index.js';
import { openDb, migrateToLatest, isPostgresUrl } from './platform/db/index.js';
import { commands, usage } from './cli/commands.js';

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const run = commands[cmd];
  if (!run) {
    process.stderr.write(`yingshang: 未知命令 unknown command "${cmd}"\n\n${usage}`);
    return 2;
  }
  return run(rest, { loadConfig, openDb, migrateToLatest, isPostgresUrl });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined && code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`yingshang: 错误 error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
