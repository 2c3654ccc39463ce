import t from 'tap';
import { eq } from 'drizzle-orm';
import { loadBundle, saveBundle } from '../../src/db/events.js';
import type { Db } from '../../src/db/index.js';
import { accessTokens, applicants, auditLog, rosterEntries, volunteers } from '../../src/db/schema.js';
import { issueLink, verifyToken } from '../../src/db/tokens.js';
import type { Applicant, Bundle, Volunteer } from '../../src/domain/index.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';

const NOW = new Date().toISOString();

/** A bundle with one applicant's row changed. */
function withApplicant(bundle: Bundle, code: string, change: Partial<Applicant>): Bundle {
  return { ...bundle, applicants: bundle.applicants.map((a) => (a.id === code ? { ...a, ...change } : a)) };
}

/** A bundle with one volunteer's row changed. */
function withVolunteer(bundle: Bundle, code: string, change: Partial<Volunteer>): Bundle {
  return { ...bundle, volunteers: bundle.volunteers.map((v) => (v.id === code ? { ...v, ...change } : v)) };
}

/** Someone else entirely under the same code: another name, no shared phone or e-mail. */
const SOMEONE_ELSE: Partial<Applicant> = { name: 'Marisol Ochoa Ruiz', phone: '209-555-0199', email: 'marisol@example.net' };

function slipLink(db: Db, code: string): string {
  const made = issueLink(db, { kind: 'applicant', event: FRESNO_ID, code }, {}, 'test');
  if (!made.ok) throw new Error(`no link for ${code}`);
  return made.token;
}

function feedLink(db: Db, code: string): string {
  const made = issueLink(db, { kind: 'feed', event: FRESNO_ID, code }, {}, 'test');
  if (!made.ok) throw new Error(`no link for ${code}`);
  return made.token;
}

const applicantId = (db: Db, code: string) => db.select({ id: applicants.id }).from(applicants).where(eq(applicants.code, code)).get()?.id;

t.test('re-importing the same people keeps every slip and calendar link working', async (t) => {
  const { db } = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(db, bundle, 'test');
  const slip = slipLink(db, 'A0009');
  const feed = feedLink(db, 'V003');
  saveBundle(db, bundle, 'test');
  t.equal(verifyToken(db, slip, 'applicant', NOW)?.applicantId, applicantId(db, 'A0009'));
  t.ok(verifyToken(db, feed, 'feed', NOW));
});

t.test('a re-import that changes the same people\'s details and order stores every change', async (t) => {
  const { db } = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(db, bundle, 'test');
  const changed: Bundle = {
    ...withApplicant(withVolunteer(bundle, 'V003', { languages: ['es', 'en', 'mix'], maxApplicants: 3 }), 'A0009', {
      languages: ['es', 'en'], caseType: 'tps', flags: ['prior_denial'], priority: 2,
    }),
  };
  changed.applicants = [...changed.applicants].reverse();
  saveBundle(db, changed, 'test');
  const { key: _key, ...loaded } = loadBundle(db, FRESNO_ID)!;
  t.same(JSON.parse(JSON.stringify(loaded)), JSON.parse(JSON.stringify(changed, (k, v) => (k === 'email' && typeof v === 'string' ? v.toLowerCase() : v))));
});

t.test('an applicant code given to someone else on re-import ends the links made for the first person', async (t) => {
  const { db } = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(db, bundle, 'test');
  const before = applicantId(db, 'A0009');
  const slip = slipLink(db, 'A0009');
  saveBundle(db, withApplicant(bundle, 'A0009', SOMEONE_ELSE), 'test');
  t.equal(verifyToken(db, slip, 'applicant', NOW), undefined);
  t.not(applicantId(db, 'A0009'), before, 'the new person has a record of their own');
});

for (const [what, change] of [
  ['their name in other case, accents and spacing', { name: 'hector  perez SANCHEZ' }],
  ['a new name but the same phone number', { name: 'Héctor P. Sánchez', phone: '(559) 555-0109' }],
  ['a new name and phone but the same e-mail address', { name: 'H. Pérez', phone: '', email: 'HECTOR@example.com' }],
] as const) {
  t.test(`an applicant re-imported with ${what} is the same person and keeps their link`, async (t) => {
    const { db } = tempDatabase(t);
    const bundle = withApplicant(sampleBundle(FRESNO), 'A0009', { email: 'hector@example.com' });
    saveBundle(db, bundle, 'test');
    const slip = slipLink(db, 'A0009');
    saveBundle(db, withApplicant(bundle, 'A0009', change.phone === '' ? { ...change, phone: undefined } : change), 'test');
    t.ok(verifyToken(db, slip, 'applicant', NOW));
  });
}

