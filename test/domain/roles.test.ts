import t from 'tap';
import { mayStaff, ROLES, STATIONS } from '../../src/domain/index.js';
import type { Role, Station } from '../../src/domain/index.js';

/** Roles and what each may do: `desks` are check-in and final check. */
const DESKS: Station[] = ['check_in', 'final_check'];
const EXPECTED: Record<Role, Station[]> = {
  attorney: ['check_in', 'screening', 'preparation', 'review', 'final_check'],
  accredited_rep: ['screening', 'preparation', 'review', ...DESKS],
  law_student: ['screening', 'preparation', ...DESKS],
  paralegal: ['screening', 'preparation', ...DESKS],
  form_filler: ['preparation', ...DESKS],
  screener: ['screening', ...DESKS],
  interpreter: [],
  general: [...DESKS],
};

t.test('the role table covers every role and station of the domain', async (t) => {
  t.same([...ROLES].sort(), Object.keys(EXPECTED).sort());
  t.same([...STATIONS].sort(), ['check_in', 'final_check', 'preparation', 'review', 'screening']);
});

for (const role of ROLES) {
  for (const station of STATIONS) {
    const allowed = EXPECTED[role].includes(station);
    t.test(`${allowed ? 'lets' : 'does not let'} a ${role} staff ${station}`, async (t) => {
      t.equal(mayStaff(role, station), allowed);
    });
  }
}

t.test('does not let a general volunteer staff any legal station', async (t) => {
  t.same(STATIONS.filter((station) => mayStaff('general', station)), DESKS);
});

t.test('an interpreter staffs no station: it only interprets', async (t) => {
  t.same(STATIONS.filter((station) => mayStaff('interpreter', station)), []);
});

t.test('only attorneys and accredited reps may staff review', async (t) => {
  t.same(ROLES.filter((role) => mayStaff(role, 'review')), ['attorney', 'accredited_rep']);
});
