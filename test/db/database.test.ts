import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { backupDatabase, openDatabase } from '../../src/db/index.js';
import { listEvents, saveBundle } from '../../src/db/events.js';
import { FRESNO, sampleBundle, tempDatabase, tempDir } from '../support/fixtures.js';

t.test('creates the database file and its folder when they are missing, with every table migrated', async (t) => {
  const path = join(tempDir(t), 'nested', 'folder', 'taller.sqlite');
  const store = openDatabase(path);
  t.teardown(() => store.close());
  const tables = store.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all()
    .map((r) => (r as { name: string }).name);
  for (const name of ['organizations', 'sites', 'events', 'volunteers', 'roster_entries', 'applicants', 'plans', 'plan_items',
    'users', 'access_tokens', 'audit_log']) {
    t.ok(tables.includes(name), `has the ${name} table`);
  }
});

t.test('opens with write-ahead logging, full synchronous writes and foreign keys enforced', async (t) => {
  const { sqlite } = tempDatabase(t);
  t.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
  t.equal(sqlite.pragma('synchronous', { simple: true }), 2, 'FULL is 2');
  t.equal(sqlite.pragma('foreign_keys', { simple: true }), 1);
});

t.test('opening an up-to-date database again applies no migration twice', async (t) => {
  const dir = tempDir(t);
  const first = openDatabase(join(dir, 'db.sqlite'));
  saveBundle(first.db, sampleBundle(FRESNO), 'test');
  first.close();
  const again = openDatabase(join(dir, 'db.sqlite'));
  t.teardown(() => again.close());
  t.equal(listEvents(again.db).length, 1);
});

t.test('a backup is a consistent copy that passes the integrity check and holds the events', async (t) => {
  const store = tempDatabase(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const target = join(tempDir(t), 'backups', 'copy.sqlite');
  const result = await backupDatabase(store, target);
  t.equal(result.integrity, 'ok');
  const copy = new Database(target, { readonly: true });
  t.teardown(() => copy.close());
  t.equal((copy.prepare('select count(*) as n from applicants').get() as { n: number }).n, 40);
});

const POSIX = process.platform === 'win32' ? { skip: 'this platform has no POSIX file modes' } : {};
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

t.test('the data folder is created private (0700) and the database, its WAL and SHM are readable by their owner only (0600)', POSIX, async (t) => {
  const folder = join(tempDir(t), 'data');
  const file = join(folder, 'taller.sqlite');
  const store = openDatabase(file);
  t.teardown(() => store.close());
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  t.equal(modeOf(folder), '700');
  t.equal(modeOf(file), '600');
  t.equal(modeOf(`${file}-wal`), '600');
  t.equal(modeOf(`${file}-shm`), '600');
});

t.test('an existing database that others could read is tightened to 0600 at open, and said so once', POSIX, async (t) => {
  const file = join(tempDir(t), 'taller.sqlite');
  openDatabase(file).close();
  chmodSync(file, 0o644);
  const warnings: string[] = [];
  const store = openDatabase(file, { onWarning: (m) => warnings.push(m) });
  store.close();
  t.equal(modeOf(file), '600');
  t.equal(warnings.length, 1);
  t.match(warnings[0], /readable by other users; now readable by its owner only \(0600\): .*taller\.sqlite \(was 0644\)/);
  openDatabase(file, { onWarning: (m) => warnings.push(m) }).close();
  t.equal(warnings.length, 1, 'a database already private opens without a word');
});

t.test('a backup is readable by its owner only (0600), in a folder created private, even over an older copy readable by others', POSIX, async (t) => {
  const store = tempDatabase(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const folder = join(tempDir(t), 'backups');
  const target = join(folder, 'copy.sqlite');
  await backupDatabase(store, target);
  t.equal(modeOf(folder), '700');
  t.equal(modeOf(target), '600');
  chmodSync(target, 0o644);
  await backupDatabase(store, target);
  t.equal(modeOf(target), '600');
});

t.test('opens with secure_delete on, so deleted rows are overwritten in the file', async (t) => {
  const { sqlite } = tempDatabase(t);
  t.equal(sqlite.pragma('secure_delete', { simple: true }), 1);
});
