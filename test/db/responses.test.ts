// How a volunteer's answer reads on their hours, and that answers go with the event's personal data.
import t from 'tap';
import { eq } from 'drizzle-orm';
import { loadBundle } from '../../src/db/events.js';
import { purgeEvent } from '../../src/db/purge.js';
import { answeredWindows, saveResponse } from '../../src/db/responses.js';
import { applicantForm, changePerson } from '../../src/services/people.js';
import { events, responses, rosterEntries } from '../../src/db/schema.js';
import { FRESNO_ID } from '../support/fixtures.js';
import { BUSY, fresnoDay } from '../support/links.js';

t.test('a volunteer who cannot come has no hours left; one who is late starts that much after their first window', async (t) => {
  const day = [{ start: 0, end: 420 }];
  const split = [{ start: 0, end: 120 }, { start: 270, end: 420 }];
  t.same(answeredWindows(day, undefined), day, 'no answer: as imported');
  t.same(answeredWindows(split, { answer: 'cannot_come', minutesLate: null }), []);
  t.same(answeredWindows(day, { answer: 'late', minutesLate: 45 }), [{ start: 45, end: 420 }]);
  t.same(answeredWindows(split, { answer: 'late', minutesLate: 150 }), [{ start: 270, end: 420 }], 'a window that ends before they arrive is gone');
  t.same(answeredWindows(split, { answer: 'late', minutesLate: 300 }), [{ start: 300, end: 420 }], 'a later window starts when they arrive');
  t.same(answeredWindows(day, { answer: 'late', minutesLate: 500 }), [], 'later than the day: no hours');
  t.same(answeredWindows(day, { answer: 'coming', minutesLate: null }), day, "an applicant's answer changes no volunteer's hours");
});

t.test("the stored roster reads each volunteer's latest answer, and an answer moves the event's mark", async (t) => {
  const { store, key } = await fresnoDay(t);
  const entry = store.db.select({ id: rosterEntries.id }).from(rosterEntries).where(eq(rosterEntries.code, BUSY[0]!)).get()!.id;
  const before = store.db.select({ at: events.updatedAt }).from(events).where(eq(events.id, key)).get()!.at;
  const save = (answer: string, minutesLate: number | null, at: string) => saveResponse(store.db, { eventId: key, rosterEntryId: entry, answer, minutesLate, tokenId: null },
    { actor: 'test', action: 'response.create', detail: 'test' }, at);
  save('cannot_come', null, '2027-05-01T10:00:00.000Z');
  t.same(loadBundle(store.db, FRESNO_ID)!.volunteers.find((v) => v.id === BUSY[0])!.available, []);
  save('late', 30, '2027-05-02T10:00:00.000Z');
  t.same(loadBundle(store.db, FRESNO_ID)!.volunteers.find((v) => v.id === BUSY[0])!.available[0]!.start, 30, 'the latest answer stands, from the imported hours');
  t.not(store.db.select({ at: events.updatedAt }).from(events).where(eq(events.id, key)).get()!.at, before);
});

t.test('purging an event removes every answer, notes and all', async (t) => {
  const { store, key } = await fresnoDay(t);
  const entry = store.db.select({ id: rosterEntries.id }).from(rosterEntries).where(eq(rosterEntries.code, BUSY[0]!)).get()!.id;
  saveResponse(store.db, { eventId: key, rosterEntryId: entry, answer: 'cannot_come', note: 'Mi hija está enferma', tokenId: null },
    { actor: 'test', action: 'response.create', detail: 'test' }, '2027-05-02T00:00:00.000Z');
  purgeEvent(store.db, key, 'test', '2027-07-01T00:00:00.000Z');
  t.same(store.db.select().from(responses).all(), []);
});

t.test('an answer given after a purge leaves the event purged', async (t) => {
  const { store, key } = await fresnoDay(t);
  const entry = store.db.select({ id: rosterEntries.id }).from(rosterEntries).where(eq(rosterEntries.code, BUSY[0]!)).get()!.id;
  purgeEvent(store.db, key, 'test', '2027-07-01T00:00:00.000Z');
  saveResponse(store.db, { eventId: key, rosterEntryId: entry, answer: 'cannot_come', tokenId: null },
    { actor: 'test', action: 'response.create', detail: 'test' }, '2027-07-02T00:00:00.000Z');
  t.equal(store.db.select({ at: events.purgedAt }).from(events).where(eq(events.id, key)).get()!.at, '2027-07-01T00:00:00.000Z');
});

t.test("editing someone else keeps a volunteer's answer an answer: their hours stay as imported and the answer still stands", async (t) => {
  const { store, key } = await fresnoDay(t);
  // V007 comes 09:00-11:00 and 13:30-16:00: hours an empty cell (all day) would lose.
  const imported = loadBundle(store.db, FRESNO_ID)!.volunteers.find((v) => v.id === 'V007')!.available;
  const entry = store.db.select({ id: rosterEntries.id }).from(rosterEntries).where(eq(rosterEntries.code, 'V007')).get()!.id;
  saveResponse(store.db, { eventId: key, rosterEntryId: entry, answer: 'cannot_come', tokenId: null },
    { actor: 'test', action: 'response.create', detail: 'test' }, '2027-05-01T10:00:00.000Z');
  const stored = loadBundle(store.db, FRESNO_ID, { asImported: true })!;
  const applicant = stored.applicants[0]!;
  const changed = changePerson(store.db, FRESNO_ID, 'applicants', { kind: 'edit', code: applicant.id, form: { ...applicantForm(stored.event, applicant), name: 'Otro Nombre' } }, 'test');
  t.ok(changed.ok);
  t.same(loadBundle(store.db, FRESNO_ID, { asImported: true })!.volunteers.find((v) => v.id === 'V007')!.available, imported);
  t.same(loadBundle(store.db, FRESNO_ID)!.volunteers.find((v) => v.id === 'V007')!.available, []);
});
