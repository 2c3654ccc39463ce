// The web pages' catalogs: English and Spanish have the same keys, no message is empty, each
// language fills the same placeholders, every key a template uses exists, and the message
// scheme (placeholders, plurals, numbers) reads right in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { DEFAULT_CASE_TYPES, ROLES, STATIONS } from '../../src/domain/index.js';
import { REASON_NAMES } from '../../src/planner/reasons.js';
import { CATALOGS, LOCALES, lookup, negotiate, localPath, translate, clockTime, longDate } from '../../src/http/i18n.js';
import type { Locale } from '../../src/http/i18n.js';
import { additionPhrase, gainPhrase, layoutPhrase, tradeoffSentence } from '../../src/http/estimate-view.js';
import { selectionView } from '../../src/http/views.js';
import type { PlanJson } from '../../src/planner/types.js';
import { en } from '../../src/http/messages/en.js';
import { es } from '../../src/http/messages/es.js';

const VIEWS = fileURLToPath(new URL('../../views/', import.meta.url));

type Leaf = string | { one: string; other: string };
const isPlural = (v: unknown): v is { one: string; other: string } =>
  typeof v === 'object' && v !== null && Object.keys(v).sort().join() === 'one,other';

/** Every message of a catalog by its dotted key. */
function leaves(node: unknown, prefix = ''): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string' || isPlural(value)) found.set(path, value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of leaves(value, `${path}.`)) found.set(k, v);
    else found.set(path, String(value));
  }
  return found;
}

const texts = (leaf: Leaf) => (typeof leaf === 'string' ? [leaf] : [leaf.one, leaf.other]);
const placeholders = (leaf: Leaf) => new Set(texts(leaf).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));

/** Every `.hbs` file under views/, the printed sheets included (they may use no key that is not there either). */
function templates(dir = VIEWS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? templates(join(dir, entry.name))
    : entry.name.endsWith('.hbs') ? [join(dir, entry.name)] : []));
}

const byLocale: Record<Locale, Map<string, Leaf>> = { en: leaves(en), es: leaves(es) };

t.test('both catalogs have exactly the same keys, each a message of the same kind', async (t) => {
  const enKeys = [...byLocale.en.keys()].sort();
  const esKeys = [...byLocale.es.keys()].sort();
  t.same(esKeys.filter((k) => !byLocale.en.has(k)), [], 'no key only Spanish has');
  t.same(enKeys.filter((k) => !byLocale.es.has(k)), [], 'no key only English has');
  t.ok(enKeys.length > 150, `a catalog of the whole pages (${enKeys.length} messages)`);
  for (const [key, message] of byLocale.en) {
    t.equal(isPlural(byLocale.es.get(key)), isPlural(message), `${key}: a plural in both or in neither`);
  }
});

t.test('no message is empty, in either language', async (t) => {
  for (const locale of LOCALES) {
    for (const [key, message] of byLocale[locale]) {
      for (const text of texts(message)) t.ok(text.trim().length > 0, `${locale} ${key} says something`);
    }
  }
});

t.test('each message fills the same placeholders in both languages, and a plural counts with {count}', async (t) => {
  for (const [key, message] of byLocale.en) {
    t.same([...placeholders(byLocale.es.get(key)!)].sort(), [...placeholders(message)].sort(), `${key}: the same placeholders`);
    if (isPlural(message)) t.ok(placeholders(message).has('count') || key.startsWith('status.unstaffedDesk'), `${key} shows its count`);
  }
});

