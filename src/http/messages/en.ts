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

  errors: {
    notFoundTitle: 'Not found',
    notFound: 'There is nothing at {method} {path}',
    errorTitle: 'Error',
    error: 'Something went wrong',
    errorText: 'Something went wrong on our side. Nothing was changed; please try again.',
    back: 'Back to the events',
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

  workspace: {
    title: 'Plan workspace',
    eventLink: 'Plan workspace: plan from this page, and see the day as people live it',
    noPlan: 'No plan yet: plan the day with the form above.',
    purged: 'The applicants of this event were purged: there is no one left to plan.',
    views: {
      label: 'Views of the plan',
      timeline: 'Timeline',
      stations: 'Stations',
      unscheduled: 'Not scheduled',
      wall: 'For the wall (codes only)',
    },
    versions: {
      label: 'Versions',
      item: 'Version {version} ({status})',
      shown: 'version {version} ({status})',
      published: 'published',
      draft: 'draft',
      earlier: 'earlier',
    },
    lookup: { label: "An applicant's day, by code", button: 'Show' },
    run: {
      heading: 'Plan the day',
      running: 'Planning…',
      since: 'since {since}.',
      elapsedLabel: 'Working for',
      options: 'Options: {options}.',
      leave: 'You may leave this page: the plan goes on, and this page shows it when you come back.',
      refreshHint: 'This page refreshes itself every {seconds} seconds.',
      refresh: 'Refresh now',
      planned: 'Version {version} is stored: <strong>{scheduled} of {applicants}</strong> applicants scheduled (started at {since}, {seconds} s).',
      failed: 'The plan did not finish.',
      refused: 'The plan was not made.',
      gone: 'There is no such event any more.',
      needsConfirm: {
        one: 'A fresh plan would move or drop {count} applicant of published version {published}, who already holds a time. It was not stored: confirm below to store it anyway.',
        other: 'A fresh plan would move or drop {count} applicants of published version {published}, who already hold a time. It was not stored: confirm below to store it anyway.',
      },
      finish: 'finish by closing on {percent} of days',
      release: 'released: {codes}',
      confirmed: 'confirmed',
    },
    form: {
      how: 'How to plan',
      replan: 're-plan',
      fresh: 'fresh plan',
      quick: 'quick',
      replanHint: 'Re-plan: keep every day that still works and every published arrival',
      freshHint: 'Fresh plan: start from scratch (moving published people needs your confirmation)',
      quickHint: 'Quick plan: a first plan in seconds, with little search',
      fairnessLabel: 'Fairness between language groups',
      fairness: {
        none: 'none: serve whoever fits',
        proportional: 'proportional: each language group in proportion to its demand',
      },
      selectionLabel: 'Whom a full day serves',
      finishLabel: 'Finishing on time',
      finishHint: '(the chance that everyone who came finishes by closing)',
      eventDefault: "the event's own: {percent}",
      packed: 'pack the day (0%)',
      releaseLabel: 'Release published applicants',
      releaseHint: '(codes such as A0012, separated by commas: they may get another time)',
      advanced: 'More options',
      seedLabel: 'Seed',
      seedHint: "(the lottery's seed: the same seed gives the same plan)",
      iterationsLabel: 'Search iterations',
      iterationsHint: '(more may find a better plan, and take longer)',
      confirmLabel: {
        one: 'Yes, move or drop that {count} published applicant: I will tell them.',
        other: 'Yes, move or drop those {count} published applicants: I will tell them.',
      },
      submit: 'Plan',
      again: 'Plan again…',
      readOnly: 'Your account may read the plan, not make one: ask a coordinator to plan.',
      problemsHeading: { one: 'Please fix {count} thing', other: 'Please fix {count} things' },
      problems: {
        finishProbability: 'Choose a chance of finishing on time between 0% and 99%.',
        seed: 'The seed is a whole number.',
        iterations: 'The search iterations are a whole number, at most what this event allows.',
        release: 'Release only codes of applicants of this event, separated by commas.',
        choice: 'Choose one of the options offered.',
      },
    },
    timeline: {
      heading: 'Timeline of version {version}',
      lead: '{scheduled} of {applicants} applicants scheduled, {visits} visits. Each row is a volunteer or a desk; each box a visit, by applicant code.',
      printWall: 'Print it for the wall, with codes only.',
      wholeDay: 'The day, {from}–{to}',
      firstHalf: 'First half of the day, {from}–{to}',
      secondHalf: 'Second half of the day, {from}–{to}',
      who: 'Volunteer or desk',
      groupShare: '{share} of time booked',
      bottleneckLabel: 'Bottleneck:',
      bottleneck: '{station} is the busiest, {share} of its time booked.',
      busiest: 'Busiest volunteer: {who}, {share}.',
      bottleneckFlag: 'bottleneck',
      busiestFlag: 'busiest',
      deskCount: { one: '{count} desk', other: '{count} desks' },
      deskSteps: { one: '{count} step at the {desk} desk', other: '{count} steps at the {desk} desk' },
      unstaffed: { one: 'nobody on shift, {count} step planned', other: 'nobody on shift, {count} steps planned' },
      unstaffedShort: { one: 'unstaffed: {count}', other: 'unstaffed: {count}' },
      withInterpreter: 'with interpreter {who}',
      interpretingFor: 'interpreting for {who}',
      legend: 'Key:',
      legendInterpreted: 'with an interpreter',
      legendInterpreting: 'interpreting',
      legendUnstaffed: 'nobody on shift at the desk',
      mark: { check_in: 'C', screening: 'S', preparation: 'P', review: 'R', final_check: 'F' },
      desk: { check_in: 'Check-in', final_check: 'Final check' },
    },
    groups: { interpreters: 'Interpreters', desks: 'Desks and greeters', unbooked: 'Not booked' },
    stations: {
      choose: 'Stations',
      all: 'All stations',
      count: { one: '({count} step)', other: '({count} steps)' },
      volunteer: 'Volunteer',
      interpreter: 'Interpreter',
      onShift: 'On shift',
      unstaffed: 'Nobody on shift',
      none: 'Nothing is planned here.',
    },
    itinerary: {
      title: 'The day of {code}',
      languages: 'Languages',
      caseType: 'Case type',
      stay: 'Arrives at {arrival}, leaves about {leaves} ({minutes} minutes).',
      interpreter: 'interpreter {who}',
      wait: 'waits {minutes} min',
      notScheduled: 'Not scheduled:',
      notPlanned: 'Not in this version: added since it was made.',
    },
    unscheduled: {
      lead: { one: '{count} applicant is not scheduled.', other: '{count} applicants are not scheduled.' },
      none: 'Everyone is scheduled.',
      simulating: 'Taller is still simulating the day to find whom to add: until then each line gives advice for its reason. This page fills in by itself.',
      wouldHelp: 'What would help:',
      whatIf: 'simulated;',
      reaches: { one: 'for {count} applicant here', other: 'for {count} applicants here' },
      why: 'Why',
      help: 'What would help',
      or: ' or ',
      advice: {
        invalid: 'ask whether they can stay longer: their hours are shorter than the visits take',
        no_language_match: 'someone who speaks {languages}: a volunteer, or an interpreter',
        no_eligible_reviewer: 'an attorney (or a fully accredited representative) who may review {caseType}',
        no_competent_volunteer: 'a volunteer who handles {caseType} and speaks {languages}',
        outside_hours: 'ask whether they can come during the workshop hours',
        no_capacity: 'more volunteers, or a longer day',
      },
    },
    wall: {
      title: 'Timeline for the wall',
      back: 'Back to the plan workspace',
      draft: 'DRAFT',
      hint: 'Codes only, no names: print it in landscape or portrait, on Letter or A4; each half of the day starts a page.',
    },
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
