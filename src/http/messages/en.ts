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
    date: 'Date',
    workshop: 'Workshop',
    empty: 'No workshops yet. Import a bundle with <code>npx taller import DIR</code>, or download a\n'
      + '<a href="/static/samples/fresno-saturday/event.json">sample event.json</a>,\n'
      + '<a href="/static/samples/fresno-saturday/volunteers.csv">volunteers.csv</a> and\n'
      + '<a href="/static/samples/fresno-saturday/applicants.csv">applicants.csv</a> to see the format.',
    samples: 'Bundle samples',
  },

  /** The home page's lists and search, the event form, the delete page, and the event page's links to change an event. */
  events: {
    list: {
      newEvent: 'New event',
      deleted: 'The event was deleted, with everything of it.',
      searchLabel: 'Find a workshop',
      searchHint: '(name, id, site or county)',
      search: 'Search',
      showAll: 'Show all',
      found: { one: '{found} of {count} workshop matches “{query}”.', other: '{found} of {count} workshops match “{query}”.' },
      upcoming: 'Upcoming',
      past: 'Past',
      upcomingCaption: { one: '{count} upcoming workshop', other: '{count} upcoming workshops, soonest first' },
      pastCaption: { one: '{count} past workshop', other: '{count} past workshops, most recent first' },
      people: 'People',
      volunteers: { one: '{count} volunteer', other: '{count} volunteers' },
      applicants: { one: '{count} applicant', other: '{count} applicants' },
      noUpcomingMatch: 'No upcoming workshop matches.',
      noUpcoming: 'No workshop to come.',
      noPastMatch: 'No past workshop matches.',
      noPast: 'No workshop has taken place yet.',
      /** home.empty for an account that may make events. */
      emptyMayCreate: 'No workshops yet. Make one with “New event”, or import a bundle with <code>npx taller import DIR</code>, or download a\n'
        + '<a href="/static/samples/fresno-saturday/event.json">sample event.json</a>,\n'
        + '<a href="/static/samples/fresno-saturday/volunteers.csv">volunteers.csv</a> and\n'
        + '<a href="/static/samples/fresno-saturday/applicants.csv">applicants.csv</a> to see the format.',
    },
    form: {
      newTitle: 'New event',
      templateTitle: 'New event from a template',
      editTitle: 'Edit {name}',
      errorTitle: 'Error: {title}',
      create: 'Make the event',
      save: 'Save the changes',
      cancel: 'Cancel',
      templateIntro: 'A new event with the settings of <strong>{name}</strong>: give it its own date, and an id if you wish.\n'
        + '  Nobody is copied: its roster and applicant list start empty.',
      editIntro: 'The roster, the applicants and the plans are kept. A plan made before a change of hours, desks or minutes is checked\n'
        + '  again against the new settings, and the event page says when it no longer fits.',
      problemsHeading: { one: 'Please fix {count} thing', other: 'Please fix {count} things' },
      nothingSaved: 'Nothing was saved.',
      sections: {
        day: 'The day',
        site: 'The site',
        desks: 'Desks',
        minutes: 'Minutes per station',
        simulation: 'Simulating the day',
        planning: 'Planning',
        retention: 'Personal data',
      },
      minutesIntro: 'Minutes for a straightforward case without an interpreter. A station at 0 is skipped for that case type.',
      floorNote: 'Floor layout',
      floorHint: 'Set by importing event.json; the minutes here are the ones used.',
      /** Each field's label, by the event.json path it fills. */
      labels: {
        name: 'Name',
        id: 'Event id',
        date: 'Date',
        timezone: 'Time zone',
        opens: 'Opens at',
        closes: 'Closes at',
        slot_minutes: 'Slot minutes',
        organization: 'Organization that runs it',
        site: { name: 'Site name', address: 'Address', county: 'County', setting: 'Setting' },
        host_orgs: 'Host organizations',
        desks: { check_in: 'Check-in desks', final_check: 'Final-check desks' },
        floor: 'Floor layout',
        simulation: {
          no_show_rate: 'No-show rate',
          walk_ins_per_hour: 'Walk-ins per hour',
          service_time: 'Service times',
          service_time_cv: 'Service time spread (cv)',
          overtime_minutes: 'Overtime minutes',
          walk_ins_until: 'Walk-ins admitted until',
          walk_in_profile: 'Walk-ins through the day',
          walk_in_mix: 'Walk-in mix',
        },
        planning: {
          fairness: 'Fairness',
          selection: 'Selection on a full day',
          seed: 'Seed',
          finish_probability: 'Chance of finishing on time',
        },
        retention: { purge_days_after: 'Purge personal data after (days)' },
      },
      /** A case type's minutes at a station, as a problem names the field: "Naturalization (N-400): preparation minutes". */
      minutesLabel: '{caseType}: {station} minutes',
      /** A line of a field that holds one item per line: "Walk-in mix, line 2", "Walk-in mix, line 2 (share)". */
      line: '{label}, line {line}',
      linePart: '{label}, line {line} ({part})',
      mixParts: { case_type: 'case type', languages: 'languages', complexity: 'complexity', share: 'share' },
      /** The hints under the fields that have one, by the event.json path. */
      hints: {
        name: 'As applicants and volunteers will read it.',
        id: 'Letters, digits, “.”, “_” and “-”. Leave it empty to have one made from the name and the date.',
        idEdit: 'It stays as it is once the event has a plan.',
        date: 'The day of the workshop.',
        timezone: 'Where the site is: the hours below are its wall clock, daylight saving included.',
        opens: 'HH:MM, the site’s clock.',
        closes: 'HH:MM, the site’s clock.',
        slot_minutes: 'Every start falls on this grid from opening (1 to 60).',
        organization: 'Its coordinators run the event. None: admins only.',
        host_orgs: 'One per line. Accredited representatives review only at events their organization hosts.',
        desks: {
          check_in: 'How many people check applicants in at once (at least 1).',
          final_check: 'How many people do the final check at once (at least 1).',
        },
        simulation: {
          no_show_rate: 'The share of registered applicants who do not come, 0 to 1 (0.15 is 15%).',
          walk_ins_per_hour: 'People who come without registering.',
          service_time_cv: 'How much visits run long or short: 0 to 10 (0.35 is usual).',
          overtime_minutes: 'How long volunteers agree to stay after closing.',
          walk_ins_until: 'HH:MM; empty: Taller suggests a cut-off.',
          walk_in_profile: '“even”, “morning”, or a share per hour from opening, separated by “;”.',
          walk_in_mix: 'One line per kind of walk-in: case type, languages (separated by “;”), complexity, share. '
            + 'For example: n400, es;en, straightforward, 0.5. Empty: like the registered applicants.',
        },
        planning: {
          seed: 'The same seed gives the same plan.',
          finish_probability: 'The chance, 0 to 0.99, that the simulated day finishes by closing; 0 packs the day.',
        },
        retention: { purge_days_after: 'Whole days after the event; empty: kept until purged by hand.' },
      },
      /** The words of the choices, by field and value. */
      choices: {
        setting: { none: 'Not said', urban: 'Urban', rural: 'Rural' },
        serviceTime: {
          lognormal: 'Lognormal: most visits near their minutes, a few much longer',
          exponential: 'Exponential: very uneven',
          fixed: 'Fixed: every visit takes its minutes',
        },
        fairness: { none: 'None: the most urgent first', proportional: 'Proportional: each language group in proportion to its demand' },
        selection: { fair: 'Fair: a lottery among people of equal priority', most: 'Most: as many people as fit' },
      },
      noOrganization: 'None: admins only',
      noZone: 'Choose the site’s time zone',
      zoneGroups: { us: 'United States', others: 'Everywhere else', given: 'As sent' },
      /** A zone of the United States in the list: "Pacific — America/Los_Angeles". */
      zoneLabel: '{name} — {zone}',
      /** The United States' zones, first in the list, by the name people know. */
      zones: {
        'America/New_York': 'Eastern',
        'America/Chicago': 'Central',
        'America/Denver': 'Mountain',
        'America/Phoenix': 'Mountain, no daylight saving (Arizona)',
        'America/Los_Angeles': 'Pacific',
        'America/Anchorage': 'Alaska',
        'Pacific/Honolulu': 'Hawaii',
        'America/Puerto_Rico': 'Atlantic (Puerto Rico, U.S. Virgin Islands)',
        'America/Detroit': 'Eastern (Michigan)',
        'America/Indiana/Indianapolis': 'Eastern (Indiana)',
        'America/Kentucky/Louisville': 'Eastern (Louisville, Kentucky)',
        'America/Boise': 'Mountain (southern Idaho)',
        'America/Juneau': 'Alaska (Juneau)',
        'America/Adak': 'Hawaii–Aleutian (Adak)',
        'Pacific/Guam': 'Chamorro (Guam, Northern Mariana Islands)',
        'Pacific/Pago_Pago': 'Samoa (American Samoa)',
      },
    },
    /**
     * What the form says of a field, after its label ("Event id: an event with the id … exists
     * already"). The bundle reader's own sentences about event.json stay in English, with the
     * field's label in the page's language.
     */
    problems: {
      withLabel: '{label}: {message}',
      idNeeded: 'write an id, or fill in the name and the date and leave the id empty to have one made from them',
      idTaken: 'an event with the id “{id}” exists already: choose another',
      idReserved: '“new” names the page for a new event: choose another id',
      idKept: {
        one: 'this event has {count} plan version, and printed slips, sheets and calendar links name it by its id: it stays “{id}”. '
          + 'Duplicate the event to start one under another id',
        other: 'this event has {count} plan versions, and printed slips, sheets and calendar links name it by its id: it stays “{id}”. '
          + 'Duplicate the event to start one under another id',
      },
      noSuchOrganization: 'choose one of the organizations listed, or none',
      noOrganizationOfYours: 'your account belongs to no organization, so nobody but admins could reach the event: ask an admin to set yours first',
      hostKept: 'your organization, {organization}, would no longer run or host this event, and you could not reach it: keep it in the list',
      mixLine: 'line {line} has more than four parts: write the case type, the languages (separated by ;), the complexity and the share, separated by commas',
      confirmMismatch: "this is not the event's id: type {id} exactly to delete it",
    },
    delete: {
      title: 'Delete {name}',
      notDeleted: 'Not deleted',
      intro: 'Deleting the event removes it and everything of it, at once and for good:',
      counts: {
        volunteers: { one: '{count} volunteer on the roster', other: '{count} volunteers on the roster' },
        applicants: { one: '{count} applicant', other: '{count} applicants' },
        plans: { one: '{count} plan version', other: '{count} plan versions' },
        links: { one: '{count} slip or calendar link', other: '{count} slip and calendar links' },
      },
      after: 'Every slip and calendar link made for its people stops working. Volunteers no other event lists are forgotten too.\n'
        + '  The audit log keeps that the event was deleted, by whom and these counts, and nothing about anyone.',
      confirm: 'To confirm, type the event’s id:',
      submit: 'Delete this event',
      keep: 'Keep it',
    },
    /** The event page's links for an account that may change the event, and what it says after a change. */
    page: {
      actionsLabel: 'Change this event',
      edit: 'Edit',
      duplicate: 'Duplicate as a template',
      delete: 'Delete',
      created: 'The event is made. Its roster and applicant list are empty: import volunteers.csv and applicants.csv to fill them.',
      saved: 'Saved. The roster, the applicants and the plans are kept as they were.',
      savedPlanned: 'Saved. The roster, the applicants and the plans are kept; each plan is checked again against the new settings: '
        + 'see “Plan” below, and re-plan if it says the plan is out of date.',
    },
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

  /** The roster and the applicants in tables, and the forms that add, change and remove one person. */
  people: {
    eventLinks: {
      volunteers: 'See, search and change the volunteers',
      applicants: 'See, search and change the applicants',
    },
    title: { volunteers: 'Volunteers', applicants: 'Applicants' },
    counts: {
      volunteers: { one: '{shown} of {count} volunteer', other: '{shown} of {count} volunteers' },
      applicants: { one: '{shown} of {count} applicant', other: '{shown} of {count} applicants' },
    },
    caption: '{what}, page {page} of {pages}',
    statusFrom: 'The status is what version {version} of the plan says.',
    statusNoPlan: 'No plan yet: nobody is planned.',
    filters: {
      heading: 'Search and filters',
      search: 'Search',
      searchHint: 'A name, a code or an e-mail address',
      role: 'Role',
      language: 'Language',
      caseType: 'Case type',
      status: 'Status',
      any: 'Any',
      show: 'Show',
      clear: 'Show everyone',
    },
    status: {
      scheduled: 'Scheduled',
      unscheduled: 'Not scheduled',
      unscheduledReason: 'Not scheduled: {reason}',
      visits: { one: '{count} visit', other: '{count} visits' },
      withVisits: 'With visits',
      no_visits: 'No visits',
      unplanned: 'Not yet planned',
    },
    columns: {
      code: 'Code',
      name: 'Name',
      role: 'Role',
      languages: 'Languages',
      caseType: 'Case type',
      contact: 'Contact',
      status: 'Status',
      actions: 'Changes',
    },
    empty: { volunteers: 'No volunteers yet.', applicants: 'No applicants yet.' },
    noMatch: 'Nobody matches: change the search or the filters.',
    paging: {
      label: 'Pages',
      previous: 'Previous page',
      next: 'Next page',
      page: 'Page {page} of {pages}',
    },
    add: { volunteers: 'Add a volunteer', applicants: 'Add an applicant' },
    edit: 'Edit',
    editWho: 'Edit {name}',
    remove: 'Remove',
    removeWho: 'Remove {name}',
    done: {
      add: '{code} was added.',
      edit: '{code} was saved.',
      remove: '{code} was removed.',
    },
    planAfter: {
      outOfDate: 'Version {version} of the plan no longer fits: re-plan the event before you publish or print it.',
      fits: 'Version {version} of the plan still fits.',
    },
    purged: "This event's personal data was removed on {date}: nobody can be added, changed or removed. Importing the event again starts it afresh.",
    form: {
      addTitle: { volunteers: 'Add a volunteer', applicants: 'Add an applicant' },
      editTitle: { volunteers: 'Volunteer {code}', applicants: 'Applicant {code}' },
      intro: 'Checked with the same rules as an import: nothing is saved while anything is wrong.',
      save: 'Save the changes',
      add: { volunteers: 'Add the volunteer', applicants: 'Add the applicant' },
      back: 'Back to the list',
      none: '(none)',
      problems: { one: 'Please fix {count} thing: nothing was saved', other: 'Please fix {count} things: nothing was saved' },
      problemAt: '{field}: {problem}',
      otherPerson: 'This change breaks the record of {code} ({name}): {problem}',
      warnings: 'Worth a look (these do not stop a save)',
      fields: {
        id: 'Code',
        name: 'Name',
        email: 'E-mail address',
        phone: 'Phone',
        role: 'Role',
        languages: 'Languages',
        case_types: 'Case types they handle',
        accreditation: 'DOJ accreditation',
        org: 'Recognized organization',
        supervisor: 'Supervising attorney',
        available: 'Hours available',
        max_applicants: 'Most applicants',
        case_type: 'Case type',
        complexity: 'Complexity',
        flags: 'Red flags',
        household: 'Household',
        deadline: 'Deadline',
        priority: 'Priority',
      },
      hints: {
        id: 'Unique at this event, such as V013. A new code ends the links made for the old one.',
        languagesVolunteer: 'Language codes separated by semicolons, such as es;en;mix.',
        languagesApplicant: 'Language codes separated by semicolons, the one they prefer first, such as mix;es.',
        case_types: 'None ticked: every case type.',
        accreditation: 'For an accredited representative only.',
        org: 'For an accredited representative: the organization that holds the accreditation.',
        supervisor: 'For a law student only.',
        available: 'Times such as 09:00-12:00;13:00-16:00. Empty: the whole day, {hours}.',
        max_applicants: 'Empty: no limit.',
        household: 'People of one household share this code, and are seen together.',
        deadline: 'When their status or document expires: a near one raises the priority.',
        priority: 'Empty: from the deadline (1 to 3). A higher priority is served first.',
      },
      accreditation: { partial: 'Partial', full: 'Full' },
    },
    flags: {
      criminal_history: 'Criminal history',
      prior_removal: 'Prior removal or deportation',
      prior_denial: 'Prior denial',
      in_proceedings: 'In removal proceedings',
      fraud_misrep: 'Fraud or misrepresentation',
      unlawful_reentry: 'Unlawful re-entry',
    },
    confirm: {
      title: { volunteers: 'Remove volunteer {code}?', applicants: 'Remove applicant {code}?' },
      lead: { volunteers: '{name} ({code}) will no longer be on the roster.', applicants: '{name} ({code}) will no longer be among the applicants.' },
      links: 'The links made for them stop working, and a stored plan that gives them visits is then out of date.',
      yes: 'Yes, remove {name}',
      no: 'No, keep them',
      refused: { one: 'Not removed: {count} thing stands in the way', other: 'Not removed: {count} things stand in the way' },
    },
    missing: {
      title: 'Not found',
      volunteers: 'There is no volunteer with the code {code} at this event: someone may have removed them or changed their code.',
      applicants: 'There is no applicant with the code {code} at this event: someone may have removed them or changed their code.',
    },
    /** The bundle reader's problems with one person's row, said for the form's field. */
    problems: {
      required: 'This is required.',
      duplicate: 'Someone else at this event has the code {code}: choose another.',
      email: '“{value}” is not an e-mail address.',
      oneOf: 'Choose one of the list.',
      languagesRequired: 'Write at least one language code, such as es.',
      languageCode: 'Not a language code: {codes}. Write codes of 2 or 3 letters, such as es, en or mix.',
      caseType: 'Not a case type of this event: {codes}. Its case types: {known}.',
      accreditationNeeded: 'An accredited representative needs an accreditation: partial or full.',
      orgNeeded: 'An accredited representative needs the recognized organization that holds the accreditation.',
      supervisorNeeded: 'A law student needs a supervising attorney of this event.',
      supervisorUnknown: '{code} is not a volunteer of this event.',
      supervisorRole: '{code} is not an attorney: their role is {role}.',
      window: 'Not a time window: {part}. Write HH:MM-HH:MM, such as 09:00-12:30.',
      windowOrder: 'The window {part} ends before it starts.',
      wholeNumber: 'Not a whole number: {value}.',
      atLeast: 'It must be at least {min}.',
      tooLarge: 'That number is too large.',
      date: 'Not a date: {value}. Write it as YYYY-MM-DD, such as 2027-03-13.',
      notADay: '{value} is not a day on the calendar.',
      flags: 'Not a red flag: {values}.',
    },
    warnings: {
      unknownLanguage: 'The language code {code} is not in Taller’s catalog: it is kept as written.',
      ignored: 'Ignored for this role.',
      formula: 'It starts with {char}, so a spreadsheet would run it as a formula: Taller keeps it as text.',
      outsideHours: 'The window {window} lies wholly outside the event’s hours.',
    },
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
