import t from 'tap';
import { canInterpret, insideOneWindow, isCompetent, shareLanguage, supervisionCovers } from '../../src/domain/index.js';
import type { Window } from '../../src/domain/index.js';
import { ALL_DAY, clock, volunteer } from './fixtures/builders.js';

// isCompetent

t.test('a volunteer with no case-type list handles every case type', async (t) => {
  const generalist = volunteer({ caseTypes: [] });
  t.equal(isCompetent(generalist, 'n400'), true);
  t.equal(isCompetent(generalist, 'u_visa'), true);
});

t.test('a volunteer with a case-type list handles a type on the list', async (t) => {
  t.equal(isCompetent(volunteer({ caseTypes: ['daca_renewal', 'n400'] }), 'n400'), true);
});

t.test('a volunteer with a case-type list does not handle a type missing from it', async (t) => {
  t.equal(isCompetent(volunteer({ caseTypes: ['daca_renewal', 'n400'] }), 'tps'), false);
});

// shareLanguage

const MIXTECO_SPEAKER = ['mix', 'es'];
const SPANISH_ENGLISH = ['es', 'en'];

t.test('a Mixteco–Spanish applicant and a Spanish–English volunteer share a language', async (t) => {
  t.equal(shareLanguage(MIXTECO_SPEAKER, SPANISH_ENGLISH), true);
});

t.test('a Mixteco-only applicant and a Spanish–English volunteer share no language', async (t) => {
  t.equal(shareLanguage(['mix'], SPANISH_ENGLISH), false);
});

t.test('someone with no languages listed shares none', async (t) => {
  t.equal(shareLanguage([], SPANISH_ENGLISH), false);
});

// canInterpret

const mixtecoInterpreter = volunteer({ id: 'V021', role: 'interpreter', languages: ['mix', 'es'] });

t.test('a Mixteco–Spanish interpreter bridges a Mixteco applicant and a Spanish-speaking attorney', async (t) => {
  t.equal(canInterpret(mixtecoInterpreter, ['mix'], SPANISH_ENGLISH, 'daca_renewal'), true);
});

t.test('a volunteer who is not an interpreter does not interpret, whatever languages it speaks', async (t) => {
  const bilingualScreener = volunteer({ role: 'screener', languages: ['mix', 'es'] });
  t.equal(canInterpret(bilingualScreener, ['mix'], SPANISH_ENGLISH, 'daca_renewal'), false);
});

t.test("an interpreter who does not speak the applicant's language cannot bridge", async (t) => {
  const zapotecoInterpreter = volunteer({ role: 'interpreter', languages: ['zap', 'es'] });
  t.equal(canInterpret(zapotecoInterpreter, ['mix'], SPANISH_ENGLISH, 'daca_renewal'), false);
});

t.test("an interpreter who does not speak the volunteer's language cannot bridge", async (t) => {
  const mixtecoEnglish = volunteer({ role: 'interpreter', languages: ['mix', 'en'] });
  t.equal(canInterpret(mixtecoEnglish, ['mix'], ['es'], 'daca_renewal'), false);
});

t.test('an interpreter with case types interprets a case of one of those types', async (t) => {
  const dacaInterpreter = volunteer({ role: 'interpreter', languages: ['mix', 'es'], caseTypes: ['daca_renewal'] });
  t.equal(canInterpret(dacaInterpreter, ['mix'], SPANISH_ENGLISH, 'daca_renewal'), true);
});

t.test('an interpreter with case types does not interpret a case of another type', async (t) => {
  const dacaInterpreter = volunteer({ role: 'interpreter', languages: ['mix', 'es'], caseTypes: ['daca_renewal'] });
  t.equal(canInterpret(dacaInterpreter, ['mix'], SPANISH_ENGLISH, 'n400'), false);
});

// insideOneWindow

/** Morning and afternoon, with a lunch gap from 12:00 to 13:00 (elapsed from a 09:00 opening). */
const MORNING: Window = { start: 0, end: clock(3) };
const AFTERNOON: Window = { start: clock(4), end: clock(7) };
const SPLIT_DAY = [MORNING, AFTERNOON];

t.test('a visit wholly inside the morning window fits', async (t) => {
  t.equal(insideOneWindow(SPLIT_DAY, clock(1), clock(1, 45)), true);
});

t.test('a visit that exactly fills a window fits, its end being the window’s end', async (t) => {
  t.equal(insideOneWindow(SPLIT_DAY, AFTERNOON.start, AFTERNOON.end), true);
});

t.test('a visit that starts before its window opens does not fit', async (t) => {
  t.equal(insideOneWindow(SPLIT_DAY, AFTERNOON.start - 5, AFTERNOON.start + 30), false);
});

t.test('a visit that runs past the end of its window does not fit', async (t) => {
  t.equal(insideOneWindow(SPLIT_DAY, MORNING.end - 30, MORNING.end + 5), false);
});

t.test('a visit spanning the lunch gap does not fit, though each end lies in some window', async (t) => {
  t.equal(insideOneWindow(SPLIT_DAY, MORNING.end - 30, AFTERNOON.start + 30), false);
});

t.test('nothing fits when there are no windows', async (t) => {
  t.equal(insideOneWindow([], 0, 5), false);
});

// supervisionCovers

const supervisingAttorney = volunteer({ id: 'V002', role: 'attorney', available: [MORNING] });

t.test("a law student's visit inside the supervising attorney's hours is supervised", async (t) => {
  t.equal(supervisionCovers(supervisingAttorney, clock(1), clock(2)), true);
});

t.test("a law student's visit that runs past the supervising attorney's hours is not supervised", async (t) => {
  t.equal(supervisionCovers(supervisingAttorney, MORNING.end - 15, MORNING.end + 15), false);
});

t.test('a law student with no supervisor at the event is not supervised', async (t) => {
  t.equal(supervisionCovers(undefined, clock(1), clock(2)), false);
});

t.test('a supervisor who is not an attorney does not supervise, even when there all day', async (t) => {
  t.equal(supervisionCovers(volunteer({ role: 'accredited_rep', available: [ALL_DAY] }), clock(1), clock(2)), false);
});
