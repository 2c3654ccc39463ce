import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** A recognized organization: hosts events, holds accreditations, employs coordinators. */
export const organizations = sqliteTable('organizations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
  /** Recognized by the DOJ (its accredited representatives may represent), until `recognized_until` (YYYY-MM-DD) when one is given. */
  dojRecognized: integer('doj_recognized', { mode: 'boolean' }).notNull().default(false),
  recognizedUntil: text('recognized_until'),
  county: text('county'),
});

/** A place workshops happen, reused across events. */
export const sites = sqliteTable('sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  address: text('address'),
  county: text('county'),
  setting: text('setting'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('sites_name_address').on(t.name, t.address)]);

/** One workshop day. `slug` is the coordinator's event id from event.json. */
export const events = sqliteTable('events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  date: text('date').notNull(),
  timezone: text('timezone').notNull(),
  opens: text('opens').notNull(),
  closes: text('closes').notNull(),
  slotMinutes: integer('slot_minutes').notNull(),
  siteId: integer('site_id').references(() => sites.id, { onDelete: 'set null' }),
  /** desks, case_types, simulation and planning settings, as JSON. */
  settings: text('settings', { mode: 'json' }).notNull(),
  createdAt: createdAt(),
  updatedAt: text('updated_at').notNull(),
  /** Kept by every import and edit, so lists never count rows. */
  volunteerCount: integer('volunteer_count').notNull().default(0),
  applicantCount: integer('applicant_count').notNull().default(0),
  /**
   * When the applicants' personal data was removed (by `taller purge` or the event's retention
   * rule). Any other write to the event's row (importing it again) clears it: a fresh start.
   */
  purgedAt: text('purged_at').$onUpdate(() => sql`null`),
  /** The organization whose coordinators run the event (the importing coordinator's); none: admins only. */
  organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
});

/** Organizations that host or co-host an event (accredited reps review only at these). */
export const eventHosts = sqliteTable('event_hosts', {
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  organizationId: integer('organization_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  position: integer('position').notNull(),
}, (t) => [uniqueIndex('event_hosts_pk').on(t.eventId, t.organizationId)]);

/** A person who volunteers, possibly at many events; matched across imports by e-mail. */
export const volunteers = sqliteTable('volunteers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  createdAt: createdAt(),
}, (t) => [index('volunteers_email').on(t.email)]);

/** A volunteer's place on one event's roster: what they do that day. */
export const rosterEntries = sqliteTable('roster_entries', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  volunteerId: integer('volunteer_id').notNull().references(() => volunteers.id, { onDelete: 'restrict' }),
  /** The coordinator's id from volunteers.csv (`V012`). */
  code: text('code').notNull(),
  position: integer('position').notNull(),
  role: text('role').notNull(),
  languages: text('languages', { mode: 'json' }).notNull().$type<string[]>(),
  caseTypes: text('case_types', { mode: 'json' }).notNull().$type<string[]>(),
  accreditation: text('accreditation'),
  org: text('org'),
  supervisor: text('supervisor'),
  /** Local wall-clock windows, `HH:MM-HH:MM;…`. */
  available: text('available').notNull(),
  maxApplicants: integer('max_applicants'),
}, (t) => [uniqueIndex('roster_event_code').on(t.eventId, t.code)]);

/** A pre-registered applicant of one event. Personal data: purged after the event by rule. */
export const applicants = sqliteTable('applicants', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  /** The coordinator's id from applicants.csv (`A0042`). */
  code: text('code').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  languages: text('languages', { mode: 'json' }).notNull().$type<string[]>(),
  caseType: text('case_type').notNull(),
  complexity: text('complexity').notNull(),
  flags: text('flags', { mode: 'json' }).notNull().$type<string[]>(),
  household: text('household'),
  available: text('available').notNull(),
  deadline: text('deadline'),
  priority: integer('priority').notNull(),
}, (t) => [uniqueIndex('applicants_event_code').on(t.eventId, t.code)]);

/** A stored plan. Each planning run adds a version; earlier versions are kept to show what changed. */
export const plans = sqliteTable('plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  createdAt: createdAt(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  options: text('options', { mode: 'json' }).notNull(),
  /** The plan JSON, exactly as `taller plan` prints it. */
  body: text('body', { mode: 'json' }).notNull(),
  scheduled: integer('scheduled').notNull(),
  scheduledWeight: integer('scheduled_weight').notNull(),
  publishedAt: text('published_at'),
}, (t) => [
  uniqueIndex('plans_event_version').on(t.eventId, t.version),
  // Which version is latest and which published, read from the index alone: published_at comes
  // after the body in each row, so reading it there walks the whole plan (megabytes at 50,000
  // applicants) on every view of a kept page.
  index('plans_event_marks').on(t.eventId, t.version, t.createdAt, t.publishedAt),
]);

