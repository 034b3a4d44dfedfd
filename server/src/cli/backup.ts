import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/** SQLite online backup (the server may keep running): copies page by page into `file`. */
export async function backupSqlite(databasePath: string, file: string): Promise<number> {
  if (!existsSync(databasePath)) throw new Error(`数据库文件不存在 database file not found: ${databasePath}`);
  if (existsSync(file)) throw new Error(`目标文件已存在 refusing to overwrite ${file}`);
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(file);
    return result.totalPages;
  } finally {
    db.close();
  }
}
