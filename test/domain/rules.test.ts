import t from 'tap';
import { visitMinutes, DEFAULT_CASE_TYPES } from '../../src/domain/index.js';

t.test('an interpreted moderate DACA renewal preparation takes 85 minutes on a 5-minute grid', async (t) => {
  t.equal(visitMinutes({ caseTypes: DEFAULT_CASE_TYPES, slotMinutes: 5 }, 'daca_renewal', 'preparation', 'moderate', true), 85);
});
