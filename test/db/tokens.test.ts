import t from 'tap';
import { eq } from 'drizzle-orm';
import { accessTokens, auditLog } from '../../src/db/schema.js';
import { createToken, revokeToken, verifyToken } from '../../src/db/tokens.js';
import { tempDatabase } from '../support/fixtures.js';

const NOW = '2027-05-01T12:00:00.000Z';

t.test('a new token is long, URL-safe and different every time', async (t) => {
  const { db } = tempDatabase(t);
  const a = createToken(db, 'api');
  const b = createToken(db, 'api');
  t.match(a, /^[A-Za-z0-9_-]{43}$/);
  t.not(a, b);
});

t.test('a token never starts with a dash or underscore, so it can follow an option on the command line', async (t) => {
  const { db } = tempDatabase(t);
  // One in 32 random tokens would: 2,000 of them would show it all but surely.
  const firsts = db.transaction(() => new Set(Array.from({ length: 2000 }, () => createToken(db, 'api')[0])));
  t.notOk(firsts.has('-') || firsts.has('_'), [...firsts].sort().join(''));
});

t.test('the database keeps only a hash of each token', async (t) => {
  const { db } = tempDatabase(t);
  const token = createToken(db, 'volunteer', { subject: 'V003' });
  const rows = db.select().from(accessTokens).all();
  t.notOk(JSON.stringify(rows).includes(token));
});

t.test('a token opens only what it was made for', async (t) => {
  const { db } = tempDatabase(t);
  const token = createToken(db, 'volunteer', { subject: 'V003' });
  t.match(verifyToken(db, token, 'volunteer', NOW), { kind: 'volunteer', subject: 'V003' });
  t.equal(verifyToken(db, token, 'api', NOW), undefined);
  t.equal(verifyToken(db, 'not-a-token', 'volunteer', NOW), undefined);
  t.equal(verifyToken(db, '', 'volunteer', NOW), undefined);
});

t.test('a revoked token stops working at once and cannot be revoked twice', async (t) => {
  const { db } = tempDatabase(t);
  const token = createToken(db, 'api');
  t.equal(revokeToken(db, token, NOW), true);
  t.equal(verifyToken(db, token, 'api', NOW), undefined);
  t.equal(revokeToken(db, token, NOW), false);
});

t.test('an expired token no longer works', async (t) => {
  const { db } = tempDatabase(t);
  const token = createToken(db, 'applicant');
  db.update(accessTokens).set({ expiresAt: '2027-04-30T00:00:00.000Z' }).run();
  t.equal(verifyToken(db, token, 'applicant', NOW), undefined);
});

t.test('making and revoking a token are in the audit log by its number and kind, with who did it, never the token', async (t) => {
  const { db } = tempDatabase(t);
  const token = createToken(db, 'api', {}, 'cli');
  revokeToken(db, token, NOW, 'cli');
  const id = db.select({ id: accessTokens.id }).from(accessTokens).get()!.id;
  const rows = db.select().from(auditLog).all();
  t.same(rows.map((r) => [r.actor, r.action, r.detail]), [['cli', 'token.create', `api token ${id}`], ['cli', 'token.revoke', `api token ${id}`]]);
  t.notOk(JSON.stringify(rows).includes(token));
});

t.test('a revocation that changes nothing writes nothing to the audit log', async (t) => {
  const { db } = tempDatabase(t);
  revokeToken(db, 'not-a-token', NOW, 'cli');
  t.same(db.select().from(auditLog).where(eq(auditLog.action, 'token.revoke')).all(), []);
});
