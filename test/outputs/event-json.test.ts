// A stored event written back as event.json reads as the same event, so a list imported on its
// own is checked against the event exactly as a whole bundle would be.
import t from 'tap';
import { readBundle } from '../../src/bundle/index.js';
import { ProblemList } from '../../src/bundle/problems.js';
import { readEvent } from '../../src/bundle/event.js';
import { loadBundle, saveBundle } from '../../src/db/events.js';
import type { ClinicEvent } from '../../src/domain/index.js';
import { eventJsonBytes } from '../../src/outputs/event.js';
import { FRESNO, MADERA, MERCED, sampleBundle, sampleFiles, tempDatabase } from '../support/fixtures.js';

function reread(event: ClinicEvent) {
  const problems = new ProblemList();
  const read = readEvent(eventJsonBytes(event), problems);
  return { event: read.event, errors: problems.errors, warnings: problems.warnings };
}

for (const sample of [FRESNO, MADERA, MERCED]) {
  t.test(`the ${sample} event, written as event.json, reads back as the same event`, async (t) => {
    const { event } = sampleBundle(sample);
    const again = reread(event);
    t.same(again.errors, []);
    t.same(again.warnings, []);
    t.strictSame(again.event, event);
  });
}

t.test('an event with its own floor, case types, walk-in settings and retention rule reads back the same', async (t) => {
  const files = sampleFiles(FRESNO);
  const json = JSON.parse(Buffer.from(files['event.json']!).toString('utf8'));
  Object.assign(json, {
    floor: 'fast_lane',
    case_types: { n400: { preparation: 100 }, u_visa: { screening: 20, review: 40 } },
    simulation: { walk_in_profile: 'morning', walk_ins_until: '13:30', overtime_minutes: 20,
      walk_in_mix: [{ case_type: 'n400', languages: ['es', 'en'], complexity: 'moderate', share: 2 }] },
    planning: { fairness: 'proportional', selection: 'most', finish_probability: 0.9, seed: 7 },
    retention: { purge_days_after: 30 },
  });
  const { bundle } = readBundle({ ...files, 'event.json': Buffer.from(JSON.stringify(json)) });
  const again = reread(bundle!.event);
  t.same(again.errors, []);
  t.strictSame(again.event, bundle!.event);
});

t.test('an event stored and loaded reads back from its event.json as the event loaded', async (t) => {
  const store = tempDatabase(t);
  saveBundle(store.db, sampleBundle(MADERA), 'test');
  const loaded = loadBundle(store.db, sampleBundle(MADERA).event.id)!;
  t.strictSame(reread(loaded.event).event, loaded.event);
});
