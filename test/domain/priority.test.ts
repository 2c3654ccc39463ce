import t from 'tap';
import { applicantPriority, priorityFromDeadline } from '../../src/domain/index.js';
import { EVENT_DATE } from './fixtures/builders.js';

// EVENT_DATE is 2027-03-13. Days counted by hand: 18 left in March, 30 in April, 31 in May,
// 30 in June, 31 in July.
const SIXTY_DAYS_AFTER = '2027-05-12';
const SIXTY_ONE_DAYS_AFTER = '2027-05-13';
const HUNDRED_FIFTY_DAYS_AFTER = '2027-08-10';
const HUNDRED_FIFTY_ONE_DAYS_AFTER = '2027-08-11';
const ALREADY_EXPIRED = '2027-01-31';
const URGENT = 3;
const SOON = 2;
const ORDINARY = 1;

t.test('gives priority 1 to an applicant with no deadline', async (t) => {
  t.equal(priorityFromDeadline(EVENT_DATE, undefined), ORDINARY);
});

t.test('gives priority 3 to a deadline on the day of the event', async (t) => {
  t.equal(priorityFromDeadline(EVENT_DATE, EVENT_DATE), URGENT);
});

t.test('gives priority 3 to a deadline that has already passed', async (t) => {
  t.equal(priorityFromDeadline(EVENT_DATE, ALREADY_EXPIRED), URGENT);
});

t.test('gives priority 3 to a deadline 60 days after the event', async (t) => {
  t.equal(priorityFromDeadline(EVENT_DATE, SIXTY_DAYS_AFTER), URGENT);
});

t.test('gives priority 2 to a deadline 61 days after the event', async (t) => {
  t.equal(priorityFromDeadline(EVENT_DATE, SIXTY_ONE_DAYS_AFTER), SOON);
});

t.test('gives priority 2 to a deadline 150 days after the event', async (t) => {
  t.equal(priorityFromDeadline(EVENT_DATE, HUNDRED_FIFTY_DAYS_AFTER), SOON);
});

t.test('gives priority 1 to a deadline 151 days after the event', async (t) => {
  t.equal(priorityFromDeadline(EVENT_DATE, HUNDRED_FIFTY_ONE_DAYS_AFTER), ORDINARY);
});

t.test('counts days across a year end: a deadline 60 days after a November event is priority 3', async (t) => {
  // 2027-11-07 + 60 days: 23 left in November, 31 in December, 6 in January
  t.equal(priorityFromDeadline('2027-11-07', '2028-01-06'), URGENT);
  t.equal(priorityFromDeadline('2027-11-07', '2028-01-07'), SOON);
});

t.test('an explicit priority wins over an urgent deadline', async (t) => {
  t.equal(applicantPriority(EVENT_DATE, SIXTY_DAYS_AFTER, ORDINARY), ORDINARY);
});

t.test('an explicit priority wins when there is no deadline', async (t) => {
  t.equal(applicantPriority(EVENT_DATE, undefined, 5), 5);
});

t.test('without an explicit priority, the deadline decides', async (t) => {
  t.equal(applicantPriority(EVENT_DATE, HUNDRED_FIFTY_DAYS_AFTER, undefined), SOON);
});

t.test('without an explicit priority or a deadline, the priority is 1', async (t) => {
  t.equal(applicantPriority(EVENT_DATE, undefined, undefined), ORDINARY);
});