t.test('messages are safe as HTML: only inline markup, no stray quote, angle bracket or ampersand', async (t) => {
  const ALLOWED = /<\/?(strong|code|em)>|<a href="\/static\/[^"<>]+">|<\/a>/g;
  for (const locale of LOCALES) {
    for (const [key, message] of byLocale[locale]) {
      for (const text of texts(message)) {
        // The sample names are plain text the home page escapes; "&" is part of one.
        const rest = text.replace(ALLOWED, '').replace(key.startsWith('samples.') ? /&/g : /(?!)/g, '');
        t.notMatch(rest, /[<>"]|&(?![a-z]+;)/, `${locale} ${key}`);
      }
    }
  }
});

/** The keys a template's `{{t "…"}}` calls name. */
const templateKeys = (text: string) => [...text.matchAll(/\{\{\{?~?\s*t\s+(["'])([^"']+)\1/g)].map((m) => m[2]!);

/** The keys neither catalog has. */
const missing = (keys: string[]) => keys.filter((key) => LOCALES.some((locale) => lookup(locale, key) === undefined));

t.test('every {{t "…"}} key a template uses is in both catalogs', async (t) => {
  const used = new Set<string>();
  for (const file of templates()) {
    const text = readFileSync(file, 'utf8');
    for (const key of templateKeys(text)) used.add(key);
    // A key given some other way than as a quoted literal could not be checked here.
    t.notMatch(text, /\{\{\{?~?\s*t\s+[^"'\s]/, `${file}: every t key is a literal`);
  }
  t.ok(used.size > 60, `the templates use the catalog (${used.size} keys)`);
  t.same(missing([...used]), [], 'no key a template uses is missing');
  // The scan catches a typo: a template naming a key that is not there fails this test.
  t.same(missing(templateKeys('<h1>{{t "home.titel"}}</h1> {{t \'event.roster.heading\' count=n}} {{~t "plan.heading"}}')), ['home.titel']);
});

t.test('the tables of names cover every role, station, reason and default case type in both languages', async (t) => {
  for (const locale of LOCALES) {
    const catalog = CATALOGS[locale];
    t.same(Object.keys(catalog.roles).sort(), [...ROLES].sort(), `${locale} roles`);
    t.same(Object.keys(catalog.role).sort(), [...ROLES].sort(), `${locale} role`);
    t.same(Object.keys(catalog.estimate.role).sort(), [...ROLES].sort(), `${locale} estimate roles`);
    t.same(Object.keys(catalog.stations).sort(), [...STATIONS].sort(), `${locale} stations`);
    t.same(Object.keys(catalog.reasons).sort(), Object.keys(REASON_NAMES).sort(), `${locale} reasons`);
    t.same(Object.keys(catalog.caseTypes).sort(), Object.keys(DEFAULT_CASE_TYPES).sort(), `${locale} case types`);
  }
  t.equal(es.caseTypes.daca_renewal, 'Renovación de DACA');
  t.equal(es.roles.attorney, 'Abogados');
});

t.test('placeholders are filled, numbers written for the locale, and a missing param left as it is', async (t) => {
  t.equal(translate('en', 'event.roster.heading', { count: 12 }), 'Volunteers: 12');
  t.equal(translate('es', 'event.roster.heading', { count: 12 }), 'Voluntarios: 12');
  t.equal(translate('en', 'event.dateAndHours', { date: 'Saturday', hours: '9–5' }), 'Saturday, 9–5');
  t.equal(translate('en', 'event.demand.heading', { count: 1234 }), 'Applicants: 1,234');
  t.equal(translate('es', 'event.demand.heading', { count: 1234.5 }), 'Solicitantes: 1,234.5', 'es-US writes numbers as the US does');
  t.equal(translate('en', 'plan.version'), 'Version {version}.');
  t.equal(translate('es', 'status.moreProblems', { count: 3 }), 'y 3 más');
});

t.test('plurals pick one for exactly 1 and other for the rest, in both languages', async (t) => {
  const cases: [Locale, number, string][] = [
    ['en', 1, '1 upcoming workshop'], ['en', 0, '0 upcoming workshops, soonest first'], ['en', 2, '2 upcoming workshops, soonest first'],
    ['es', 1, '1 taller próximo'], ['es', 0, '0 talleres próximos, los más cercanos primero'], ['es', 3, '3 talleres próximos, los más cercanos primero'],
    ['es', 1_000_000, '1,000,000 talleres próximos, los más cercanos primero'],
  ];
  for (const [locale, count, want] of cases) t.equal(translate(locale, 'events.list.upcomingCaption', { count }), want, `${locale} ${count}`);
  t.equal(translate('en', 'estimate.gain', { count: 1 }), 'about 1 more person served');
  t.equal(translate('es', 'estimate.gain', { count: 1 }), 'alrededor de 1 persona más atendida');
  t.equal(translate('es', 'estimate.gain', { count: 4 }), 'alrededor de 4 personas más atendidas');
  t.equal(translate('en', 'plan.interpreted', { count: 1 }), '1 interpreted visit');
  t.equal(translate('es', 'plan.interpreted', { count: 2 }), '2 visitas con intérprete');
});

t.test('a key neither catalog has reads as itself; the catalogs hide nothing inherited', async (t) => {
  t.equal(lookup('en', 'home.nowhere'), undefined);
  t.equal(lookup('en', 'constructor'), undefined);
  t.equal(lookup('es', 'home.toString'), undefined);
  t.equal(lookup('en', 'home'), undefined, 'a group is no message');
});

t.test('Accept-Language is negotiated by q-value and primary subtag, English by default', async (t) => {
  const cases: [string | undefined, Locale][] = [
    ['es-MX,es;q=0.9', 'es'], ['es-MX', 'es'], ['ES-us', 'es'], ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['en;q=0.5, es;q=0.8', 'es'], ['fr-FR, es;q=0.1', 'es'], ['fr, de', 'en'], ['es;q=0', 'en'], ['es;q=0, en;q=0.1', 'en'],
    ['*', 'en'], ['*;q=0.1, es;q=0.5', 'es'], ['', 'en'], [undefined, 'en'], ['es;q=abc', 'en'], [';;,,', 'en'],
    ['tl, es-419;q=0.7, en;q=0.3', 'es'],
  ];
  for (const [header, want] of cases) t.equal(negotiate(header), want, JSON.stringify(header));
});

t.test('only a local path is a place to go back to', async (t) => {
  const cases: [unknown, string][] = [
    ['/events/fresno-2027-05-22', '/events/fresno-2027-05-22'], ['/', '/'], ['/events/x?y=1#z', '/events/x?y=1#z'],
    ['//evil.example', '/'], ['https://evil.example', '/'], ['http://evil.example/', '/'], ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'], ['/.//evil.example', '/'], ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], ['javascript:alert(1)', '/'],
    ['/\t/evil.example', '/'], ['events', '/'], ['', '/'], [undefined, '/'], [['/a'], '/'], [`/${'a'.repeat(3000)}`, '/'],
  ];
  for (const [back, want] of cases) t.equal(localPath(back), want, JSON.stringify(back));
});

t.test('dates and clock times read as the locale writes them', async (t) => {
  t.equal(longDate('en', '2027-05-22'), 'Saturday, May 22, 2027');
  t.equal(longDate('es', '2027-05-22'), 'sábado, 22 de mayo de 2027');
  t.match(clockTime('en', '09:30'), /^9:30\sAM$/);
  t.match(clockTime('es', '16:00'), /^4:00\sp\.\sm\.$|^4:00\sp\.m\.$/);
  t.match(clockTime('en', '24:00'), /^12:00\sAM$/, 'the midnight that closes a day');
});

t.test('the view models’ sentences in Spanish', async (t) => {
  t.equal(additionPhrase('attorney', ['es'], 'es'), 'un abogado más que hable español');
  t.equal(additionPhrase('accredited_rep', ['es', 'mix'], 'es'), 'un representante acreditado más que hable español y Mixteco');
  t.equal(additionPhrase('interpreter', ['trs', 'es'], 'es'), 'un intérprete más de Triqui–español');
  t.equal(gainPhrase(1.2, 'es'), 'alrededor de 1 persona más atendida');
  t.equal(gainPhrase(0.2, 'es'), 'sin una ganancia clara en personas atendidas');
  t.equal(layoutPhrase({ desk: 'check_in' }, 'es'), 'una mesa de registro más');
  const rows = [
    { target: 0, slack_minutes: 0, scheduled: 40, served_mean: 33.2, finish_probability: 0.06 },
    { target: 0.8, slack_minutes: 60, scheduled: 34, served_mean: 30.1, finish_probability: 0.85 },
  ];
  t.equal(tradeoffSentence(rows, 0.8, 'es'), 'Con el día lleno, todos terminan antes del cierre en el 6% de los días. '
    + 'Si se dejan 60 minutos libres antes del cierre, se termina a tiempo en el 85% de los días y se atiende a unas 3.1 personas menos.');
  const shares = (complex: number) => ({ language: { es: 0.5 }, case_type: { daca_renewal: 0.6 }, complexity: { straightforward: 0.7, complex }, interpreter: { needed: 0.5 } });
  const summary: PlanJson['summary'] = {
    applicants: 20, scheduled: 12, scheduled_weight: 12, interpreted_visits: 2, mean_minutes_in_clinic: 90, served_share: shares(0.4),
    selection: { mode: 'fair', other: { mode: 'most', scheduled: 15, scheduled_weight: 15, served_share: shares(0) } },
  };
  const view = selectionView(summary, 'es')!;
  t.equal(view.sentence, 'Este plan usa la selección justa (orden de sorteo) y atiende a 12. '
    + 'La opción de «atender al mayor número» atendería a 3 más, y llegaría al 0% de los casos complejos (este plan: 40% de los casos complejos).');
  t.same(view.rows.find((r) => r.group === 'Complejidad' && r.label === 'complejo'), { group: 'Complejidad', label: 'complejo', mine: '40%', other: '0%' });
  t.ok(view.rows.some((r) => r.group === 'Tipo de trámite' && r.label === 'Renovación de DACA'));
  t.ok(view.rows.some((r) => r.group === 'Idioma' && r.label === 'español'));
});
