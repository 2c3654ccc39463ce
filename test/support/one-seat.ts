/**
 * A small day where one place decides everything, for the tests of places given up and offered
 * on (not a test itself).
 */
import type { Bundle } from '../../src/domain/index.js';
import { applicant, between, scene, volunteer } from '../planner/fixtures/scenes.js';

export const ONE_SEAT_ID = 'one-seat-2027-03-13';

/**
 * A small day where one place decides everything: V1 (Spanish) can see one consultation in the
 * morning and V2 (Vietnamese) one in the afternoon. A1 (reads Arabic, speaks Spanish) and A2
 * (Vietnamese, more urgent) get them; A3 (Vietnamese, priority 2) and A4 (Spanish, priority 1)
 * are left out, and so is A5 (Spanish, priority 1) when asked for.
 */
export function oneSeatDay(extra = false): Bundle {
  const attorney = (id: string, languages: string[], from: string, to: string) =>
    volunteer({ id, name: `Attorney ${id}`, role: 'attorney', languages, available: [between(from, to)] });
  const person = (id: string, name: string, languages: string[], priority: number) =>
    applicant({ id, name, languages, priority, caseType: 'consultation', phone: `(559) 555-010${id.slice(1)}` });
  return scene({
    event: { id: ONE_SEAT_ID, name: 'One seat clinic', site: { name: 'Parish Hall', address: '1 Main St, Fresno, CA' } },
    volunteers: [attorney('V1', ['es'], '09:00', '10:00'), attorney('V2', ['vi'], '13:00', '14:00')],
    applicants: [
      person('A1', 'Rasha Haddad', ['ar', 'es'], 2),
      person('A2', 'Vu Seated', ['vi'], 3),
      person('A3', 'Van Waiting', ['vi'], 2),
      person('A4', 'Luz Waiting', ['es'], 1),
      ...(extra ? [person('A5', 'Sol Waiting', ['es'], 1)] : []),
    ],
  });
}