/** One visit or desk step of a plan, for queries by volunteer or applicant. */
export const planItems = sqliteTable('plan_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  applicant: text('applicant'),
  station: text('station').notNull(),
  volunteer: text('volunteer'),
  interpreter: text('interpreter'),
  start: text('start').notNull(),
  end: text('end').notNull(),
}, (t) => [index('plan_items_plan_volunteer').on(t.planId, t.volunteer)]);

/**
 * People who sign in: `admin` (users, organizations, the audit log, every event),
 * `coordinator` (their organization's events) and `viewer` (the same, read only).
 */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Kept lower-case: one person, one account. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').notNull().default('coordinator'),
  organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
  /** argon2id (PHC string); none: the account cannot sign in with a password. */
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
  /** An account switched off: it cannot sign in, its sessions end and its tokens stop working. */
  disabledAt: text('disabled_at'),
});

/** Signed-in browser sessions, by the hash of the cookie's id (a leaked database opens none). */
export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  /** The session's fields as JSON (who, the form token's secret, the language). */
  data: text('data').notNull(),
  expiresAt: text('expires_at').notNull(),
  createdAt: createdAt(),
}, (t) => [index('sessions_expires').on(t.expiresAt), index('sessions_user').on(t.userId)]);

/**
 * Unguessable, revocable links: a volunteer's calendar feed, an applicant's slip, an API key.
 * Only a hash of the token is stored, so a leaked database does not leak working links.
 */
export const accessTokens = sqliteTable('access_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tokenHash: text('token_hash').notNull().unique(),
  kind: text('kind').notNull(),
  eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  /** The roster or applicant code the token opens (`V012`, `A0042`). */
  subject: text('subject'),
  /** The person's stored record the link opens: it dies with that record (removed, or replaced on re-import). */
  applicantId: integer('applicant_id').references(() => applicants.id, { onDelete: 'cascade' }),
  rosterEntryId: integer('roster_entry_id').references(() => rosterEntries.id, { onDelete: 'cascade' }),
  /** A name its maker gave it (API tokens). */
  label: text('label'),
  /** What an API token may do as its user: `read` (GET only) or `write`. */
  scope: text('scope'),
  createdAt: createdAt(),
  expiresAt: text('expires_at'),
  revokedAt: text('revoked_at'),
}, (t) => [
  index('access_tokens_event_subject').on(t.eventId, t.subject),
  // Removing or replacing a person on re-import finds their links by these, never by scanning every token.
  index('access_tokens_applicant').on(t.applicantId),
  index('access_tokens_roster_entry').on(t.rosterEntryId),
]);

/** Who viewed, exported or changed personal data, and when. Details never hold personal data. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
  detail: text('detail'),
}, (t) => [index('audit_log_event').on(t.eventId, t.at)]);

/**
 * What is left of an event's applicants once their personal data is purged: how many, by case
 * type, language and outcome. Anonymous, so reports can count served and unserved for years.
 */
export const eventCounts = sqliteTable('event_counts', {
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  caseType: text('case_type').notNull(),
  language: text('language').notNull(),
  /** `scheduled` or `unscheduled` in the published plan, or `unplanned` when none was published. */
  outcome: text('outcome').notNull(),
  count: integer('count').notNull(),
}, (t) => [uniqueIndex('event_counts_pk').on(t.eventId, t.caseType, t.language, t.outcome)]);

/** Small facts about the database itself, such as whether the demo event was loaded. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The spreadsheet mapping an organization confirmed last, per target (`volunteers` or
 * `applicants`): its column choices by header and its value codes (a SavedMapping, as JSON),
 * to pre-fill the next upload of a sheet kept the same way.
 */
