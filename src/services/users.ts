/**
 * Accounts: the first admin, adding and changing accounts, signing in, and the API tokens each
 * account makes for its scripts. Passwords are hashed with argon2id; every change, sign-in and
 * failed sign-in is on the audit log (by account number, never a password or a token).
 */
import { hash, verify } from '@node-rs/argon2';
import { audit } from '../db/events.js';
import type { Db } from '../db/index.js';
import { createToken } from '../db/tokens.js';
import {
  countUsers, deleteSessionsOf, findAccount, findSignIn, insertAccount, listApiTokens, organizationNamed, revokeApiToken, ROLES, updateAccount,
} from '../db/users.js';
import type { Account, ApiTokenRow, Role } from '../db/users.js';

export type { Account, ApiTokenRow, Role };
export { ROLES };

/** The shortest password accepted: long enough to resist guessing, short enough to type on a phone. */
export const MIN_PASSWORD = 12;

/**
 * argon2id (the package's default algorithm; a test reads it back from the stored hash) at the
 * parameters OWASP's password storage cheat sheet recommends: 19 MiB, 2 passes, 1 lane.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** A hash to check against when no account has that e-mail, so a wrong e-mail takes as long as a wrong password. */
let decoy: Promise<string> | undefined;

/** A form field that is not right, and what to do about it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Why an account form's field is not right, for a page that says it in its own language (its English is `message`). */
export type AccountProblemCode =
  | 'email_invalid' | 'email_taken' | 'name_missing' | 'role_unknown' | 'organization_missing' | 'password_short'
  | 'passwords_differ' | 'new_passwords_differ' | 'password_wrong' | 'token_name_missing' | 'scope_unknown' | 'scope_viewer'
  | 'no_account' | 'own_account';

/** A problem of an account's fields: in English, and as a code with what fills its words. */
export interface AccountProblem extends FieldProblem {
  code: AccountProblemCode;
  params?: Readonly<Record<string, string | number>>;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; problems: AccountProblem[] };

export interface AccountInput {
  email: string;
  name: string;
  role: string;
  /** The organization's name: made when it is new. */
  organization?: string;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const EMAIL_TAKEN: AccountProblem = { field: 'email', code: 'email_taken', message: 'An account with this e-mail address exists already.' };
const NAME_MISSING: AccountProblem = { field: 'name', code: 'name_missing', message: 'Write the person’s name.' };
const ROLE_UNKNOWN: AccountProblem = { field: 'role', code: 'role_unknown', message: 'Choose admin, coordinator or viewer.' };

/** Every problem with a new account's fields, each naming its field. */
export function accountProblems(db: Db, input: AccountInput): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const email = input.email.trim();
  if (!EMAIL.test(email)) problems.push({ field: 'email', code: 'email_invalid', message: 'Write an e-mail address, like name@example.org.' });
  else if (findSignIn(db, email)) problems.push(EMAIL_TAKEN);
  if (!input.name.trim()) problems.push(NAME_MISSING);
  if (!(ROLES as readonly string[]).includes(input.role)) problems.push(ROLE_UNKNOWN);
  if (input.role !== 'admin' && !input.organization?.trim()) {
    problems.push({ field: 'organization', code: 'organization_missing', message: 'Coordinators and viewers act for an organization: write its name.' });
  }
  problems.push(...passwordProblems(input.password));
  return problems;
}

export function passwordProblems(password: string): AccountProblem[] {
  return [...password].length < MIN_PASSWORD
    ? [{ field: 'password', code: 'password_short', params: { count: MIN_PASSWORD }, message: `Use at least ${MIN_PASSWORD} characters: a few words you will remember work well.` }]
    : [];
}

/** Adds an account (its organization made if new); audited. */
export async function addAccount(db: Db, input: AccountInput, actor: string): Promise<Outcome<{ id: number }>> {
  const problems = accountProblems(db, input);
  if (problems.length > 0) return { ok: false, problems };
  const passwordHash = await hashPassword(input.password);
  // Checked again inside the transaction: the hash took a moment, and someone may have taken the address.
  return db.transaction((tx) => {
    if (findSignIn(tx as unknown as Db, input.email)) {
      return { ok: false, problems: [EMAIL_TAKEN] } as const;
    }
    const organizationId = input.organization?.trim() ? organizationNamed(tx, input.organization) : null;
    const id = insertAccount(tx, { email: input.email, name: input.name.trim(), role: input.role as Role, organizationId, passwordHash });
    audit(tx as unknown as Db, actor, 'user.create', null, `user ${id}, ${input.role}`);
    return { ok: true, id } as const;
  }, { behavior: 'immediate' });
}

/** The first account, an admin, made on the setup page: only while there is no account at all. */
export async function setUpFirstAdmin(db: Db, input: Omit<AccountInput, 'role'>): Promise<Outcome<{ id: number }> | { ok: false; closed: true }> {
  if (countUsers(db) > 0) return { ok: false, closed: true };
  const problems = accountProblems(db, { ...input, role: 'admin' });
  if (problems.length > 0) return { ok: false, problems };
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    if (countUsers(tx as unknown as Db) > 0) return { ok: false, closed: true } as const;
    const organizationId = input.organization?.trim() ? organizationNamed(tx, input.organization) : null;
    const id = insertAccount(tx, { email: input.email, name: input.name.trim(), role: 'admin', organizationId, passwordHash });
    audit(tx as unknown as Db, `user:${id}`, 'user.setup', null, `user ${id}, the first admin`);
    return { ok: true, id } as const;
  }, { behavior: 'immediate' });
}

