// The event page's "whom the day serves": the plan's selection against the other choice.
import t from 'tap';
import { selectionView } from '../../src/http/views.js';
import type { PlanJson } from '../../src/planner/types.js';

const shares = (complex: number, interpreted: number) => ({
  language: { es: 0.5, mix: interpreted }, case_type: { daca_renewal: 0.6 },
  complexity: { straightforward: 0.7, complex }, interpreter: { needed: interpreted, not_needed: 0.7 },
});
const summary: PlanJson['summary'] = {
  applicants: 20, scheduled: 12, scheduled_weight: 12, interpreted_visits: 2, mean_minutes_in_clinic: 90,
  served_share: shares(0.4, 0.5),
  selection: { mode: 'fair', other: { mode: 'most', scheduled: 15, scheduled_weight: 15, served_share: shares(0, 0) } },
};

t.test('the sentence says how many each choice serves and what the other does to complex cases', async (t) => {
  t.equal(selectionView(summary)!.sentence, 'This plan uses fair selection (lottery order) and serves 12. '
    + 'The “serve the most” choice would serve 3 more, reaching 0% of complex cases (this plan: 40% of complex cases).');
});

t.test('the table puts each group’s share beside the other choice’s', async (t) => {
  const rows = selectionView(summary)!.rows;
  t.same(rows.find((r) => r.group === 'Complexity' && r.label === 'complex'), { group: 'Complexity', label: 'complex', mine: '40%', other: '0%' });
  t.same(rows.find((r) => r.group === 'Interpreter' && r.label === 'needs one'), { group: 'Interpreter', label: 'needs one', mine: '50%', other: '0%' });
  t.ok(rows.some((r) => r.group === 'Language' && r.label === 'Mixteco'));
});

t.test('a plan made without the comparison shows none', async (t) => {
  t.equal(selectionView({ ...summary, selection: undefined }), null);
});

t.test('when the other choice serves fewer, the sentence says fewer', async (t) => {
  const most = { ...summary, selection: { mode: 'most' as const, other: { ...summary.selection!.other, mode: 'fair' as const, scheduled: 10 } } };
  t.match(selectionView(most)!.sentence, /^This plan uses the “serve the most” choice and serves 12\. Fair selection \(lottery order\) would serve 2 fewer/);
});
