// Applicant slips: the language each slip is written in, what it says about
// interpreters, the dates and lengths in that language, the documents per case type, the
// free-service and notario lines, the QR code, the pages, privacy, and the catalogs themselves.
import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import QRCode from 'qrcode';
import { DateTime } from 'luxon';
import { DEFAULT_CASE_TYPES } from '../../src/domain/index.js';
import { PRINT_CSS } from '../../src/outputs/print.js';
import {
  applicantSlips, CATALOGS, DENSE_FROM, documentsFor, DOCUMENTS_BY_CASE_TYPE, GENERIC_DOCUMENTS, languageIn, qrSvg,
  roundedStay, SLIP_LANGUAGES, slipDate, slipDuration, slipLanguage, slipPages, SlipUnavailableError, slipViews, stayMinutes,
  slipTime,
} from '../../src/outputs/slips.js';
import type { SlipView } from '../../src/outputs/slips.js';
import { everySlipDay, fresnoDay, languageDay, readable, slipHtml } from './fixtures/print.js';

const I18N = new URL('../../src/outputs/i18n/', import.meta.url);
const MAY_22_0935 = DateTime.fromISO('2027-05-22T09:35:00-07:00', { setZone: true });

function view(views: readonly SlipView[], id: string): SlipView {
  const found = views.find((v) => v.applicant === id);
  if (!found) throw new Error(`no slip for ${id}`);
  return found;
}

