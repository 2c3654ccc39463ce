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

  /** Plan versions: the list, comparing two, publishing one, and printing the papers. */
  versions: {
    title: 'Plan versions',
    back: 'Back to {name}',
    link: 'Plan versions: compare, publish, print',
    printLink: 'Print sheets and slips',
    /** The banner on the event page and atop the versions pages. */
    banner: {
      published: '<strong>Published: version {version}</strong>, on {when}. Slips, personal links, station sheets and calendars follow it.',
      none: '<strong>Nothing is published yet.</strong> Slips and sheets say “draft” until a version is published.',
    },
    zone: 'Times are the site’s clock ({zone}).',
    caption: { one: '{count} version, newest first', other: '{count} versions, newest first' },
    version: 'Version',
    madeBy: 'Made by',
    made: 'Made',
    scheduled: 'Scheduled',
    status: 'Status',
    actions: 'Actions',
    versionNumber: 'Version {version}',
    state: {
      published: 'Published',
      draft: 'Draft',
      superseded: 'Published before',
      earlier: 'Earlier draft',
    },
    publishedOn: 'published {when}',
    maker: {
      cli: 'the command line',
      demo: 'the sample set-up',
      unknown: 'not known',
      token: '{name} (API token)',
    },
    publishAction: 'Publish…',
    printAction: 'Print',
    none: 'No plan yet. Plan it with <code>npx taller plan --event {id}</code>; each run is stored as a new version.',
    justPublished: 'Version {version} is published: slips, personal links, sheets and calendars now follow it.',
    compare: {
      heading: 'Compare two versions',
      from: 'From version',
      to: 'To version',
      submit: 'Compare',
      title: 'Version {to} against version {from}',
      lead: 'What changes for whom going from version {from} to version {to}.',
      same: 'Pick two different versions to compare.',
      summary: {
        moved: { one: '{count} applicant moves', other: '{count} applicants move' },
        added: { one: '{count} is added', other: '{count} are added' },
        removed: { one: '{count} is dropped', other: '{count} are dropped' },
      },
      nothing: 'No applicant’s day differs between these two versions.',
      moved: 'Who moves',
      movedCaption: 'Applicants whose time or volunteers change',
      added: 'Who is added',
      addedCaption: 'Applicants version {to} schedules and version {from} did not',
      removed: 'Who is dropped',
      removedCaption: 'Applicants version {from} scheduled and version {to} does not',
      applicant: 'Applicant',
      before: 'Before (version {version})',
      after: 'After (version {version})',
      arrives: 'Arrives',
      wasToArrive: 'Was to arrive',
      volunteers: 'Volunteers',
      atWith: '{time} with {volunteers}',
      sameTime: 'same time, other volunteers',
      withInterpreter: '{volunteer} with interpreter {interpreter}',
      tell: 'Whom to tell',
      tellApplicants: { one: '{count} applicant whose slip changes:', other: '{count} applicants whose slip changes:' },
      tellVolunteers: { one: '{count} volunteer whose day changes:', other: '{count} volunteers whose day changes:' },
      tellNobody: 'Nobody needs telling: no slip and no volunteer’s day changes.',
      publishTo: 'Publish version {version}…',
    },
    publish: {
      title: 'Publish version {version}?',
      against: 'Against version {published}, which people hold now, publishing version {version} changes the day of:',
      applicants: { one: '{count} applicant (a new slip)', other: '{count} applicants (a new slip each)' },
      volunteers: { one: '{count} volunteer', other: '{count} volunteers' },
      first: 'No version is published yet: publishing version {version} gives people their day for the first time:',
      firstApplicants: { one: '{count} applicant scheduled', other: '{count} applicants scheduled' },
      firstVolunteers: { one: '{count} volunteer with something to do', other: '{count} volunteers with something to do' },
      after: 'From then on slips, personal links, station sheets and volunteers’ calendars follow it, and every re-plan keeps its arrival times.',
      already: 'Version {version} is published already: people hold it, and there is nothing to publish.',
      seeWho: 'See who, by name and time',
      confirm: 'Publish version {version}',
      cancel: 'Back to the versions',
    },
    print: {
      title: 'Print sheets and slips',
      lead: 'Each opens in this tab as a page to print with your browser (Ctrl+P, or ⌘P on a Mac), on Letter or A4. Every print is on the audit log: the papers carry names.',
      which: 'Version to print',
      published: 'Version {version}, published',
      draft: 'Version {version}, draft (every page marked DRAFT)',
      sheets: 'Station sheets',
      layout: 'Layout',
      compact: 'Compact: one table per station, several volunteers to a page',
      full: 'Full: a sheet for each volunteer, desk and interpreter, with lines for notes',
      openSheets: 'Open the station sheets',
      slips: 'Appointment slips',
      language: 'Slips in',
      everyLanguage: 'every language',
      applicant: 'One applicant only',
      applicantHint: '(their code, such as A0042; leave it empty for all)',
      perPage: 'Slips to a page',
      perPageOption: { one: '{count} to a page', other: '{count} to a page' },
      openSlips: 'Open the slips',
      noPlan: 'There is nothing to print yet: the event has no plan.',
      noVersion: 'There is no version {version} of this plan.',
      noSlip: 'Applicant {applicant} has no slip in version {version}: not on the applicant list, or not scheduled.',
      purged: 'The applicants’ personal data was removed on {date}: there is nothing left to print.',
      refused: 'Nothing to print',
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
