// `taller season DIR...`: bundles checked as one season. A person (by e-mail) booked at two
// workshops they cannot both reach is a FILE:ROW:COLUMN line naming both (exit 2); otherwise the
// season's summary (exit 0), with warnings for competing workshops and heavy months.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import { FRESNO, MADERA, MERCED, SAMPLES_DIR, sampleFiles, tempDir } from '../support/fixtures.js';
import { runTaller } from '../support/cli.js';

const MERCED_V001 = 'ana.vasquez.mendoza@cviic-volunteers.example.org';

/** `taller season ARGS`, in-process (it opens no database). */
const season = (t: Test, args: string[]) => runTaller(join(tempDir(t), 'unused.sqlite'), ['season', ...args]);

interface Change {
  /** Fields of event.json to set (site fields under `site`). */
  event?: Record<string, unknown>;
  site?: Record<string, unknown>;
  /** A volunteer's e-mail and available windows, by id. */
  volunteers?: Record<string, { email?: string; available?: string }>;
}

/** A sample's bundle in a folder of its own, changed as asked. */
function bundle(t: Test, sample: string, name: string, change: Change = {}): string {
  const dir = join(tempDir(t), name);
  mkdirSync(dir);
  const files = sampleFiles(sample);
  const event = JSON.parse(Buffer.from(files['event.json']!).toString('utf8')) as Record<string, unknown> & { site: Record<string, unknown> };
  Object.assign(event, change.event ?? {});
  Object.assign(event.site, change.site ?? {});
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event, null, 2));
  const lines = Buffer.from(files['volunteers.csv']!).toString('utf8').split('\n');
  const header = lines[0]!.split(',');
  const at = (column: string) => header.indexOf(column);
  const changed = lines.map((line, i) => {
    if (i === 0) return line;
    const cells = line.split(',');
    const set = change.volunteers?.[cells[0]!];
    if (!set) return line;
    if (set.email !== undefined) cells[at('email')] = set.email;
    if (set.available !== undefined) cells[at('available')] = set.available;
    return cells.join(',');
  });
  writeFileSync(join(dir, 'volunteers.csv'), changed.join('\n'));
  writeFileSync(join(dir, 'applicants.csv'), files['applicants.csv']!);
  return dir;
}

/** The Fresno sample moved to the Merced sample's day, its V001 sharing an e-mail with Merced's V001. */
const sameDay = (t: Test, volunteer: { available?: string } = {}, site: Record<string, unknown> = {}) =>
  bundle(t, FRESNO, 'fresno-june', {
    event: { id: 'fresno-2027-06-05', date: '2027-06-05' }, site,
    volunteers: { V001: { email: MERCED_V001.toUpperCase(), ...volunteer } },
  });

t.test('the three samples make one season: exit 0 and its summary by month and county', async (t) => {
  const res = await season(t, [MERCED, FRESNO, MADERA].map((s) => join(SAMPLES_DIR, s)));
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, 'season: 3 workshops from 2027-03-27 to 2027-06-05, 410 applicants, 85 volunteer places filled by 85 people');
  t.match(res.stdout, '  2027-06: 1 workshop, 250 applicants, 45 volunteer places');
  t.match(res.stdout, '  Madera (rural): 1 workshop, 120 applicants');
  t.match(res.stdout, 'no cross-event conflicts');
});

t.test('one person at two workshops whose hours overlap is a conflict at the later bundle’s roster line, naming both (exit 2)', async (t) => {
  const fresno = sameDay(t);
  const res = await season(t, [join(SAMPLES_DIR, MERCED), fresno]);
  t.equal(res.code, 2);
  t.equal(res.stdout, '');
  t.match(res.stderr, `${join(fresno, 'volunteers.csv')}:2:available: V001 is booked at fresno-2027-06-05 (Fresno County, 2027-06-05 09:00-16:00)`);
  t.match(res.stderr, `at ${join(SAMPLES_DIR, MERCED, 'volunteers.csv')}:2, at merced-2027-06-05 (Merced County, 2027-06-05 08:30-16:30): the two overlap`);
  t.match(res.stderr, '1 cross-event conflict');
  t.notMatch(res.stderr, 'Vásquez', 'no names');
});

t.test('the same person on a different day is no conflict, and is counted once in the pool', async (t) => {
  const fresno = bundle(t, FRESNO, 'fresno-may', { volunteers: { V001: { email: MERCED_V001 } } });
  const res = await season(t, [join(SAMPLES_DIR, MERCED), fresno]);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, 'filled by 56 people (1 at more than one workshop');
});

