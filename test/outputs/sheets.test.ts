// Printed station sheets: the view model (who is on which sheet, in what order, with
// what facts), the HTML it prints (standalone, escaped, private where greeters work), and the
// time to render a 250-applicant day.
import t from 'tap';
import handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { PRINT_CSS, PRINT_CSS_HASH } from '../../src/outputs/print.js';
import { DRAFT_MARK, sheetsView, stationSheets } from '../../src/outputs/sheets.js';
import type { SheetSection } from '../../src/outputs/sheets.js';
import type { PlanJson } from '../../src/planner/types.js';
import { clinicScene, copy, wall } from './fixtures/scenes.js';
import { fresnoDay, languageDay, mercedDay, PRINTED, readable, sectionHtml, unstaffedDay } from './fixtures/print.js';

const ms = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const escaped = (text: string) => handlebars.Utils.escapeExpression(text);

function section(sections: readonly SheetSection[], id: string): SheetSection {
  const found = sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id} among ${sections.map((s) => s.id).join(', ')}`);
  return found;
}

/** Whether `needles` occur in `text` in this order. */
function inOrder(text: string, needles: readonly string[]): boolean {
  let at = -1;
  for (const needle of needles) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return false;
  }
  return true;
}

const { bundle: fresno, plan: fresnoPlan } = fresnoDay();
const fresnoView = sheetsView(fresno, fresnoPlan, { now: PRINTED });
const fresnoHtml = stationSheets(fresno, fresnoPlan, { now: PRINTED });
const names = new Map(fresno.applicants.map((a) => [a.id, a.name]));

t.test('who is on which sheet', async (t) => {
  t.ok(fresnoPlan.scheduled.length >= 10, `the quick Fresno plan schedules ${fresnoPlan.scheduled.length} applicants`);

  t.test('every scheduled applicant is on the sheet of each volunteer they visit, at the visit time', async (t) => {
    for (const stay of fresnoPlan.scheduled) {
      for (const v of stay.visits) {
        const rows = section(fresnoView.sections, `${v.station}-${v.volunteer}`).rows.filter((r) => r.code === stay.applicant);
        t.equal(rows.length, 1, `${stay.applicant} on ${v.station} ${v.volunteer}`);
        t.equal(rows[0]?.at, v.start);
        t.equal(rows[0]?.minutes, (ms(v.end) - ms(v.start)) / 60_000);
      }
    }
  });

  t.test("every station's master roster holds every visit there, and the desks every stay", async (t) => {
    for (const station of ['screening', 'preparation', 'review'] as const) {
      const visits = fresnoPlan.scheduled.flatMap((s) => s.visits.filter((v) => v.station === station).map((v) => `${s.applicant}@${v.start}`));
      const rows = section(fresnoView.sections, `roster-${station}`).rows.map((r) => `${r.code}@${r.at}`);
      t.same([...rows].sort(), [...visits].sort(), station);
    }
    t.same(section(fresnoView.sections, 'desk-check_in').rows.map((r) => r.code).sort(), fresnoPlan.scheduled.map((s) => s.applicant).sort());
    t.same(section(fresnoView.sections, 'desk-final_check').rows.map((r) => r.code).sort(), fresnoPlan.scheduled.map((s) => s.applicant).sort());
  });

  t.test('every sheet lists its rows in time order, and prints them in that order', async (t) => {
    for (const s of fresnoView.sections.filter((x) => x.rows.length > 0)) {
      const times = s.rows.map((r) => ms(r.at));
      t.same(times, [...times].sort((a, b) => a - b), `${s.id} rows are in time order`);
      t.ok(inOrder(sectionHtml(fresnoHtml, s.id), s.rows.map((r) => `>${r.code}<`)), `${s.id} prints them in order`);
    }
  });

  t.test('each row prints the code and the name, the time and the case type in plain words', async (t) => {
    for (const stay of fresnoPlan.scheduled) {
      const v = stay.visits[0]!;
      const html = sectionHtml(fresnoHtml, `${v.station}-${v.volunteer}`);
      t.match(html, `>${stay.applicant}<`);
      t.match(html, escaped(names.get(stay.applicant)!));
    }
    const first = fresnoPlan.scheduled.find((s) => s.arrival.slice(11, 16) === '09:00');
    if (first) t.match(sectionHtml(fresnoHtml, 'desk-check_in'), '<span class="time">9:00 AM</span>');
    t.notMatch(fresnoHtml, /daca_renewal|labor_deferred_action/, 'case types are words, not codes');
  });

  t.test('one sheet per volunteer per station they work, then the interpreters and the unscheduled', async (t) => {
    const pairs = new Set(fresnoPlan.scheduled.flatMap((s) => s.visits.map((v) => `${v.station}-${v.volunteer}`)));
    t.same(new Set(fresnoView.sections.filter((s) => s.kind === 'volunteer').map((s) => s.id)), pairs);
    const kinds = fresnoView.sections.map((s) => s.kind);
    t.equal(kinds[0], 'desk', 'the check-in desk comes first');
    t.equal(kinds.lastIndexOf('desk'), fresnoView.sections.findIndex((s) => s.id === 'desk-final_check'));
    t.equal(fresnoView.sections[fresnoView.sections.length - 1]!.kind, fresnoPlan.unscheduled.length > 0 ? 'unscheduled' : 'desk');
    t.equal((fresnoHtml.match(/<section class="sheet /g) ?? []).length, fresnoView.sections.length, 'one printed section each');
  });
});

t.test('what each sheet says', async (t) => {
  const { bundle, plan } = clinicScene();
  const view = sheetsView(bundle, plan, { now: PRINTED });
  const html = stationSheets(bundle, plan, { now: PRINTED });

  t.test("legal stations show complexity and red-flag codes; the desks, which greeters staff, don't", async (t) => {
    const row = section(view.sections, 'review-V003').rows.find((r) => r.code === 'A0014')!;
    t.same(row.flags, ['in_proceedings']);
    t.equal(row.complexity, 'straightforward');
    t.match(sectionHtml(html, 'review-V003'), 'Flags: in_proceedings');
    for (const desk of ['desk-check_in', 'desk-final_check']) {
      t.same(section(view.sections, desk).rows.map((r) => [r.complexity, r.flags]), [[null, []], [null, []]], desk);
      t.notMatch(sectionHtml(html, desk), /in_proceedings|prior_removal|Flags:/, `${desk} prints no flag`);
    }
  });

  t.test('an interpreted visit names the interpreter and the languages bridged, and the interpreter gets a sheet', async (t) => {
    const row = section(view.sections, 'screening-V003').rows.find((r) => r.code === 'A0005')!;
    t.equal(row.interpreter, 'V008 Xóchitl Santiago Feliciano, Mixteco–Spanish');
    t.equal(row.languages, 'Mixteco (mix)');
    const sheet = section(view.sections, 'interpreting-V008');
    t.same(sheet.rows.map((r) => r.next), [
      'At Screening with V003 Sofía González Hernández, Mixteco–Spanish',
      'At Preparation with V003 Sofía González Hernández, Mixteco–Spanish',
      'At Review with V003 Sofía González Hernández, Mixteco–Spanish',
    ]);
    t.same(sheet.rows.map((r) => r.interpreter), [null, null, null], 'the interpreter is not named on their own sheet');
    t.match(sectionHtml(html, 'interpreting-V008'), 'Interpreting · V008 Xóchitl Santiago Feliciano');
  });

  t.test('each visit says where the applicant goes next; check-in sends them to their first station', async (t) => {
    t.equal(section(view.sections, 'screening-V003').rows[0]!.next, 'Next: Preparation at 9:20 AM, V003 Sofía González Hernández');
    t.equal(section(view.sections, 'review-V003').rows[0]!.next, 'Next: Final check desk at 10:25 AM');
    t.equal(section(view.sections, 'desk-check_in').rows[0]!.next, 'Next: Screening at 9:05 AM, V003 Sofía González Hernández');
    t.equal(section(view.sections, 'desk-final_check').rows[0]!.next, 'After Review with V003 Sofía González Hernández');
  });

  t.test('the desk sheets list who is on shift', async (t) => {
    t.same(section(view.sections, 'desk-check_in').shifts, [{ volunteer: 'V011 Harjit Randhawa', languages: 'Punjabi, English', hours: '9:00 AM – 12:00 PM' }]);
    t.same(section(view.sections, 'desk-final_check').shifts, [{ volunteer: 'V011 Harjit Randhawa', languages: 'Punjabi, English', hours: '12:00 PM – 4:00 PM' }]);
  });

  t.test('every row has boxes for seen, done and referred, and lines for notes', async (t) => {
    const sheet = sectionHtml(html, 'screening-V003');
    const visits = (sheet.match(/<tbody class="visit">/g) ?? []).length;
    t.equal(visits, 2);
    for (const box of ['Seen', 'Done', 'Referred']) t.equal((sheet.match(new RegExp(`<span class="box"></span>${box}`, 'g')) ?? []).length, visits, box);
    t.equal((sheet.match(/class="line"/g) ?? []).length, visits * 2, 'two note lines per visit at a legal station');
  });

  t.test('the cover gives the timeline, the counts per station and the contacts', async (t) => {
    const withContacts = sheetsView(bundle, plan, { now: PRINTED, contacts: [{ name: 'Lupe Ramírez', role: 'Organizer', phone: '559-555-0100' }] });
    const { cover } = withContacts;
    t.same(cover.timeline, [
      { label: 'Doors open', time: '9:00 AM' },
      { label: 'First arrival', time: '9:00 AM' },
      { label: 'Last final check ends', time: '2:10 PM' },
      { label: 'Closing', time: '4:00 PM' },
    ]);
    t.same(cover.stations.map((s) => [s.name, s.visits]), [
      ['Check-in desk', 2], ['Screening', 2], ['Preparation', 2], ['Review', 2], ['Final check desk', 2],
    ]);
    t.equal(cover.stations[1]!.people, '1 volunteer');
    t.equal(cover.interpreted, 3);
    t.same(cover.hosts, bundle.event.hostOrgs);
    t.equal(cover.address, '5770 N Maroa Ave, Fresno, CA 93704');
    t.equal(cover.printed, 'May 20, 2027 at 10:30 AM', 'printed time in the site zone');
    const page = stationSheets(bundle, plan, { now: PRINTED, contacts: [{ name: 'Lupe Ramírez', role: 'Organizer', phone: '559-555-0100' }] });
    t.match(readable(sectionHtml(page, 'cover-title')), 'Organizer Lupe Ramírez · 559-555-0100');
    t.match(readable(sectionHtml(page, 'cover-title')), 'Screening master roster V003 Sofía González Hernández', 'the packet contents by station');
  });

  t.test('the applicants not scheduled get a sheet with the reason in words', async (t) => {
    const withWaitlist: PlanJson = copy(plan);
    withWaitlist.scheduled = withWaitlist.scheduled.filter((s) => s.applicant !== 'A0005');
    withWaitlist.unscheduled = [{ applicant: 'A0005', reason: 'no_language_match', detail: 'no volunteer or interpreter speaks mix' }];
    const sheet = section(sheetsView(bundle, withWaitlist, { now: PRINTED }).sections, 'unscheduled');
    t.same(sheet.unscheduled, [{
      code: 'A0005', name: 'Maricela Guzmán Bautista', languages: 'Mixteco (mix)', caseType: 'Naturalization (N-400)',
      reason: 'No shared language or interpreter', detail: 'no volunteer or interpreter speaks mix',
    }]);
  });
});

t.test('draft sheets', async (t) => {
  const { bundle, plan } = clinicScene();
  const view = sheetsView(bundle, plan, { now: PRINTED, draft: true });
  const html = stationSheets(bundle, plan, { now: PRINTED, draft: true });
  /** The printed page, without the stylesheet, whose rules name the marks. */
  const body = (page: string) => page.slice(page.indexOf('<main>'));

  t.test('draft sheets carry the DRAFT mark on the cover, before the title', async (t) => {
    t.equal(view.draft, 'DRAFT — not yet published: times may still change');
    t.ok(readable(sectionHtml(html, 'cover-title')).startsWith(`${DRAFT_MARK} Station sheets ${bundle.event.name} `));
    t.match(html, `<title>DRAFT station sheets — ${escaped(bundle.event.name)}</title>`);
  });

  t.test('every sheet of a draft carries the mark at its top and in the header its table repeats on each page', async (t) => {
    for (const s of view.sections) {
      const sheet = sectionHtml(html, s.id);
      t.ok(readable(sheet).startsWith(`${DRAFT_MARK} ${s.kicker} `), `${s.id} starts with the mark`);
      if (s.rows.length > 0 || s.unscheduled.length > 0) {
        const running = `<tr class="running"><th colspan="${s.isUnscheduled ? 4 : 5}">${escaped(s.running)}<span class="draft-running">${DRAFT_MARK}</span>`;
        t.match(sheet, running, `${s.id} running header`);
      }
    }
  });

  t.test('sheets without draft carry no DRAFT mark', async (t) => {
    const plain = stationSheets(bundle, plan, { now: PRINTED, draft: false });
    t.equal(sheetsView(bundle, plan, { now: PRINTED }).draft, null);
    t.notMatch(body(plain), 'DRAFT');
    t.equal(plain, stationSheets(bundle, plan, { now: PRINTED }), 'the same page as with no option at all');
  });
});

t.test('plan warnings', async (t) => {
  const { bundle, plan } = unstaffedDay();
  const message = 'Nobody is on shift at the final-check desk 10:25–10:35, when 1 final check is planned.';
  const view = sheetsView(bundle, plan, { now: PRINTED });
  const html = stationSheets(bundle, plan, { now: PRINTED });

  t.test('an unstaffed-desk warning shows its message on the cover, under "Warnings"', async (t) => {
    t.same(view.cover.warnings, [{ station: 'final_check', desk: 'Final check desk', start: plan.warnings![0]!.start, message }]);
    t.match(readable(sectionHtml(html, 'cover-title')), `Warnings Final check desk: ${message}`);
  });

  t.test("an unstaffed-desk warning shows in its desk's section and in no other", async (t) => {
    t.same(section(view.sections, 'desk-final_check').warnings.map((w) => w.message), [message]);
    t.match(readable(sectionHtml(html, 'desk-final_check')), `Warnings ${message}`);
    for (const s of view.sections.filter((x) => x.id !== 'desk-final_check')) {
      t.same(s.warnings, [], s.id);
      t.notMatch(sectionHtml(html, s.id), message, `${s.id} prints none`);
    }
  });

  t.test('warnings are listed in time order, each a sentence', async (t) => {
    const both: PlanJson = copy(plan);
    const early = 'Nobody is on shift at the check-in desk 09:00–09:05, when 1 check-in is planned.';
    both.warnings = [...plan.warnings!, { ...plan.warnings![0]!, station: 'check_in', start: wall(bundle, '09:00'), end: wall(bundle, '09:05'), message: early }];
    t.same(sheetsView(bundle, both, { now: PRINTED }).cover.warnings.map((w) => [w.station, w.message]), [
      ['check_in', early],
      ['final_check', message],
    ]);
  });

  t.test('sheets without warnings show no warnings heading', async (t) => {
    const { bundle, plan } = clinicScene();
    for (const quiet of [plan, { ...plan, warnings: [] }]) {
      const view = sheetsView(bundle, quiet, { now: PRINTED });
      t.same([view.cover.warnings, ...view.sections.map((s) => s.warnings)], [[], ...view.sections.map(() => [])]);
      const page = stationSheets(bundle, quiet, { now: PRINTED });
      t.notMatch(page.slice(page.indexOf('<main>')), /Warnings|class="warnings"/);
    }
  });
});

t.test('the HTML document', async (t) => {
  t.test('is standalone: the print stylesheet inline, nothing fetched, no script', async (t) => {
    t.match(fresnoHtml, /^<!doctype html>/);
    t.ok(fresnoHtml.includes(`<style>${PRINT_CSS}</style>`), 'static/css/print.css inlined, byte for byte');
    t.notMatch(fresnoHtml, /<script|<link|<img|@import|url\(|https?:\/\//i);
    t.match(PRINT_CSS_HASH, /^'sha256-[A-Za-z0-9+/]+=*'$/, 'a CSP hash is exported for the HTTP layer');
  });

  t.test('the stylesheet prints for Letter and A4, one sheet a page, rows whole, headers repeated', async (t) => {
    t.match(PRINT_CSS, /@page\s*{\s*margin:/);
    t.match(PRINT_CSS, /main { width: 100%; max-width: 180mm; }/, 'content fits inside both papers');
    t.match(PRINT_CSS, /\.sheets \.sheet { break-before: page;/);
    t.match(PRINT_CSS, /\.sheets tr, \.sheets tbody\.visit { break-inside: avoid;/);
    t.match(PRINT_CSS, /\.sheets thead { display: table-header-group; }/);
    t.match(PRINT_CSS, /font: 11pt\/1\.35/, 'body text 11 pt');
    t.notMatch(PRINT_CSS, /(?<![-\w])color:(?!\s*#(?:000|fff)\b)/, 'black and white only');
  });

  t.test('escapes what people typed', async (t) => {
    const { bundle, plan } = languageDay();
    const odd = { ...bundle, applicants: bundle.applicants.map((a) => (a.id === 'A0008' ? { ...a, name: '<script>alert(1)</script> & "Amina"' } : a)) };
    const html = stationSheets(odd, plan, { now: PRINTED });
    t.notMatch(html, '<script>alert(1)</script>');
    t.match(html, '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Amina&quot;');
  });

  t.test('refuses a plan made for another event', async (t) => {
    t.throws(() => stationSheets(fresno, { ...fresnoPlan, event: 'merced-2027-06-05' }), /plan is for event merced-2027-06-05, not fresno-2027-05-22/);
  });
});

t.test('a 250-applicant day renders quickly (measured, not asserted)', async (t) => {
  const { bundle, plan } = mercedDay();
  const times: number[] = [];
  let html = '';
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    html = stationSheets(bundle, plan, { now: PRINTED });
    times.push(performance.now() - started);
  }
  t.comment(`station sheets for ${bundle.applicants.length} applicants (${plan.scheduled.length} scheduled): `
    + `${times.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (first, then warm); ${(html.length / 1024).toFixed(0)} KiB; target under 200 ms`);
  t.ok(html.length > 0);
});
