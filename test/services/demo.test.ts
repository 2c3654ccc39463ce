import t from 'tap';
import { eq } from 'drizzle-orm';
import { ensureDemo } from '../../src/services/demo.js';
import { listEvents } from '../../src/db/events.js';
import { events } from '../../src/db/schema.js';
import { FRESNO_ID, tempDatabase } from '../support/fixtures.js';

t.test('the first start loads the Fresno demo event', async (t) => {
  const { db } = tempDatabase(t);
  t.equal(await ensureDemo(db), true);
  t.same(listEvents(db).map((e) => [e.id, e.volunteers, e.applicants]), [[FRESNO_ID, 12, 40]]);
});

t.test('a demo event the coordinator deleted does not come back on the next start', async (t) => {
  const { db } = tempDatabase(t);
  await ensureDemo(db);
  db.delete(events).where(eq(events.slug, FRESNO_ID)).run();
  t.equal(await ensureDemo(db), false);
  t.same(listEvents(db), []);
});
