import t from 'tap';
import { AuditWriter, auditWriter } from '../../src/db/audit.js';
import { auditLog } from '../../src/db/schema.js';
import { tempDatabase } from '../support/fixtures.js';

t.test('rows asked for in one turn are committed together, and each promise settles once its row is stored', async (t) => {
  const { db } = tempDatabase(t);
  const writer = new AuditWriter(db);
  const done = [1, 2, 3].map((n) => writer.write(`token:${n}`, 'calendar.view', null, `view ${n}`));
  t.equal(db.select().from(auditLog).all().length, 0, 'nothing written in the same turn');
  await done[0]!.then(() => t.equal(db.select().from(auditLog).all().length, 3, 'all three committed when the first settles'));
  await Promise.all(done);
  t.same(db.select().from(auditLog).all().map((r) => [r.actor, r.action, r.detail]),
    [['token:1', 'calendar.view', 'view 1'], ['token:2', 'calendar.view', 'view 2'], ['token:3', 'calendar.view', 'view 3']]);
});

t.test('a row that cannot be stored fails its caller', async (t) => {
  const store = tempDatabase(t);
  const writer = new AuditWriter(store.db);
  const pending = writer.write('token:1', 'plan.view', 999_999);
  await t.rejects(pending, /FOREIGN KEY/, 'an event that is not there');
  t.equal(store.db.select().from(auditLog).all().length, 0);
});

t.test('one writer per database', async (t) => {
  const a = tempDatabase(t);
  const b = tempDatabase(t);
  t.equal(auditWriter(a.db), auditWriter(a.db));
  t.not(auditWriter(a.db), auditWriter(b.db));
});