export const spreadsheetMappings = sqliteTable('spreadsheet_mappings', {
  organizationId: integer('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  target: text('target').notNull(),
  mapping: text('mapping', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [uniqueIndex('spreadsheet_mappings_pk').on(t.organizationId, t.target)]);

/**
 * A spreadsheet uploaded in the browser and waiting for its coordinator to confirm it: personal
 * data, so kept only until it is saved or cancelled, or `expires_at` passes, and only for the
 * account that uploaded it (one per account, event and target; a new upload replaces it).
 */
export const spreadsheetUploads = sqliteTable('spreadsheet_uploads', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  target: text('target').notNull(),
  fileName: text('file_name').notNull(),
  /** The file as uploaded, read again at each step (with the reading options the coordinator chose). */
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  /** What the coordinator has chosen so far: reading options, columns, value codes, date order (JSON). */
  choices: text('choices', { mode: 'json' }).notNull(),
  /** How far the coordinator has come: `columns`, `values` or `preview`. */
  step: text('step').notNull(),
  createdAt: createdAt(),
  expiresAt: text('expires_at').notNull(),
}, (t) => [
  uniqueIndex('spreadsheet_uploads_owner').on(t.userId, t.eventId, t.target),
  index('spreadsheet_uploads_expires').on(t.expiresAt),
]);

/**
 * What a person said through their own link, newest last: a volunteer `cannot_come` or is `late`
 * (by `minutes_late`); an applicant is `coming` or `releases` their place. A person's latest
 * answer stands; the earlier ones stay for the coordinator to read. Personal data (the note):
 * it goes with the person's record (removed, replaced on re-import, or purged).
 */
export const responses = sqliteTable('responses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  /** Exactly one of these two: whose answer it is. */
  rosterEntryId: integer('roster_entry_id').references(() => rosterEntries.id, { onDelete: 'cascade' }),
  applicantId: integer('applicant_id').references(() => applicants.id, { onDelete: 'cascade' }),
  answer: text('answer').notNull(),
  minutesLate: integer('minutes_late'),
  /** In the person's own words, shown only to the event's coordinators. */
  note: text('note'),
  /** The link it came through (its row, never the token). */
  tokenId: integer('token_id').references(() => accessTokens.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [
  index('responses_event').on(t.eventId, t.createdAt),
  index('responses_roster_entry').on(t.rosterEntryId),
  index('responses_applicant').on(t.applicantId),
]);

/**
 * A place an applicant gave up, offered to one of the event's unscheduled applicants (the first
 * in priority order who fits it): `offered`, then `accepted` or `declined` (and then the next
 * one is offered), or `withdrawn` when the coordinator plans again.
 */
export const placeOffers = sqliteTable('place_offers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  /** The answer that released the place. */
  responseId: integer('response_id').references(() => responses.id, { onDelete: 'set null' }),
  /** Who gave it up and who is offered it (their codes stay in the plan version it was cut from). */
  releasedBy: integer('released_by').references(() => applicants.id, { onDelete: 'set null' }),
  offeredTo: integer('offered_to').references(() => applicants.id, { onDelete: 'cascade' }),
  /** The plan version whose place it is. */
  planVersion: integer('plan_version').notNull(),
  status: text('status').notNull(),
  createdAt: createdAt(),
  answeredAt: text('answered_at'),
}, (t) => [index('place_offers_event').on(t.eventId, t.status)]);

/**
 * People waiting for a later workshop: turned away at an event (`from_event_id`), or registered
 * for no workshop (none). Personal data: a row that is no longer waiting goes when the event it
 * came from, or the one it was moved to, is purged.
 */
export const waitlist = sqliteTable('waitlist', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Whose accounts see the person: the organization of the event they came from, or of the account that registered them. */
  organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  languages: text('languages', { mode: 'json' }).notNull().$type<string[]>(),
  caseType: text('case_type').notNull(),
  complexity: text('complexity').notNull(),
  county: text('county'),
  deadline: text('deadline'),
  /** The event they were turned away at and their applicant code there; none: a registration for no workshop. */
  fromEventId: integer('from_event_id').references(() => events.id, { onDelete: 'set null' }),
  fromCode: text('from_code'),
  /** `unscheduled`, `released`, `not_finished` or `registration`. */
  reason: text('reason').notNull(),
  /** When they were put on the list: the longer they wait, the sooner they are offered a place. */
  since: text('since').notNull(),
  /** `waiting`, `moved` (to `moved_to_event_id`, as `moved_code`) or `removed`. */
  state: text('state').notNull().default('waiting'),
  movedToEventId: integer('moved_to_event_id').references(() => events.id, { onDelete: 'set null' }),
  movedCode: text('moved_code'),
  addedBy: integer('added_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [
  uniqueIndex('waitlist_from').on(t.fromEventId, t.fromCode),
  index('waitlist_state').on(t.state, t.organizationId),
]);

/**
 * What a purge keeps of a workshop's volunteer hours: each roster line's minutes of visits in the
 * published plan (as the one who serves and as interpreter), with the person across workshops
 * and the organization their line named. No applicant, no time of day: the season report's hours
 * by organization still count the workshop once its plans' visits are gone.
 */
export const eventHours = sqliteTable('event_hours', {
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  volunteerId: integer('volunteer_id').references(() => volunteers.id, { onDelete: 'set null' }),
  org: text('org'),
  minutes: integer('minutes').notNull(),
}, (t) => [uniqueIndex('event_hours_pk').on(t.eventId, t.code)]);
