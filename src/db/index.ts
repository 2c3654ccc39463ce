import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  path: string;
  close(): void;
}

export const DEFAULT_DB_PATH = './data/taller.sqlite';
const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Opens (creating if missing) the SQLite file and brings its schema up to date. WAL with
 * `synchronous = FULL`: a committed import survives a power loss, not just a crash.
 */
export function openDatabase(path: string = process.env.TALLER_DB ?? DEFAULT_DB_PATH): OpenDatabase {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  const db = drizzle(sqlite, { schema });
  try {
    migrate(db, { migrationsFolder: MIGRATIONS });
  } catch (err) {
    sqlite.close();
    throw new Error(`could not bring the database ${file} up to date: ${(err as Error).message}`, { cause: err });
  }
  return { db, sqlite, path: file, close: () => sqlite.close() };
}

export interface BackupResult {
  file: string;
  pages: number;
  integrity: string;
}

/**
 * Takes a consistent copy of the live database (SQLite's online backup: writers may go on)
 * and checks the copy with `PRAGMA integrity_check`.
 */
export async function backupDatabase(source: OpenDatabase, target: string): Promise<BackupResult> {
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true });
  const { totalPages } = await source.sqlite.backup(file);
  const copy = new Database(file, { readonly: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    return { file, pages: totalPages, integrity };
  } finally {
    copy.close();
  }
}
