// One volunteer pool across the season: a workshop may not book someone (by e-mail) who is booked
// at another stored workshop they cannot also reach, travel between the sites included.
import t from 'tap';
import { VOLUNTEERS_FILE } from '../../src/bundle/index.js';
import type { BundleFiles } from '../../src/bundle/index.js';
import { findEvent, loadBundle, saveBundle } from '../../src/db/events.js';
import { importBundle } from '../../src/services/bundles.js';
import { changePerson } from '../../src/services/people.js';
import { FRESNO, sampleBundle, sampleFiles, tempDatabase } from '../support/fixtures.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The Fresno sample as another workshop: its own id, and its event.json's site moved to another county when asked. */
function otherWorkshop(options: { id: string; county?: string; date?: string; available?: string; blankEmail?: boolean }): BundleFiles {
  const files = sampleFiles(FRESNO);
  const event = JSON.parse(decoder.decode(files['event.json'])) as { id: string; date: string; site: { name: string; county?: string } };
  event.id = options.id;
  if (options.date) event.date = options.date;
  if (options.county) event.site = { ...event.site, name: `Community hall, ${options.county}`, county: options.county };
  files['event.json'] = encoder.encode(JSON.stringify(event));
  // Only V001 keeps an e-mail (the others are other people here); V001 offers the given hours, if any.
  const lines = decoder.decode(files[VOLUNTEERS_FILE]).split('\n').map((line, i) => {
    if (i === 0 || line === '') return line;
    const cells = line.split(',');
    if (cells[0] !== 'V001' || options.blankEmail) cells[2] = '';
    if (cells[0] === 'V001' && options.available !== undefined) cells[10] = options.available;
    return cells.join(',');
  });
  files[VOLUNTEERS_FILE] = encoder.encode(lines.join('\n'));
  return files;
}

t.test('a workshop that books someone already booked the same day in another county is refused at their roster line, naming both', async (t) => {
  const store = tempDatabase(t);
  t.ok(importBundle(store.db, sampleFiles(FRESNO), 'test').ok);
  const outcome = importBundle(store.db, otherWorkshop({ id: 'madera-same-day', county: 'Madera' }), 'test');
  t.notOk(outcome.ok, 'refused');
  const errors = outcome.ok ? [] : outcome.errors;
  t.equal(errors.length, 1, 'one person is on both rosters by e-mail');
  t.match(errors[0], { file: 'volunteers.csv', row: 2, column: 'available' });
  t.match(errors[0]!.message, /^V001 is booked at madera-same-day \(Madera County, 2027-05-22 09:00-16:00\) and, by the same e-mail as V001 on a roster already stored, at fresno-2027-05-22 \(Fresno County, 2027-05-22 09:00-16:00\): the two overlap$/);
  t.equal(findEvent(store.db, 'madera-same-day'), undefined, 'nothing was stored');
});

t.test('a workshop the next day in another county is imported: a night is longer than the drive', async (t) => {
  const store = tempDatabase(t);
  const evening = sampleBundle(FRESNO);
  saveBundle(store.db, { ...evening, volunteers: evening.volunteers.map((v, i) => (i === 0 ? { ...v, available: [{ start: 0, end: evening.event.dayMinutes }] } : v)) }, 'test', null);
  const outcome = importBundle(store.db, otherWorkshop({ id: 'kern-next-day', county: 'Kern', date: '2027-05-23', available: '' }), 'test');
  t.ok(outcome.ok, 'a whole night is more than the two hours between counties');
});

t.test('a person booked at two workshops with time to travel between them is imported', async (t) => {
  const store = tempDatabase(t);
  // At Fresno only in the morning, at the Madera workshop only from 14:00: three hours apart, two hours of travel.
  const fresno = sampleBundle(FRESNO);
  saveBundle(store.db, { ...fresno, volunteers: fresno.volunteers.map((v, i) => (i === 0 ? { ...v, available: [{ start: 0, end: 120 }] } : v)) }, 'test', null);
  const outcome = importBundle(store.db, otherWorkshop({ id: 'madera-afternoon', county: 'Madera', available: '14:00-16:00' }), 'test');
  t.ok(outcome.ok, outcome.ok ? 'imported' : JSON.stringify(outcome.errors));
});

t.test('importing a workshop again is never refused for booking its own people', async (t) => {
  const store = tempDatabase(t);
  t.ok(importBundle(store.db, sampleFiles(FRESNO), 'test').ok);
  const again = importBundle(store.db, sampleFiles(FRESNO), 'test');
  t.ok(again.ok, 'the stored copy of the same workshop is not another workshop');
});

t.test('adding someone to a roster by the form is refused at the hours field when they are booked at another workshop then', async (t) => {
  const store = tempDatabase(t);
  t.ok(importBundle(store.db, sampleFiles(FRESNO), 'test').ok);
  // The Madera roster shares no e-mail, so it imports; then V001's e-mail is typed into the form for a new line.
  t.ok(importBundle(store.db, otherWorkshop({ id: 'madera-form', county: 'Madera', blankEmail: true }), 'test').ok);
  const email = sampleBundle(FRESNO).volunteers[0]!.email!;
  const outcome = changePerson(store.db, 'madera-form', 'volunteers', {
    kind: 'add', form: { id: 'V099', name: 'Same Person', email, role: 'general', languages: 'pa;en', available: '10:00-12:00' },
  }, 'test');
  t.notOk(outcome.ok, 'refused');
  t.match(outcome, { problems: [{ field: 'available', problem: { message: /by the same e-mail as V001 on a roster already stored, at fresno-2027-05-22/ } }] });
  t.notOk(loadBundle(store.db, 'madera-form')!.volunteers.some((v) => v.id === 'V099'), 'nothing was added');
});