/**
 * The account an e-mail and password open, or undefined: the same answer, in the same time,
 * for an unknown e-mail, a wrong password and a disabled account. Both outcomes are audited.
 */
export async function signIn(db: Db, email: string, password: string): Promise<Account | undefined> {
  const found = findSignIn(db, email);
  if (!found?.passwordHash) {
    await verify(await (decoy ??= hashPassword('not anyone’s password')), password).catch(() => false);
    audit(db, 'anonymous', 'user.sign_in_failed', null, 'no such account');
    return undefined;
  }
  const matches = await verify(found.passwordHash, password).catch(() => false);
  if (!matches || found.disabledAt !== null) {
    audit(db, 'anonymous', 'user.sign_in_failed', null, `user ${found.id}, ${matches ? 'account disabled' : 'wrong password'}`);
    return undefined;
  }
  audit(db, `user:${found.id}`, 'user.sign_in', null, `user ${found.id}`);
  const { passwordHash: _hash, ...account } = found;
  return account;
}

/** The account behind a session or a token, while it is enabled. */
export function activeAccount(db: Db, id: number): Account | undefined {
  const account = findAccount(db, id);
  return account && account.disabledAt === null ? account : undefined;
}

export interface AccountChange {
  name?: string;
  role?: string;
  organization?: string;
  disabled?: boolean;
  password?: string;
}

/** Changes an account; disabling it (or a new password) ends its sessions. Audited. */
export async function changeAccount(db: Db, id: number, change: AccountChange, actor: string): Promise<Outcome<Record<never, never>>> {
  const account = findAccount(db, id);
  if (!account) return { ok: false, problems: [{ field: 'id', code: 'no_account', message: 'There is no such account.' }] };
  const problems: AccountProblem[] = [];
  if (change.name !== undefined && !change.name.trim()) problems.push(NAME_MISSING);
  if (change.role !== undefined && !(ROLES as readonly string[]).includes(change.role)) problems.push(ROLE_UNKNOWN);
  if (change.password !== undefined) problems.push(...passwordProblems(change.password));
  if (problems.length > 0) return { ok: false, problems };
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  db.transaction((tx) => {
    const t = tx as unknown as Db;
    updateAccount(t, id, {
      ...(change.name !== undefined ? { name: change.name.trim() } : {}),
      ...(change.role !== undefined ? { role: change.role as Role } : {}),
      ...(change.organization !== undefined ? { organizationId: change.organization.trim() ? organizationNamed(tx, change.organization) : null } : {}),
      ...(change.disabled !== undefined ? { disabledAt: change.disabled ? new Date().toISOString() : null } : {}),
      ...(passwordHash !== undefined ? { passwordHash } : {}),
    });
    if (change.disabled || passwordHash !== undefined) deleteSessionsOf(t, id);
    const what = [change.role !== undefined && `role ${change.role}`, change.organization !== undefined && 'organization',
      change.name !== undefined && 'name', change.disabled === true && 'disabled', change.disabled === false && 'enabled',
      passwordHash !== undefined && 'password'].filter(Boolean).join(', ');
    audit(t, actor, 'user.change', null, `user ${id}${what ? `: ${what}` : ''}`);
  }, { behavior: 'immediate' });
  return { ok: true };
}

export type TokenScopeName = 'read' | 'write';

/** A new API token for an account, named by its maker; shown once. Viewers get read tokens only. */
export function makeApiToken(db: Db, account: Account, name: string, scope: TokenScopeName, actor: string): Outcome<{ token: string }> {
  const problems: AccountProblem[] = [];
  if (!name.trim()) problems.push({ field: 'name', code: 'token_name_missing', message: 'Name the token after what will use it, like “mail merge script”.' });
  if (scope !== 'read' && scope !== 'write') problems.push({ field: 'scope', code: 'scope_unknown', message: 'Choose read or write.' });
  else if (scope === 'write' && account.role === 'viewer') problems.push({ field: 'scope', code: 'scope_viewer', message: 'A viewer’s tokens can only read.' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, token: createToken(db, 'api', { userId: account.id, label: name.trim(), scope }, actor) };
}

export function apiTokensOf(db: Db, userId?: number): ApiTokenRow[] {
  return listApiTokens(db, userId);
}

/** Revokes an API token (only the account's own, unless an admin asks); audited. */
export function revokeApiTokenOf(db: Db, tokenId: number, by: Account, actor: string): boolean {
  const revoked = revokeApiToken(db, tokenId, new Date().toISOString(), by.role === 'admin' ? undefined : by.id);
  if (revoked) audit(db, actor, 'token.revoke', null, `api token ${tokenId}`);
  return revoked !== undefined;
}