t.test('the language of a slip', async (t) => {
  t.test('is the first of the applicant\'s languages that has a catalog', async (t) => {
    t.equal(slipLanguage(['zh', 'en']), 'zh');
    t.equal(slipLanguage(['pa', 'hi']), 'pa');
    t.equal(slipLanguage(['hmn', 'en']), 'en');
    t.equal(slipLanguage(['mix', 'es', 'en']), 'es');
    t.equal(slipLanguage(['trs', 'en']), 'en', 'a Triqui speaker who reads English gets English');
  });

  t.test('is Spanish for a speaker of an Indigenous language of Mexico or Guatemala alone, else English', async (t) => {
    for (const code of ['mix', 'trs', 'zap', 'mam', 'quc', 'kjb']) t.equal(slipLanguage([code]), 'es', code);
    for (const code of ['hmn', 'km', 'pt']) t.equal(slipLanguage([code]), 'en', code);
  });

  const { bundle, plan } = languageDay();
  const views = slipViews(bundle, plan);

  t.test('a Mixteco speaker with an interpreter reads Spanish, and is told an interpreter for Mixteco will be there', async (t) => {
    const slip = view(views, 'A0005');
    t.equal(slip.lang, 'es');
    t.equal(slip.title, 'Su cita');
    t.equal(slip.languageNote, 'Habrá un intérprete de Mixteco para ayudarle.');
    const html = slipHtml(await applicantSlips(bundle, plan), 'A0005');
    t.match(html, /^<article class="slip[^"]*" lang="es" dir="ltr"/);
    t.match(readable(html), 'Habrá un intérprete de Mixteco para ayudarle.');
  });

  t.test('a Mixteco and Spanish speaker served in Spanish is told so, and how to ask for an interpreter', async (t) => {
    t.equal(view(views, 'A0006').languageNote,
      'Su cita será en español. Si necesita un intérprete de Mixteco, avísenos antes del día de la cita o al llegar.');
  });

  t.test('a Hmong speaker served in Hmong reads English, told that volunteers speak Hmong', async (t) => {
    const slip = view(views, 'A0007');
    t.equal(slip.lang, 'en');
    t.equal(slip.languageNote, 'Volunteers who speak Hmong will help you.');
  });

  t.test('someone served in the language of their slip is told nothing more', async (t) => {
    t.equal(view(views, 'A0008').languageNote, null);
    t.equal(view(views, 'A0009').languageNote, null);
  });

  t.test('an Arabic slip runs right to left, with the language marked on it', async (t) => {
    const slip = view(views, 'A0008');
    t.equal(slip.lang, 'ar');
    t.equal(slip.dir, 'rtl');
    t.equal(slip.title, 'موعدك');
    const all = await applicantSlips(bundle, plan);
    t.match(slipHtml(all, 'A0008'), /^<article class="slip[^"]*" lang="ar" dir="rtl"/);
    t.match(all, /^<!doctype html>\n<html lang="en" dir="ltr">/, 'a mixed packet is marked English at the top');
    const own = await applicantSlips(bundle, plan, { applicant: 'A0008' });
    t.match(own, /<html lang="ar" dir="rtl">/, "an applicant's own link is marked with their language");
    t.match(own, '<title>موعدك — DACA &amp; Citizenship Saturday — Fresno</title>');
  });

  t.test('every slip carries a lang attribute', async (t) => {
    const html = await applicantSlips(bundle, plan);
    const slips = html.match(/<article class="slip[^>]*>/g) ?? [];
    t.equal(slips.length, plan.scheduled.length);
    for (const tag of slips) t.match(tag, /lang="(en|es|zh|vi|tl|pa|ht|ar)" dir="(ltr|rtl)"/);
  });

  t.test('a language is named in the slip\'s language', async (t) => {
    t.equal(languageIn('mix', 'es'), 'Mixteco');
    t.equal(languageIn('en', 'es'), 'inglés');
    t.equal(languageIn('ar', 'ar'), 'العربية');
    t.equal(languageIn('en', 'zh'), '英语');
    t.equal(languageIn('ht', 'ht'), 'kreyòl ayisyen');
    t.equal(languageIn('mix', 'ht'), 'Mixteco', 'no Intl name: Taller\'s own');
  });
});

t.test('dates, times and lengths', async (t) => {
  t.test('are written in the slip\'s language with luxon', async (t) => {
    t.equal(slipDate(MAY_22_0935, 'en'), 'Saturday, May 22, 2027');
    t.equal(slipDate(MAY_22_0935, 'es'), 'sábado, 22 de mayo de 2027');
    t.equal(slipDate(MAY_22_0935, 'zh'), '2027年5月22日星期六');
    t.equal(slipDate(MAY_22_0935, 'vi'), 'Thứ Bảy, 22 tháng 5, 2027');
    t.equal(slipTime(MAY_22_0935, 'en'), '9:35 AM');
    t.match(slipTime(MAY_22_0935, 'es'), /^9:35\sa\.\sm\.$|^9:35\sa\.m\.$/);
    t.equal(slipDate(MAY_22_0935, 'ar'), 'السبت، 22 مايو 2027');
  });

  t.test('fall back to the catalog\'s own words where Intl has none (Haitian Creole)', async (t) => {
    if (Intl.DateTimeFormat.supportedLocalesOf(['ht']).length > 0) {
      t.pass('this runtime knows Haitian Creole dates; the fallback is not used');
      return;
    }
    t.equal(slipDate(MAY_22_0935, 'ht'), 'samdi 22 me 2027');
    t.equal(slipTime(MAY_22_0935, 'ht'), '9:35');
    t.equal(slipDuration(105, 'ht'), '1 èdtan 45 minit');
  });

  t.test('a stay is arrival to the end of the final check, rounded up to a quarter hour', async (t) => {
    const { plan } = languageDay();
    const stay = plan.scheduled.find((s) => s.applicant === 'A0005')!;
    t.equal(stayMinutes(stay), 95, '09:00 arrival, final check ends 10:35');
    t.equal(roundedStay(95), 105);
    t.equal(roundedStay(90), 90);
    t.equal(roundedStay(1), 15);
    t.equal(slipDuration(105, 'en'), '1 hour 45 minutes');
    t.equal(slipDuration(120, 'es'), '2 horas');
    t.equal(slipDuration(45, 'zh'), '45分钟');
    t.equal(slipDuration(165, 'zh'), '2小时45分钟');
    t.equal(slipDuration(60, 'ar'), 'ساعة');
  });

  t.test('the slip says how long and until about when', async (t) => {
    const { bundle, plan } = languageDay();
    const views = slipViews(bundle, plan);
    t.equal(view(views, 'A0007').stay, 'About 1 hour 45 minutes; you should be done around 10:45 AM.');
    t.match(view(views, 'A0005').stay, /^Aproximadamente 1 hora 45 minutos\. Hora aproximada de salida: 10:45\sa\.\s?m\.$/);
  });
});

t.test('the Fresno sample\'s slips', async (t) => {
  const { bundle, plan } = fresnoDay();
  const views = slipViews(bundle, plan);
  const html = await applicantSlips(bundle, plan);
  const applicants = new Map(bundle.applicants.map((a) => [a.id, a]));

  t.test('one slip for each scheduled applicant, none for the others', async (t) => {
    t.same(views.map((v) => v.applicant).sort(), plan.scheduled.map((s) => s.applicant).sort());
    for (const u of plan.unscheduled) t.notMatch(html, `slip-${u.applicant}"`, `${u.applicant} is not scheduled`);
  });

  t.test('each in the right language, with the right documents, the free-service and notario lines', async (t) => {
    for (const slip of views) {
      const applicant = applicants.get(slip.applicant)!;
      const catalog = CATALOGS[slipLanguage(applicant.languages)];
      const text = readable(slipHtml(html, slip.applicant));
      t.equal(slip.lang, slipLanguage(applicant.languages), `${slip.applicant} ${applicant.languages.join(';')}`);
      t.match(text, catalog.free, `${slip.applicant} says the help is free`);
      t.match(text, catalog.notario, `${slip.applicant} says notarios are not lawyers`);
      t.match(text, catalog.case_types[applicant.caseType]!);
      for (const key of documentsFor(applicant.caseType)) t.match(text, catalog.documents[key]!, `${slip.applicant} bring ${key}`);
      t.match(text, applicant.name);
      t.match(text, `${bundle.event.site.name} ${bundle.event.site.address}`);
    }
  });

  t.test('a DACA renewal is told to bring the work permit and DACA approval, not a green card', async (t) => {
    const daca = views.find((v) => applicants.get(v.applicant)!.caseType === 'daca_renewal' && v.lang === 'es')!;
    t.ok(daca, 'a Spanish DACA renewal is scheduled');
    t.ok(daca.documents.includes('Su permiso de trabajo actual (tarjeta EAD)'));
    t.ok(daca.documents.includes('Su aviso de aprobación de DACA más reciente (I-797)'));
    t.notOk(daca.documents.some((d) => d.includes('green card')));
  });

  t.test('the arrival is the plan\'s, on the site\'s clock', async (t) => {
    for (const slip of views) {
      const stay = plan.scheduled.find((s) => s.applicant === slip.applicant)!;
      const arrival = DateTime.fromISO(stay.arrival, { setZone: true });
      t.equal(slip.time, slipTime(arrival, slip.lang), slip.applicant);
      t.equal(slip.date, slipDate(arrival, slip.lang));
    }
  });

  t.test('show no red flag, complexity, phone or household: only what the applicant needs', async (t) => {
    for (const slip of views) {
      const applicant = applicants.get(slip.applicant)!;
      const text = slipHtml(html, slip.applicant);
      for (const flag of applicant.flags) t.notMatch(text, flag, `${slip.applicant} ${flag}`);
      t.notMatch(text, /straightforward|moderate|complex/);
      if (applicant.phone) t.notMatch(text, applicant.phone, `${slip.applicant} phone`);
      if (applicant.household) t.notMatch(text, applicant.household);
    }
  });
});

t.test('the check-in code', async (t) => {
  const { bundle, plan } = languageDay();

  t.test('is a QR code of the applicant code, and the code in large text', async (t) => {
    const html = slipHtml(await applicantSlips(bundle, plan), 'A0007');
    const svg = (await QRCode.toString('A0007', { type: 'svg', margin: 0, errorCorrectionLevel: 'M' })).replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
    t.ok(html.includes(svg), 'the QR code of "A0007"');
    t.match(html, '<bdi class="code">A0007</bdi>');
    t.match(PRINT_CSS, /\.checkin \.code { display: block; font-size: 16pt;/);
  });

  t.test('holds the check-in link when one is given', async (t) => {
    const link = (id: string) => `https://taller.example.org/check-in/Zq8w3/${id}`;
    const views = slipViews(bundle, plan, { checkInUrl: link });
    t.equal(view(views, 'A0007').qrText, 'https://taller.example.org/check-in/Zq8w3/A0007');
    const html = slipHtml(await applicantSlips(bundle, plan, { checkInUrl: link }), 'A0007');
    t.ok(html.includes(await qrSvg(link('A0007'))));
    t.match(html, '<bdi class="code">A0007</bdi>', 'the large text is still the code');
  });
});

t.test('pages', async (t) => {
  const { bundle, plan } = everySlipDay();
  const n = plan.scheduled.length;
  const pages = (html: string) => (html.match(/<div class="page">/g) ?? []).length;

  t.test('two slips to a page by default, cut along dashed lines', async (t) => {
    const html = await applicantSlips(bundle, plan);
    t.match(html, '<body class="print slips per-2">');
    t.equal(pages(html), Math.ceil(n / 2));
    t.equal((html.match(/<span class="cut" aria-hidden="true">✂<\/span>/g) ?? []).length, n);
    t.match(PRINT_CSS, /\.slip {\s*position: relative; min-width: 0; border: 1\.5px dashed #000;/);
  });

  t.test('one or four to a page when asked', async (t) => {
    t.equal(pages(await applicantSlips(bundle, plan, { perPage: 4 })), Math.ceil(n / 4));
    t.equal(pages(await applicantSlips(bundle, plan, { perPage: 1 })), n);
    await t.rejects(applicantSlips(bundle, plan, { perPage: 3 as 2 }), /perPage must be 1, 2 or 4, not 3/);
    t.same(slipPages([1, 2, 3, 4, 5], 2), [{ slips: [1, 2] }, { slips: [3, 4] }, { slips: [5] }]);
  });

  t.test('one slip on one page for an applicant\'s own link', async (t) => {
    const html = await applicantSlips(bundle, plan, { applicant: 'A0003', perPage: 4 });
    t.equal(pages(html), 1);
    t.equal((html.match(/<article /g) ?? []).length, 1);
    t.match(html, '<body class="print slips per-1">');
  });

  t.test('long slips that share a page are marked to print a little smaller', async (t) => {
    const views = slipViews(bundle, plan);
    const long = views.filter((v) => v.length > DENSE_FROM).map((v) => v.applicant);
    t.ok(long.length > 0 && long.length < views.length, `${long.length} of ${views.length} slips are long`);
    const shared = await applicantSlips(bundle, plan);
    t.match(slipHtml(shared, long[0]!), /^<article class="slip dense/);
    const own = await applicantSlips(bundle, plan, { applicant: long[0]! });
    t.match(slipHtml(own, long[0]!), /^<article class="slip" /, 'never on a page of its own');
  });

  t.test('no slip for an applicant who is unknown or not scheduled', async (t) => {
    const { bundle: fresno, plan: fresnoPlan } = fresnoDay();
    const err = await applicantSlips(fresno, fresnoPlan, { applicant: 'A9999' }).catch((e: unknown) => e);
    t.type(err, SlipUnavailableError);
    t.equal((err as SlipUnavailableError).reason, 'unknown_applicant');
    const waiting = fresnoPlan.unscheduled[0]!.applicant;
    await t.rejects(applicantSlips(fresno, fresnoPlan, { applicant: waiting }), { name: 'SlipUnavailableError', reason: 'not_scheduled' });
  });

  t.test('an empty plan prints a sentence, not a blank page', async (t) => {
    const html = await applicantSlips(bundle, { ...plan, scheduled: [] });
    t.match(html, 'No applicant is scheduled');
  });
});

t.test('the HTML document', async (t) => {
  const { bundle, plan } = languageDay();

  t.test('is standalone: the print stylesheet and the QR codes inline, nothing fetched, no script', async (t) => {
    const html = await applicantSlips(bundle, plan);
    t.ok(html.includes(`<style>${PRINT_CSS}</style>`));
    t.notMatch(html, /<script|<link|<img|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
  });

  t.test('shows a contact phone only when one is given', async (t) => {
    t.notMatch(await applicantSlips(bundle, plan), 'class="contact"');
    const html = await applicantSlips(bundle, plan, { contactPhone: '(559) 555-0100' });
    t.match(readable(slipHtml(html, 'A0005')), '¿Preguntas? Llame al (559) 555-0100');
    t.match(readable(slipHtml(html, 'A0007')), 'Questions? Call (559) 555-0100');
  });

  t.test('escapes what people typed', async (t) => {
    const odd = { ...bundle, applicants: bundle.applicants.map((a) => (a.id === 'A0007' ? { ...a, name: '<b onmouseover="x">Kou</b>' } : a)) };
    const html = await applicantSlips(odd, plan);
    t.notMatch(html, '<b onmouseover');
    t.match(html, '&lt;b onmouseover&#x3D;&quot;x&quot;&gt;Kou&lt;/b&gt;');
  });

  t.test('refuses a plan made for another event', async (t) => {
    await t.rejects(applicantSlips(bundle, { ...plan, event: 'elsewhere' }), /plan is for event elsewhere/);
  });
});

t.test('draft slips', async (t) => {
  const { bundle, plan } = languageDay();

  t.test('a draft slip in Spanish says, under its title, that the time may still change', async (t) => {
    const slip = view(slipViews(bundle, plan, { draft: true }), 'A0005');
    t.equal(slip.lang, 'es');
    t.equal(slip.draft, 'BORRADOR: esta hora todavía puede cambiar. Espere su hoja de cita confirmada.');
    const text = readable(slipHtml(await applicantSlips(bundle, plan, { draft: true }), 'A0005'));
    t.ok(text.startsWith(`✂ Su cita ${bundle.event.name} ${slip.draft} `), 'right after the title and the event');
  });

  t.test('a draft slip in Arabic says so in Arabic, right to left', async (t) => {
    const slip = view(slipViews(bundle, plan, { draft: true }), 'A0008');
    t.equal(slip.lang, 'ar');
    t.equal(slip.draft, 'مسودة: قد يتغير هذا الوقت. انتظر بطاقة موعدك المؤكدة.');
    const html = slipHtml(await applicantSlips(bundle, plan, { draft: true }), 'A0008');
    t.match(html, /^<article class="slip draft[^"]*" lang="ar" dir="rtl"/);
    t.ok(readable(html).startsWith(`✂ موعدك ${bundle.event.name} ${slip.draft} `), 'right after the title and the event');
  });

  t.test('a slip without draft carries no draft sentence', async (t) => {
    t.same(slipViews(bundle, plan).map((v) => v.draft), plan.scheduled.map(() => null));
    const page = await applicantSlips(bundle, plan, { draft: false });
    const html = page.slice(page.indexOf('<main>'));
    t.notMatch(html, /class="[^"]*draft/);
    for (const lang of SLIP_LANGUAGES) t.notMatch(html, CATALOGS[lang].draft, lang);
  });

  t.test('a draft slip counts its mark in its length, so a long one prints smaller to make room', async (t) => {
    const confirmed = view(slipViews(bundle, plan), 'A0005');
    const draft = view(slipViews(bundle, plan, { draft: true }), 'A0005');
    t.ok(draft.length > confirmed.length + CATALOGS.es.draft.length, `${draft.length} > ${confirmed.length} + the sentence`);
  });
});

t.test('documents to bring', async (t) => {
  t.test('every default case type has its own list; another case type gets the generic one', async (t) => {
    t.same(Object.keys(DOCUMENTS_BY_CASE_TYPE).sort(), Object.keys(DEFAULT_CASE_TYPES).sort());
    t.same(documentsFor('i912_fee_waiver'), GENERIC_DOCUMENTS);
    t.ok(documentsFor('n400').includes('green_card'));
    t.ok(documentsFor('daca_initial').includes('residence_since_2007'));
    t.notOk(documentsFor('consultation').includes('fee'), 'a consultation files nothing, so no fee');
  });

  t.test('a case type the event adds is named from its code in the slip', async (t) => {
    const { bundle, plan } = everySlipDay();
    const slip = view(slipViews(bundle, plan), 'A0011');
    t.equal(slip.caseType, 'i912 fee waiver');
    t.same(slip.documents, GENERIC_DOCUMENTS.map((key) => CATALOGS.en.documents[key]));
  });
});

t.test('the translation catalogs', async (t) => {
  type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
  const raw = Object.fromEntries(SLIP_LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(new URL(`${lang}.json`, I18N), 'utf8')) as Json]));

  /** Each leaf as path → value; keys starting with _ are notes, left out. */
  function leaves(value: Json, path = ''): Map<string, Json> {
    const out = new Map<string, Json>();
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (!key.startsWith('_')) for (const [p, v] of leaves(inner, `${path}.${key}`)) out.set(p, v);
      }
    } else out.set(path, value);
    return out;
  }
  const english = leaves(raw.en!);
  const placeholders = (text: Json) => (typeof text === 'string' ? (text.match(/\{\w+\}/g) ?? []).sort() : []);

  t.test('are exactly the eight languages, as plain JSON files', async (t) => {
    t.same(readdirSync(I18N).sort(), SLIP_LANGUAGES.map((l) => `${l}.json`).sort());
  });

  for (const lang of SLIP_LANGUAGES) {
    t.test(`${lang} has the same keys as English, the same {placeholders}, and nothing empty`, async (t) => {
      const mine = leaves(raw[lang]!);
      t.same([...mine.keys()].sort(), [...english.keys()].sort());
      for (const [path, value] of mine) {
        t.same(placeholders(value), placeholders(english.get(path)!), `${lang}${path} placeholders`);
        if (typeof value === 'string') t.ok(value.trim().length > 0, `${lang}${path} is not empty`);
        if (Array.isArray(value)) t.equal(value.length, (english.get(path) as Json[]).length, `${lang}${path} length`);
      }
    });
  }

  t.test('every catalog but English and Spanish asks for a native speaker\'s review', async (t) => {
    for (const lang of SLIP_LANGUAGES) {
      const review = (raw[lang] as Record<string, Json>)._review;
      if (lang === 'en' || lang === 'es') t.equal(review, undefined, lang);
      else t.match(review, /checked by a native-speaking volunteer/, lang);
    }
  });

  t.test('every catalog names every default case type and every document a list uses', async (t) => {
    const used = new Set([...Object.values(DOCUMENTS_BY_CASE_TYPE).flat(), ...GENERIC_DOCUMENTS]);
    t.same([...used].sort(), Object.keys(CATALOGS.en.documents).sort(), 'no document is left unused');
    for (const lang of SLIP_LANGUAGES) {
      t.same(Object.keys(CATALOGS[lang].case_types).sort(), Object.keys(DEFAULT_CASE_TYPES).sort(), lang);
    }
  });

  t.test('say the help is free and warn about notarios in every language', async (t) => {
    t.match(CATALOGS.en.free, /free/);
    t.match(CATALOGS.es.free, /gratuita/);
    t.match(CATALOGS.en.notario, /Notarios .* are not lawyers/);
    t.match(CATALOGS.es.notario, /notarios .* no son abogados/);
    for (const lang of SLIP_LANGUAGES) t.match(CATALOGS[lang].notario, /notario/i, `${lang} names notarios as applicants know them`);
    t.equal(CATALOGS.ar.dir, 'rtl');
    for (const lang of SLIP_LANGUAGES.filter((l) => l !== 'ar')) t.equal(CATALOGS[lang].dir, 'ltr', lang);
  });
});
