// The season calendar's findings from stored workshops: people asked past the monthly limit.
import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import type { Bundle } from '../../src/domain/index.js';
import { DEFAULT_SEASON_RULES } from '../../src/season/index.js';
import { seasonCalendar } from '../../src/services/season.js';
import { FRESNO, sampleBundle, tempDatabase } from '../support/fixtures.js';

t.test('a volunteer on the rosters of more workshops in a month than the limit is listed with them, by roster code', async (t) => {
  const store = tempDatabase(t);
  const base = sampleBundle(FRESNO);
  for (const date of ['2027-06-05', '2027-06-12', '2027-06-19']) {
    const weekly: Bundle = {
      ...base, event: { ...base.event, id: `fresno-${date}`, date },
      volunteers: base.volunteers.map((v, i) => (i === 1 ? { ...v, email: 'busy@example.org' } : { ...v, email: undefined })),
    };
    saveBundle(store.db, weekly, 'test', null);
  }
  const calendar = seasonCalendar(store.db, undefined, new Date('2027-01-01'), { ...DEFAULT_SEASON_RULES, monthlyLimit: 2 });
  t.same(calendar.heavy, [{
    month: '2027-06', code: base.volunteers[1]!.id, limit: 2,
    events: ['2027-06-05', '2027-06-12', '2027-06-19'].map((d) => ({ id: `fresno-${d}`, name: base.event.name })),
  }]);
  t.same(seasonCalendar(store.db, undefined, new Date('2027-01-01')).heavy, [], 'within the default limit of four');
});