t.test('hours that do not overlap still conflict when the gap is shorter than the travel between counties', async (t) => {
  const merced = bundle(t, MERCED, 'merced-morning', { volunteers: { V001: { available: '08:30-11:00' } } });
  const fresno = sameDay(t, { available: '12:30-16:00' });
  const res = await season(t, [merced, fresno]);
  t.equal(res.code, 2);
  t.match(res.stderr, '90 minutes apart, and the travel between the sites takes 120');
});

t.test('a travel file that sets the two counties closer lets the same bookings stand', async (t) => {
  const merced = bundle(t, MERCED, 'merced-morning', { volunteers: { V001: { available: '08:30-11:00' } } });
  const fresno = sameDay(t, { available: '12:30-16:00' });
  const travel = join(tempDir(t), 'travel.csv');
  writeFileSync(travel, 'from,to,minutes\nFresno,Merced,75\n');
  const res = await season(t, [merced, fresno, '--travel', travel]);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, '1 pairs set; no cross-event conflicts');
});

t.test('within one county the shorter default applies, and --same-county changes it', async (t) => {
  const merced = bundle(t, MERCED, 'merced-morning', { volunteers: { V001: { available: '08:30-11:00' } } });
  const other = sameDay(t, { available: '12:30-16:00' }, { county: 'Merced', name: 'Another hall', address: '1 Main St, Atwater, CA' });
  t.equal((await season(t, [merced, other])).code, 0, '90 minutes apart, an hour within the county');
  const slower = await season(t, [merced, other, '--same-county', '100']);
  t.equal(slower.code, 2);
  t.match(slower.stderr, 'the travel between the sites takes 100');
});

t.test('two workshops on the same day in the same county are named in a warning', async (t) => {
  const other = bundle(t, FRESNO, 'atwater', { event: { id: 'atwater-2027-06-05', date: '2027-06-05' }, site: { county: 'Merced', name: 'Atwater hall' } });
  const res = await season(t, [join(SAMPLES_DIR, MERCED), other]);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stderr, 'warning: 2027-06-05, Merced County: merced-2027-06-05 and atwater-2027-06-05 fall on the same day in the same county');
});

t.test('a person asked for more workshops in a month than the limit is warned about, at their first roster line', async (t) => {
  const dirs = ['2027-06-05', '2027-06-12', '2027-06-19'].map((date, i) =>
    bundle(t, FRESNO, `week${i}`, { event: { id: `fresno-${date}`, date }, volunteers: { V001: { email: 'busy@example.org' } } }));
  const res = await season(t, [...dirs, '--monthly-limit', '2']);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stderr, `${join(dirs[0]!, 'volunteers.csv')}:2:email: warning: V001 is asked for 3 workshops in 2027-06, more than 2`);
});

t.test('a travel file with a bad value is named by file, row and column, and nothing is checked', async (t) => {
  const travel = join(tempDir(t), 'travel.csv');
  writeFileSync(travel, 'from,to,minutes\nFresno,Merced,an hour\n');
  const res = await season(t, [join(SAMPLES_DIR, MERCED), '--travel', travel]);
  t.equal(res.code, 2);
  t.match(res.stderr, `${travel}:2:minutes: minutes is a whole number from 0 to 1440, not "an hour"`);
  t.equal(res.stdout, '');
});

t.test('a bundle with problems is reported as check reports it, under its folder, and the season is not checked', async (t) => {
  const broken = bundle(t, FRESNO, 'broken', { volunteers: { V001: { available: '25:00-26:00' } } });
  const res = await season(t, [join(SAMPLES_DIR, MERCED), broken]);
  t.equal(res.code, 2);
  t.match(res.stderr, `${join(broken, 'volunteers.csv')}:2:available:`);
  t.match(res.stderr, 'the season was not checked');
});

t.test('the same event twice is refused: each workshop needs its own id', async (t) => {
  const res = await season(t, [join(SAMPLES_DIR, MERCED), join(SAMPLES_DIR, MERCED)]);
  t.equal(res.code, 2);
  t.match(res.stderr, 'event.json:1:id: the event id merced-2027-06-05 is also the id of');
});

t.test('no folder named is a usage error', async (t) => {
  const res = await season(t, []);
  t.equal(res.code, 2);
  t.match(res.stderr, 'name the bundle folders of the season');
});
