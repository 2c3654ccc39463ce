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

  /** A volunteer's own page, opened by their personal link: their day, their calendar, their answer. */
  volunteerPage: {
    title: 'Your day at {event}',
    who: 'For {name} ({code}), {role}',
    when: 'When',
    where: 'Where',
    siteToBeAnnounced: 'The site is to be announced',
    day: 'Your day',
    caption: 'Your visits and desk shifts, on the site’s clock ({zone})',
    time: 'Time',
    station: 'Station',
    applicant: 'Applicant',
    notes: 'Notes',
    withInterpreter: 'with interpreter {id}',
    interpretingFor: 'you interpret for {id}',
    shift: 'desk shift',
    codesOnly: 'Applicants appear by their code only; their names are on the station sheets at the site.',
    notPlanned: 'Not yet planned: your coordinator has not published the day yet. This link stays the same: come back to it later.',
    nothingForYou: 'The published plan gives you no visit or desk shift. Your coordinator will tell you if they need you.',
    calendar: 'Add to your calendar',
    subscribe: 'Subscribe to your calendar',
    download: 'Download the calendar file (.ics)',
    calendarHint: 'A subscribed calendar follows changes to your day by itself; a downloaded file is your day as it is now.',
    answerHeading: 'Can’t come, or running late?',
    answerLead: 'Tell your coordinator here: they see your answer at once.',
    answerLegend: 'Your answer',
    cannotCome: 'I can’t come',
    late: 'I’ll be late',
    minutes: 'How many minutes late',
    note: 'A note for your coordinator (optional)',
    send: 'Send',
    sent: 'Thank you. Your coordinator sees your answer now.',
    latest: 'Your last answer, {when}: {answer}.',
    yourNote: 'Your note: {note}',
    answers: {
      cannot_come: 'you can’t come',
      late: { one: 'you’ll be {count} minute late', other: 'you’ll be {count} minutes late' },
    },
    problems: {
      heading: 'Nothing was sent yet',
      answer: 'Choose “I can’t come” or “I’ll be late”.',
      minutes: 'Write how many minutes late you will be: a whole number from 1 to 600.',
      note: 'Keep the note to 500 characters or fewer.',
    },
    gone: 'This link does not work',
    goneText: 'It may have expired or been replaced by a newer one. Please ask your coordinator for a new link.',
  },

  /** Coordinators' page of personal links: make one for a person, or export them all. */
  links: {
    open: 'Personal links for volunteers and applicants',
    title: 'Personal links: {event}',
    crumbs: 'Back to the event',
    lead: 'Each person gets a link of their own and needs no account. A volunteer’s link opens their day, their calendar and a form to say they can’t come or will be late; an applicant’s opens their own page. A link is shown once, when it is made: copy it then. A new link stops the person’s earlier one.',
    volunteers: 'Volunteers: {count}',
    applicants: 'Applicants: {count}',
    code: 'Code',
    name: 'Name',
    role: 'Role',
    language: 'Language',
    link: 'Link',
    live: 'works until {date}',
    liveForever: 'works',
    noLink: 'none',
    make: 'Make link',
    replace: 'Replace link',
    forWhom: 'for {code}',
    readOnly: 'Your account may read this list; a coordinator or an admin makes the links.',
    made: 'New link for {code}',
    madeLead: 'Copy this link now and send it to the person it is for: it is not shown again.',
    url: 'Link',
    expires: 'It works until {date}.',
    replaced: { one: 'The earlier link stopped working.', other: 'The {count} earlier links stopped working.' },
    back: 'Back to the links',
    exportHeading: 'Export every link',
    exportLead: 'A CSV file for your own mail merge, one row per person: kind, code, name, language, e-mail, phone, link and when it expires. It holds working links: keep it safe, and delete it once the messages are sent.',
    exportLegend: 'Whom to make links for',
    exportAll: 'Everyone, with new links (every earlier link stops working)',
    exportMissing: 'Only those without a working link',
    exportButton: 'Export the CSV file',
    notMade: 'No link was made',
    needsPublicUrl: 'Links need PUBLIC_URL: this server listens beyond this machine, so set PUBLIC_URL to the address people open it at (such as https://taller.example.org) and restart it.',
    notFound: 'There is no {kind} {code} in this event.',
    kinds: { volunteer: 'volunteer', applicant: 'applicant' },
  },

  /** Coordinators' overview of what people answered through their links, and the places offered on. */
  overview: {
    open: 'Answers and place offers',
    title: 'Answers: {event}',
    crumbs: 'Back to the event',
    counts: 'Who has answered',
    group: 'People',
    confirmed: 'Confirmed',
    declined: 'Declined',
    unanswered: 'Not answered',
    applicants: 'Applicants',
    volunteers: 'Volunteers',
    lateNote: 'A volunteer who will be late counts as confirmed (late); volunteers have no other way to confirm.',
    latest: 'Latest answers',
    noAnswers: 'Nobody has answered yet.',
    when: 'When',
    who: 'Who',
    answer: 'Answer',
    note: 'Note',
    person: '{kind} {code}: {name}',
    kinds: { volunteer: 'Volunteer', applicant: 'Applicant' },
    answers: {
      cannot_come: 'can’t come',
      late: { one: '{count} minute late', other: '{count} minutes late' },
      coming: 'is coming',
      releases: 'gives up their place',
    },
    offers: 'Places offered on',
    noOffers: 'No place has been offered on yet.',
    offeredTo: 'Offered to',
    releasedBy: 'Given up by',
    version: 'Plan version',
    status: 'Status',
    offeredAt: 'Offered',
    answeredAt: 'Answered',
    offerStatus: { offered: 'offered', accepted: 'accepted', declined: 'declined', withdrawn: 'withdrawn' },
    affected: 'Whom the answers affect',
    affectedLead: 'People whose day in published version {version} an answer hits:',
    nobodyAffected: 'No answer hits a day in published version {version}.',
    notPublished: 'No version is published yet: nobody holds a day that an answer could change.',
    hits: 'What it hits',
    hitVisit: '{applicant} at {time} ({station})',
    hitInterpreting: 'interpreting for {applicant} at {time}',
    hitShift: '{desk} {from}–{to}',
    hitPlace: 'their place at {time}',
    tellApplicants: 'Applicants to tell:',
    tellVolunteers: 'Volunteers whose day changes:',
    replan: 'A re-plan repairs what the answers broke and keeps every other published arrival: <code>{command}</code>.',
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
