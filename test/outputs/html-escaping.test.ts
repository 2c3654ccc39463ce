// Every printed page escapes what it is given: names, households, the event's name and place
// are text, never markup, whatever a spreadsheet put in them.
import t from 'tap';
import fc from 'fast-check';
import { addedMarkup, hostile, PLAIN, plantedIn } from '../support/markup.js';
import handlebars from 'handlebars';
import { applicantSlips } from '../../src/outputs/slips.js';
import { stationSheets } from '../../src/outputs/sheets.js';
import { fresnoDay, PRINTED } from './fixtures/print.js';

t.test('station sheets print hostile names as text, never as markup', async () => {
  const { bundle, plan } = fresnoDay();
  fc.assert(fc.property(fc.array(hostile, { minLength: 6, maxLength: 12 }), (names) => {
    const planted = plantedIn(bundle, names);
    const html = stationSheets(planted, plan, { now: PRINTED });
    const found = addedMarkup(html, stationSheets(plantedIn(bundle, PLAIN), plan, { now: PRINTED }));
    if (found) throw new Error(`the sheets hold ${JSON.stringify(found)}`);
    const shown = planted.volunteers.find((v) => plan.scheduled.some((s) => s.visits.some((x) => x.volunteer === v.id)))!;
    if (!html.includes(handlebars.Utils.escapeExpression(shown.name))) throw new Error('a volunteer name is missing from the sheets');
    return true;
  }), { numRuns: 40, seed: 3 });
});

t.test('applicant slips print hostile names and places as text, never as markup', async () => {
  const { bundle, plan } = fresnoDay();
  const plain = await applicantSlips(plantedIn(bundle, PLAIN), plan);
  await fc.assert(fc.asyncProperty(fc.array(hostile, { minLength: 6, maxLength: 12 }), async (names) => {
    const planted = plantedIn(bundle, names);
    const html = await applicantSlips(planted, plan);
    const found = addedMarkup(html, plain);
    if (found) throw new Error(`the slips hold ${JSON.stringify(found)}`);
    if (!html.includes(handlebars.Utils.escapeExpression(planted.event.site.name))) throw new Error('the site is missing from the slips');
    return true;
  }), { numRuns: 20, seed: 5 });
});