t.test('an applicant left out of a re-import is removed, and so are their links', async (t) => {
  const { db } = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(db, bundle, 'test');
  const slip = slipLink(db, 'A0009');
  saveBundle(db, { ...bundle, applicants: bundle.applicants.filter((a) => a.id !== 'A0009') }, 'test');
  t.equal(applicantId(db, 'A0009'), undefined);
  t.equal(verifyToken(db, slip, 'applicant', NOW), undefined);
  t.equal(db.select().from(accessTokens).where(eq(accessTokens.kind, 'applicant')).all().length, 0, 'no link row is left behind');
});

t.test('a volunteer code given to someone else ends their calendar link, and the first volunteer keeps their own name', async (t) => {
  const { db } = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(db, bundle, 'test');
  const first = bundle.volunteers.find((v) => v.id === 'V003')!;
  const feed = feedLink(db, 'V003');
  saveBundle(db, withVolunteer(bundle, 'V003', { name: 'Teodoro Lima', email: 'teo.lima@example.net', phone: '209-555-0177' }), 'test');
  t.equal(verifyToken(db, feed, 'feed', NOW), undefined);
  const people = db.select({ name: volunteers.name }).from(volunteers).all().map((p) => p.name);
  t.ok(people.includes(first.name), 'the first volunteer is not renamed');
  t.ok(people.includes('Teodoro Lima'));
});

t.test('a volunteer who changes their e-mail address keeps their roster entry and calendar link', async (t) => {
  const { db } = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(db, bundle, 'test');
  const feed = feedLink(db, 'V001');
  const entry = db.select({ id: rosterEntries.id }).from(rosterEntries).where(eq(rosterEntries.code, 'V001')).get()!.id;
  saveBundle(db, withVolunteer(bundle, 'V001', { email: 'rajvinder@new-mail.example.org' }), 'test');
  t.equal(verifyToken(db, feed, 'feed', NOW)?.rosterEntryId, entry);
});

t.test('the re-import audit says how many rows were kept, replaced, removed and added and how many links ended, with no names', async (t) => {
  const { db } = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(db, bundle, 'test');
  slipLink(db, 'A0009');
  slipLink(db, 'A0010');
  const next = withApplicant({ ...bundle, applicants: bundle.applicants.filter((a) => a.id !== 'A0010') }, 'A0009', SOMEONE_ELSE);
  next.applicants.push({ ...bundle.applicants[0]!, id: 'A0041', name: 'Nueva Persona', phone: '209-555-0100', email: 'nueva@example.net' });
  saveBundle(db, next, 'test');
  const row = db.select().from(auditLog).where(eq(auditLog.action, 'event.reimport')).get()!;
  t.equal(row.detail, '12 volunteers, 40 applicants; volunteers 12 kept, 0 replaced, 0 removed, 0 added; '
    + 'applicants 38 kept, 1 replaced, 1 removed, 1 added; 2 links ended');
  t.notOk(JSON.stringify(row).includes('Marisol'));
});

t.test('re-importing 100,000 applicants who are all someone else ends each of their 100,000 links', async (t) => {
  const { db, sqlite } = tempDatabase(t);
  const base = sampleBundle(FRESNO);
  const many = (tag: string): Bundle => ({
    ...base,
    applicants: Array.from({ length: 100_000 }, (_, i) => ({
      ...base.applicants[i % base.applicants.length]!, id: `A${String(i).padStart(6, '0')}`, name: `${tag} ${i}`, phone: undefined, email: undefined,
    })),
  });
  saveBundle(db, many('Primera'), 'test');
  sqlite.transaction(() => {
    const add = sqlite.prepare('insert into access_tokens (token_hash, kind, event_id, applicant_id) values (?, ?, ?, ?)');
    for (const row of sqlite.prepare('select id, event_id from applicants').all() as { id: number; event_id: number }[]) {
      add.run(`hash-${row.id}`, 'applicant', row.event_id, row.id);
    }
  })();
  saveBundle(db, many('Segunda'), 'test');
  t.equal((sqlite.prepare('select count(*) as n from access_tokens').get() as { n: number }).n, 0);
  t.equal((sqlite.prepare('select count(*) as n from applicants').get() as { n: number }).n, 100_000);
});
