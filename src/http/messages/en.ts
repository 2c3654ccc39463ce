/**
 * The web pages' English messages. `es.ts` has the same keys (its type says so); `src/http/i18n.ts`
 * says how messages are read: `{name}` placeholders, plurals as `{ one, other }` picked by
 * `{count}`. Messages the templates show through `{{t}}` are HTML and may hold inline markup;
 * those the view models use are plain text. People's, events' and sites' names are data: they
 * come in as placeholders and are never translated.
 */
import { ROLE_NAMES } from '../../domain/index.js';
import { REASON_NAMES } from '../../planner/reasons.js';

export const en = {
  language: {
    /** This language's name, written in it: the switch offers it so. */
    name: 'English',
  },

  layout: {
    skip: 'Skip to content',
    tagline: 'plans for immigration legal clinics',
    switchLabel: 'Language',
    accountLabel: 'Account',
    events: 'Events',
    people: 'People',
    audit: 'Audit log',
    signOut: 'Sign out',
    footer: "Taller keeps applicants' data on this server only. Free legal help: notarios are not lawyers.",
  },

  /** What every form says of its problems. */
  forms: {
    fix: { one: 'Please fix {count} thing', other: 'Please fix {count} things' },
    atLeast: '(at least {count} characters)',
  },

  signIn: {
    title: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    note: 'Accounts are for coordinators and the people who help run workshops. Volunteers and applicants open the link they were sent: it needs no account.',
    failed: 'That e-mail address and password do not match an account that may sign in.',
    tooMany: {
      one: 'Too many sign-in attempts from this address. Try again in {count} second.',
      other: 'Too many sign-in attempts from this address. Try again in {count} seconds.',
    },
  },

  setup: {
    title: 'Set up Taller',
    intro: 'Nobody has an account yet. Make the first one: it is an admin, who adds everyone else.',
    name: 'Your name',
    email: 'E-mail address',
    organization: 'Organization',
    organizationHint: '(optional: the one you coordinate for)',
    password: 'Password',
    confirm: 'The same password again',
    submit: 'Make the admin account',
    note: 'At a terminal, <code>npx taller user add --email EMAIL --name NAME --role admin</code> does the same.',
  },

  account: {
    title: 'Your account',
    who: '{name} · {email} · {role}',
    whoOf: '{name} · {email} · {role} of {organization}',
    /** An account's role, as the account and people pages name it. */
    roles: { admin: 'admin', coordinator: 'coordinator', viewer: 'viewer' },
    tokens: {
      heading: 'API tokens',
      intro: 'A token lets a script act as you through the JSON API (<code>Authorization: Bearer …</code>): name it after what uses it, and revoke it when that stops.',
      made: 'Your new token “{name}”. Copy it now: it is shown only this once.',
      token: 'Token',
      caption: 'Your tokens',
      name: 'Name',
      may: 'May',
      madeAt: 'Made',
      state: 'State',
      action: 'Action',
      noName: '(no name)',
      scopes: { read: 'read', write: 'write' },
      working: 'working',
      revoked: 'revoked {date}',
      revoke: 'Revoke',
      none: 'You have no tokens.',
      newName: 'Name of a new token',
      mayLegend: 'It may',
      read: 'read',
      readWrite: 'read and change',
      submit: 'Make the token',
      notRevoked: 'No such working token of yours: nothing was revoked.',
    },
    password: {
      heading: 'Password',
      current: 'Current password',
      new: 'New password',
      confirm: 'The new password again',
      submit: 'Change the password',
      changed: 'Your password is changed. Every other place you were signed in is signed out.',
    },
    /** A form field's problem by its code (src/services/users.ts, and the account and admin pages' own). */
    problems: {
      email_invalid: 'Write an e-mail address, like name@example.org.',
      email_taken: 'An account with this e-mail address exists already.',
      name_missing: 'Write the person’s name.',
      role_unknown: 'Choose admin, coordinator or viewer.',
      organization_missing: 'Coordinators and viewers act for an organization: write its name.',
      password_short: 'Use at least {count} characters: a few words you will remember work well.',
      passwords_differ: 'The two passwords differ: write the same one twice.',
      new_passwords_differ: 'The two new passwords differ: write the same one twice.',
      password_wrong: 'This is not your current password.',
      token_name_missing: 'Name the token after what will use it, like “mail merge script”.',
      scope_unknown: 'Choose read or write.',
      scope_viewer: 'A viewer’s tokens can only read.',
      no_account: 'There is no such account.',
      own_account: 'You cannot switch off your own account or take away your own admin role: ask another admin.',
    },
  },

  admin: {
    users: {
      title: 'People',
      caption: { one: '{count} account', other: '{count} accounts' },
      name: 'Name',
      email: 'E-mail',
      organization: 'Organization',
      role: 'Role',
      state: 'State',
      you: '(you)',
      roleOf: 'Role of {name}',
      change: 'Change',
      changeWhat: 'the role of {name}',
      switchedOff: 'switched off',
      active: 'active',
      switchOn: 'Switch on',
      switchOff: 'Switch off',
      add: 'Add someone',
      emailAddress: 'E-mail address',
      roleChoices: {
        coordinator: "coordinator: runs their organization's events",
        viewer: "viewer: reads their organization's events",
        admin: 'admin: everything, people and the audit log',
      },
      firstPassword: 'A first password',
      firstPasswordHint: '(at least {count} characters; they change it)',
      submit: 'Add the account',
      added: '{name} can sign in now with the password you chose: tell them to change it on their account page.',
    },
    audit: {
      title: 'Audit log',
      intro: 'Who saw, exported or changed personal data, signed in or failed to, and made or revoked links and tokens. It names accounts and tokens by number, never a password, a token or an applicant.',
      who: 'Who',
      whoHint: '(user:3, token:12, anonymous, cli)',
      what: 'What',
      whatHint: '(starts with: user, token, plan…)',
      eventId: 'Event id',
      from: 'From',
      to: 'To',
      show: 'Show',
      all: 'All',
      caption: { one: '{count} entry, newest first', other: '{count} entries, newest first' },
      capped: '(the newest 500: narrow the filter to see older ones)',
      when: 'When (UTC)',
      event: 'Event',
      detail: 'Detail',
    },
  },

  errors: {
    notFoundTitle: 'Not found',
    notFound: 'There is nothing at {method} {path}',
    errorTitle: 'Error',
    error: 'Something went wrong',
    errorText: 'Something went wrong on our side. Nothing was changed; please try again.',
    back: 'Back to the events',
    notDone: 'Not done',
    notAllowed: 'Not allowed',
    tooManyTitle: 'Too many requests',
    tooMany: {
      one: 'Too many requests from this address; try again in {count} second.',
      other: 'Too many requests from this address; try again in {count} seconds.',
    },
    formExpired: 'This form has expired, or was not sent from this site. Go back, reload the page and send it again. Nothing was changed.',
    badForm: '{detail}. Go back and check the form. Nothing was changed.',
    tooLarge: 'What was sent is larger than Taller takes. Nothing was changed.',
    refused: 'Taller did not do this ({status}). Nothing was changed.',
    adminOnly: 'Only an admin may do this.',
    readOnly: 'Your account may read, not change: ask a coordinator or an admin.',
    tokenReadOnly: 'This API token may only read: make one with the write scope to change anything.',
    eventNotFound: 'Event {id} not found',
  },

  home: {
    title: 'Workshops',
    caption: { one: '{count} workshop, soonest first', other: '{count} workshops, soonest first' },
    date: 'Date',
    workshop: 'Workshop',
    hours: 'Hours',
    site: 'Site',
    volunteers: 'Volunteers',
    applicants: 'Applicants',
    empty: 'No workshops yet. Import a bundle with <code>npx taller import DIR</code>, or download a\n'
      + '<a href="/static/samples/fresno-saturday/event.json">sample event.json</a>,\n'
      + '<a href="/static/samples/fresno-saturday/volunteers.csv">volunteers.csv</a> and\n'
      + '<a href="/static/samples/fresno-saturday/applicants.csv">applicants.csv</a> to see the format.',
    samples: 'Bundle samples',
  },

  /** The sample bundles the home page offers, by folder. */
  samples: {
    'fresno-saturday': 'DACA & Citizenship Saturday, Fresno (40 applicants)',
    'mixteco-farmworker-clinic': 'Farmworker clinic with Mixteco and Triqui speakers, Madera (120 applicants)',
    'central-valley-citizenship-day': 'Citizenship Day, Merced (250 applicants)',
  },

  event: {
    crumbs: 'All workshops',
    when: 'When',
    where: 'Where',
    hosts: 'Hosted by',
    desks: 'Desks',
    dateAndHours: '{date}, {hours}',
    siteToBeAnnounced: 'Site to be announced',
    deskCounts: '{checkIn} check-in, {finalCheck} final check',
    roster: {
      heading: 'Volunteers: {count}',
      caption: 'Volunteers by role',
      role: 'Role',
      people: 'People',
      languages: 'Languages',
    },
    demand: {
      heading: 'Applicants: {count}',
      byCaseType: 'By case type',
      caseType: 'Case type',
      applicants: 'Applicants',
      byLanguage: 'By preferred language',
      language: 'Language',
      speakers: 'Volunteers who speak it',
      needInterpreter: 'Need an interpreter',
      languageLabel: '{name} ({code})',
    },
  },

  purged: {
    heading: 'Personal data removed',
    removed: "The applicants' personal data and every per-person part of the plans were removed on {date}.",
    kept: 'The counts above are what was kept: {outcomes}.',
    outcomes: {
      scheduled: { one: '{count} scheduled in the published plan', other: '{count} scheduled in the published plan' },
      unscheduled: { one: '{count} left out of it', other: '{count} left out of it' },
      unplanned: { one: '{count} counted before any plan was published', other: '{count} counted before any plan was published' },
    },
    separator: '; ',
  },

  plan: {
    heading: 'Plan',
    lead: '<strong>{scheduled} of {applicants}</strong> applicants scheduled (priority weight {weight})',
    interpreted: { one: '{count} interpreted visit', other: '{count} interpreted visits' },
    meanMinutes: '{minutes} minutes in the clinic on average',
    version: 'Version {version}.',
    versionPublished: 'Version {version}, published.',
    none: "No plan yet. Plan it with <code>npx taller plan --event {id}</code> (it is stored as the event's first version)\n"
      + '    or <code>POST /api/events/{id}/plan</code>.',
    selection: {
      heading: 'Whom the day serves',
      summary: 'Share served by group, against {other}',
      caption: 'Share of each group served',
      group: 'Group',
      applicants: 'Applicants',
      mine: 'This plan ({mine})',
    },
    notScheduled: 'Not scheduled',
    reasonCount: '{label}: {count}',
    days: "Each volunteer's day",
    coordinatorsOnly: "Who comes when, and each volunteer's day, are shown to the event's coordinators only.",
    gone: '(their visits need a re-plan)',
    time: 'Time',
    station: 'Station',
    applicant: 'Applicant',
    note: 'Note',
    withInterpreter: 'with interpreter {id}',
    interpretingFor: 'interpreting for {id}',
    shift: 'shift',
    offRoster: 'no longer on the roster',
    desk: { check_in: 'Check-in desk', final_check: 'Final check desk' },
  },

  status: {
    draftHeld: '<strong>Draft.</strong> Version {version} is not published: slips, links, sheets and calendars\n'
      + '      still follow version {published}, which people hold.\n      Publish it with <code>{command}</code>.',
    draftNone: '<strong>Draft.</strong> Version {version} is not published: slips, links, sheets and calendars\n'
      + '      say “draft” until a version is published.\n      Publish it with <code>{command}</code>.',
    whomToTell: 'Against version {version}, whom to tell:',
    nobodyChanges: 'Against version {version}, no applicant moves, is dropped or is added.',
    was: '(was {time})',
    now: '(now {time})',
    change: { moved: 'moves', removed: 'is dropped', added: 'is added' },
    volunteersToTell: 'Volunteers whose day changes:',
    outOfDate: '<strong>Out of date.</strong> The roster or the applicants changed since version {version} was made; it no longer fits them.',
    outOfDateProblems: '<strong>Out of date.</strong> The roster or the applicants changed since version {version} was made; it no longer fits them:',
    problemWho: '{problem}: the day of {who}',
    moreProblems: 'and {count} more',
    replan: 'A re-plan repairs only what broke and keeps every published arrival: <code>{command}</code>.',
    unstaffed: 'Desks nobody staffs.',
    unstaffedDesk: {
      check_in: {
        one: 'Nobody is on shift at the check-in desk {from}–{to}, when {count} check-in is planned',
        other: 'Nobody is on shift at the check-in desk {from}–{to}, when {count} check-ins are planned',
      },
      final_check: {
        one: 'Nobody is on shift at the final-check desk {from}–{to}, when {count} final check is planned',
        other: 'Nobody is on shift at the final-check desk {from}–{to}, when {count} final checks are planned',
      },
    },
  },

  selection: {
    fair: 'fair selection (lottery order)',
    most: 'the “serve the most” choice',
    uses: 'This plan uses {mine} and serves {scheduled}.',
    would: '{other} would serve {difference}.',
    wouldReaching: '{other} would serve {difference}, reaching {theirs} (this plan: {ours}).',
    more: '{count} more',
    fewer: '{count} fewer',
    asMany: 'as many',
    share: { moderate: '{share} of moderate cases', complex: '{share} of complex cases' },
    groups: { complexity: 'Complexity', interpreter: 'Interpreter', caseType: 'Case type', language: 'Language' },
    interpreter: { needed: 'needs one', not_needed: 'does not' },
  },

  complexity: { straightforward: 'straightforward', moderate: 'moderate', complex: 'complex' },

  estimate: {
    heading: 'How the day will go',
    lead: 'Over {runs} simulated days with no-shows, walk-ins and visits that run long or short,\n'
      + '    the plan serves <strong>{mean}</strong> people on average (between {p10} and {p90}\n'
      + '    on 8 days of 10). The roster could serve at most {capacity}.\n'
      + '    Everyone scheduled finishes by closing on {finish}% of days.\n'
      + '    Where it jams: <strong>{bottleneck}</strong>.',
    servedCaption: 'People served: the band holds 8 simulated days of 10, the line a typical day.',
    utilizationCaption: "How busy each station's volunteers are.",
    queueCaption: 'People waiting in line at each station through the day, on an average simulated day.',
    finishing: 'Finishing on time',
    tradeoffCaption: 'For each time kept free before closing: people served on an average simulated day, and the share of days everyone who came finishes by closing.',
    whomToAdd: 'Whom to add',
    room: 'What to change in the room',
    gainLine: '{change}: {gain}',
    /** "one more Spanish-speaking attorney"; {languages} joined by "and". */
    oneMore: 'one more {languages}-speaking {role}',
    oneMoreInterpreter: 'one more {languages} interpreter',
    languagesAnd: ' and ',
    languagesPair: '–',
    role: {
      attorney: 'attorney', accredited_rep: 'accredited representative', law_student: 'law student', paralegal: 'paralegal',
      form_filler: 'form filler', screener: 'screener', interpreter: 'interpreter', general: 'greeter',
    },
    floor: {
      stations: 'a station floor, applicants walking from table to table',
      seated: 'a seated floor: the team comes to the seated applicant and the reviewer closes out the packet, with no final-check desk',
      fast_lane: 'a fast lane for forms filled online before the day',
    },
    desk: { check_in: 'one more check-in desk', final_check: 'one more final-check desk' },
    gain: { one: 'about {count} more person served', other: 'about {count} more people served' },
    noGain: 'no clear gain in people served',
    registration: {
      fits: 'The day fits {fits} appointments.',
      atLeast: 'at least {count}',
      advice: 'With about {noShows} no-shows and {walkIns} walk-ins expected, register about {recommended}; {verdict}.',
      over: '{count} more than that are registered: some will be turned away',
      under: '{count} more could still register',
      exact: 'that is how many are registered',
    },
    tradeoff: {
      packed: 'Packed, the day finishes everyone by closing on {finish}% of days.',
      keeping: 'Keeping {minutes} minutes free before closing finishes on {finish}% of days and {cost}.',
      fewer: 'serves about {count} fewer people',
      more: 'serves about {count} more people',
      same: 'serves as many people',
    },
    chart: {
      bottleneck: ' — bottleneck',
      utilizationTitle: 'How busy each station is, in share of its staffed time',
      typicalDay: 'typical day: {count}',
      scheduled: 'scheduled: {count}',
      servedTitle: 'People served on 8 of 10 simulated days: between {p10} and {p90}; typically {p50}; {scheduled} scheduled',
      /** {summary} is a sentence: a period is added unless it ends with one ("9:30 a.m."). */
      queueTitle: 'People waiting at each station through the day. {summary}',
      longestQueue: 'Longest queue: {station}, about {count} people waiting around {time}',
      nobodyWaits: 'Nobody waits in line',
      packed: 'packed',
      aim: 'aim {percent}%',
      minutesFree: '{minutes} min free',
      served: '{count} served',
      onTime: '{percent}% of days on time',
      tradeoffTitle: 'People served and days finished by closing, for each time kept free before closing',
    },
  },

  /** Volunteers by role, as the roster table heads each row. */
  roles: {
    attorney: 'Attorneys',
    accredited_rep: 'DOJ-accredited representatives',
    law_student: 'Law students',
    paralegal: 'Paralegals',
    form_filler: 'Form fillers',
    screener: 'Screeners',
    interpreter: 'Interpreters',
    general: 'Greeters and organizers',
  },

  /** One volunteer's role, as a volunteer's day is captioned. */
  role: { ...ROLE_NAMES },

  stations: {
    check_in: 'Check-in',
    screening: 'Screening',
    preparation: 'Preparation',
    review: 'Review',
    final_check: 'Final check',
  },

  /** Why applicants are not scheduled, as headings a coordinator can act on at the door. */
  reasons: { ...REASON_NAMES },

  /** The default case types (src/domain/catalog.ts); a case type of an event's own reads as its code. */
  caseTypes: {
    daca_renewal: 'DACA renewal',
    daca_initial: 'DACA initial request',
    n400: 'Naturalization (N-400)',
    labor_deferred_action: 'Labor-based deferred action',
    tps: 'Temporary Protected Status (TPS)',
    ead_renewal: 'Work permit renewal (EAD)',
    advance_parole: 'Advance parole',
    i90: 'Green card renewal (I-90)',
    family_petition: 'Family petition',
    consultation: 'Legal consultation',
  },
} as const;

/** Widens a catalog's literal strings: another language's catalog must have every key, each a message of its own. */
type Widen<T> = T extends string ? string
  : T extends { readonly one: string; readonly other: string } ? { readonly one: string; readonly other: string }
  : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape of every catalog: the English keys, every message a string or a plural. */
export type Messages = Widen<typeof en>;
