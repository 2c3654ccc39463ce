import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
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

/** Only the server's own user may enter the data folder or read the database, its WAL and SHM, and backups. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export interface OpenOptions {
  /** Told once when an existing database was readable by others and has been tightened (default: stderr). */
  onWarning?: (message: string) => void;
}

const writeWarning = (message: string) => {
  process.stderr.write(`${message}\n`);
};

/**
 * Makes sure a database file exists with mode 0600 before SQLite opens it (SQLite gives its
 * WAL and SHM the database file's mode), and tightens an existing file, WAL or SHM that others
 * could read. Returns what it tightened, with the modes it found.
 */
function privateFile(file: string): string[] {
  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, 'wx', PRIVATE_FILE));
    } catch (err) {
      // Another process created it in between: it is checked below like any existing file.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const tightened: string[] = [];
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(path)) continue;
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) === 0) continue;
    chmodSync(path, PRIVATE_FILE);
    tightened.push(`${path} (was ${mode.toString(8).padStart(4, '0')})`);
  }
  return tightened;
}

/**
 * Opens (creating if missing) the SQLite file and brings its schema up to date. WAL with
 * `synchronous = FULL`: a committed import survives a power loss, not just a crash. The folder
 * it creates is private (0700) and the file, its WAL and SHM are readable by their owner only
 * (0600); `secure_delete` overwrites deleted rows, so a purged name does not linger in the file.
 */
export function openDatabase(path: string = process.env.TALLER_DB ?? DEFAULT_DB_PATH, options: OpenOptions = {}): OpenDatabase {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR });
    const tightened = privateFile(file);
    if (tightened.length > 0) {
      (options.onWarning ?? writeWarning)(`the database was readable by other users; now readable by its owner only (0600): ${tightened.join(', ')}`);
    }
  }
  const sqlite = new Database(file);
  sqlite.pragma('secure_delete = ON');
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
 * into a file only its owner may read (0600), and checks the copy with `PRAGMA integrity_check`.
 */
export async function backupDatabase(source: OpenDatabase, target: string): Promise<BackupResult> {
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR });
  // The copy holds the same personal data: created, or an older copy tightened, before a byte is written.
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);
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
