/**
 * Los mensajes de las páginas web en español, con las mismas claves que `en.ts` (su tipo lo
 * exige: una clave que falte o sobre no compila). Las {palabras} entre llaves las llena Taller y
 * no se traducen; los plurales tienen las formas `one` (exactamente 1) y `other`. Los nombres de
 * personas, eventos y sitios son datos y no se traducen.
 */
import type { Messages } from './en.js';

export const es: Messages = {
  language: {
    name: 'Español',
  },

  layout: {
    skip: 'Ir al contenido',
    tagline: 'planes para talleres de ayuda legal de inmigración',
    switchLabel: 'Idioma',
    accountLabel: 'Cuenta',
    events: 'Eventos',
    people: 'Personas',
    audit: 'Registro de auditoría',
    signOut: 'Cerrar sesión',
    footer: 'Taller guarda los datos de los solicitantes solo en este servidor. Ayuda legal gratuita: los notarios no son abogados.',
  },

  errors: {
    notFoundTitle: 'Página no encontrada',
    notFound: 'No hay nada en {method} {path}',
    errorTitle: 'Error',
    error: 'Algo salió mal',
    errorText: 'Algo salió mal de nuestro lado. No se cambió nada; por favor, inténtelo de nuevo.',
    back: 'Volver a los talleres',
  },

  home: {
    title: 'Talleres',
    caption: { one: '{count} taller, el más próximo primero', other: '{count} talleres, los más próximos primero' },
    date: 'Fecha',
    workshop: 'Taller',
    hours: 'Horario',
    site: 'Lugar',
    volunteers: 'Voluntarios',
    applicants: 'Solicitantes',
    empty: 'Todavía no hay talleres. Importe un paquete con <code>npx taller import DIR</code>, o descargue\n'
      + '<a href="/static/samples/fresno-saturday/event.json">un event.json de ejemplo</a>,\n'
      + '<a href="/static/samples/fresno-saturday/volunteers.csv">volunteers.csv</a> y\n'
      + '<a href="/static/samples/fresno-saturday/applicants.csv">applicants.csv</a> para ver el formato.',
    samples: 'Paquetes de ejemplo',
  },

  samples: {
    'fresno-saturday': 'Sábado de DACA y Ciudadanía, Fresno (40 solicitantes)',
    'mixteco-farmworker-clinic': 'Taller para trabajadores del campo con hablantes de mixteco y triqui, Madera (120 solicitantes)',
    'central-valley-citizenship-day': 'Día de la Ciudadanía, Merced (250 solicitantes)',
  },

  event: {
    crumbs: 'Todos los talleres',
    when: 'Cuándo',
    where: 'Dónde',
    hosts: 'Organizan',
    desks: 'Mesas',
    dateAndHours: '{date}, {hours}',
    siteToBeAnnounced: 'Lugar por anunciar',
    deskCounts: '{checkIn} de registro, {finalCheck} de revisión final',
    roster: {
      heading: 'Voluntarios: {count}',
      caption: 'Voluntarios por función',
      role: 'Función',
      people: 'Personas',
      languages: 'Idiomas',
    },
    demand: {
      heading: 'Solicitantes: {count}',
      byCaseType: 'Por tipo de trámite',
      caseType: 'Tipo de trámite',
      applicants: 'Solicitantes',
      byLanguage: 'Por idioma preferido',
      language: 'Idioma',
      speakers: 'Voluntarios que lo hablan',
      needInterpreter: 'Necesitan intérprete',
      languageLabel: '{name} ({code})',
    },
  },

  purged: {
    heading: 'Datos personales eliminados',
    removed: 'Los datos personales de los solicitantes y toda parte de los planes sobre cada persona se eliminaron el {date}.',
    kept: 'Las cifras de arriba son lo que se guardó: {outcomes}.',
    outcomes: {
      scheduled: { one: '{count} con cita en el plan publicado', other: '{count} con cita en el plan publicado' },
      unscheduled: { one: '{count} quedó fuera del plan', other: '{count} quedaron fuera del plan' },
      unplanned: { one: '{count} contado antes de publicar un plan', other: '{count} contados antes de publicar un plan' },
    },
    separator: '; ',
  },

  plan: {
    heading: 'Plan',
    lead: '<strong>{scheduled} de {applicants}</strong> solicitantes con cita (peso de prioridad {weight})',
    interpreted: { one: '{count} visita con intérprete', other: '{count} visitas con intérprete' },
    meanMinutes: '{minutes} minutos en el taller en promedio',
    version: 'Versión {version}.',
    versionPublished: 'Versión {version}, publicada.',
    none: 'Todavía no hay plan. Planifíquelo con <code>npx taller plan --event {id}</code> (se guarda como la primera versión del evento)\n'
      + '    o con <code>POST /api/events/{id}/plan</code>.',
    selection: {
      heading: 'A quiénes atiende el día',
      summary: 'Proporción atendida por grupo, frente a {other}',
      caption: 'Proporción atendida de cada grupo',
      group: 'Grupo',
      applicants: 'Solicitantes',
      mine: 'Este plan ({mine})',
    },
    notScheduled: 'Sin cita',
    reasonCount: '{label}: {count}',
    days: 'El día de cada voluntario',
    coordinatorsOnly: 'Quién llega a qué hora y el día de cada voluntario solo se muestran a los coordinadores del evento.',
    gone: '(sus citas necesitan una nueva planificación)',
    time: 'Hora',
    station: 'Estación',
    applicant: 'Solicitante',
    note: 'Nota',
    withInterpreter: 'con el intérprete {id}',
    interpretingFor: 'interpreta para {id}',
    shift: 'turno',
    offRoster: 'ya no está en la lista de voluntarios',
    desk: { check_in: 'Mesa de registro', final_check: 'Mesa de revisión final' },
  },

  status: {
    draftHeld: '<strong>Borrador.</strong> La versión {version} no está publicada: las hojas de cita, los enlaces, las hojas y los calendarios\n'
      + '      siguen la versión {published}, la que la gente tiene.\n      Publíquela con <code>{command}</code>.',
    draftNone: '<strong>Borrador.</strong> La versión {version} no está publicada: las hojas de cita, los enlaces, las hojas y los calendarios\n'
      + '      dicen «borrador» hasta que se publique una versión.\n      Publíquela con <code>{command}</code>.',
    whomToTell: 'Frente a la versión {version}, a quién avisar:',
    nobodyChanges: 'Frente a la versión {version}, ningún solicitante cambia de hora, sale del plan ni entra en él.',
    was: '(antes {time})',
    now: '(ahora {time})',
    change: { moved: 'cambia de hora', removed: 'sale del plan', added: 'entra en el plan' },
    volunteersToTell: 'Voluntarios cuyo día cambia:',
    outOfDate: '<strong>Desactualizado.</strong> La lista de voluntarios o los solicitantes cambiaron desde que se hizo la versión {version}; ya no les corresponde.',
    outOfDateProblems: '<strong>Desactualizado.</strong> La lista de voluntarios o los solicitantes cambiaron desde que se hizo la versión {version}; ya no les corresponde:',
    problemWho: '{problem}: el día de {who}',
    moreProblems: 'y {count} más',
    replan: 'Una nueva planificación repara solo lo que se rompió y mantiene cada hora de llegada publicada: <code>{command}</code>.',
    unstaffed: 'Mesas sin nadie de turno.',
    unstaffedDesk: {
      check_in: {
        one: 'No hay nadie de turno en la mesa de registro de {from} a {to}, cuando está previsto {count} registro',
        other: 'No hay nadie de turno en la mesa de registro de {from} a {to}, cuando están previstos {count} registros',
      },
      final_check: {
        one: 'No hay nadie de turno en la mesa de revisión final de {from} a {to}, cuando está prevista {count} revisión final',
        other: 'No hay nadie de turno en la mesa de revisión final de {from} a {to}, cuando están previstas {count} revisiones finales',
      },
    },
  },

  selection: {
    fair: 'la selección justa (orden de sorteo)',
    most: 'la opción de «atender al mayor número»',
    uses: 'Este plan usa {mine} y atiende a {scheduled}.',
    would: '{other} atendería a {difference}.',
    wouldReaching: '{other} atendería a {difference}, y llegaría al {theirs} (este plan: {ours}).',
    more: '{count} más',
    fewer: '{count} menos',
    asMany: 'la misma cantidad',
    share: { moderate: '{share} de los casos moderados', complex: '{share} de los casos complejos' },
    groups: { complexity: 'Complejidad', interpreter: 'Intérprete', caseType: 'Tipo de trámite', language: 'Idioma' },
    interpreter: { needed: 'lo necesita', not_needed: 'no lo necesita' },
  },

  complexity: { straightforward: 'sencillo', moderate: 'moderado', complex: 'complejo' },

  estimate: {
    heading: 'Cómo saldrá el día',
    lead: 'En {runs} días simulados con ausencias, personas sin cita y citas que se alargan o se acortan,\n'
      + '    el plan atiende a <strong>{mean}</strong> personas en promedio (entre {p10} y {p90}\n'
      + '    en 8 de cada 10 días). Con estos voluntarios se podría atender como máximo a {capacity}.\n'
      + '    Todos los que tienen cita terminan antes del cierre en el {finish}% de los días.\n'
      + '    Dónde se atasca: <strong>{bottleneck}</strong>.',
    servedCaption: 'Personas atendidas: la banda abarca 8 de cada 10 días simulados; la línea, un día típico.',
    utilizationCaption: 'Qué tan ocupados están los voluntarios de cada estación.',
    queueCaption: 'Personas en fila en cada estación a lo largo del día, en un día simulado promedio.',
    finishing: 'Terminar a tiempo',
    tradeoffCaption: 'Para cada tiempo libre que se deja antes del cierre: personas atendidas en un día simulado promedio y la proporción de días en que todos los que vinieron terminan antes del cierre.',
    whomToAdd: 'A quién sumar',
    room: 'Qué cambiar en el salón',
    gainLine: '{change}: {gain}',
    oneMore: '{role} más que hable {languages}',
    oneMoreInterpreter: 'un intérprete más de {languages}',
    languagesAnd: ' y ',
    languagesPair: '–',
    role: {
      attorney: 'un abogado', accredited_rep: 'un representante acreditado', law_student: 'un estudiante de derecho',
      paralegal: 'un asistente legal', form_filler: 'un voluntario para llenar formularios', screener: 'un voluntario de evaluación inicial',
      interpreter: 'un intérprete', general: 'un voluntario de recepción',
    },
    floor: {
      stations: 'un salón por estaciones, con los solicitantes pasando de mesa en mesa',
      seated: 'un salón con solicitantes sentados: el equipo va a la persona y quien revisa cierra el expediente, sin mesa de revisión final',
      fast_lane: 'una fila rápida para formularios llenados en línea antes del día',
    },
    desk: { check_in: 'una mesa de registro más', final_check: 'una mesa de revisión final más' },
    gain: { one: 'alrededor de {count} persona más atendida', other: 'alrededor de {count} personas más atendidas' },
    noGain: 'sin una ganancia clara en personas atendidas',
    registration: {
      fits: 'En el día caben {fits} citas.',
      atLeast: 'al menos {count}',
      advice: 'Con unas {noShows} ausencias y {walkIns} personas sin cita previstas, inscriba a unas {recommended}; {verdict}.',
      over: 'hay {count} inscritos más que eso: a algunos no se les podrá atender',
      under: 'todavía pueden inscribirse {count} más',
      exact: 'esa es la cantidad de inscritos',
    },
    tradeoff: {
      packed: 'Con el día lleno, todos terminan antes del cierre en el {finish}% de los días.',
      keeping: 'Si se dejan {minutes} minutos libres antes del cierre, se termina a tiempo en el {finish}% de los días y {cost}.',
      fewer: 'se atiende a unas {count} personas menos',
      more: 'se atiende a unas {count} personas más',
      same: 'se atiende a la misma cantidad de personas',
    },
    chart: {
      bottleneck: ' — cuello de botella',
      utilizationTitle: 'Qué tan ocupada está cada estación, como proporción de su tiempo con personal',
      typicalDay: 'día típico: {count}',
      scheduled: 'con cita: {count}',
      servedTitle: 'Personas atendidas en 8 de cada 10 días simulados: entre {p10} y {p90}; normalmente {p50}; {scheduled} con cita',
      queueTitle: 'Personas esperando en cada estación a lo largo del día. {summary}',
      longestQueue: 'Fila más larga: {station}, unas {count} personas esperando alrededor de las {time}',
      nobodyWaits: 'Nadie hace fila',
      packed: 'día lleno',
      aim: 'meta {percent}%',
      minutesFree: '{minutes} min libres',
      served: '{count} atendidas',
      onTime: '{percent}% de los días a tiempo',
      tradeoffTitle: 'Personas atendidas y días terminados antes del cierre, para cada tiempo libre antes del cierre',
    },
  },

  offers: {
    title: 'Lugares liberados',
    back: 'Volver a {event}',
    heading: 'Lugares liberados y ofrecidos a otros',
    lead: 'Cuando un solicitante avisa por su propio enlace que no puede venir, Taller ofrece su lugar del plan publicado\n'
      + '    al primer solicitante sin cita que quepa en ese lugar: primero la prioridad más alta, luego el orden del sorteo del plan, revisado con todas las reglas del planificador.',
    todo: {
      heading: 'Qué hacer',
      call: 'Llame al solicitante a quien se ofreció el lugar, en su idioma, y pregúntele si puede venir a esa hora.',
      answer: 'Si acepta, márquela como aceptada. Si no puede, o si no logra comunicarse, márquela como rechazada: Taller ofrecerá el lugar al siguiente solicitante que quepa.',
      plan: 'El plan publicado no cambia solo: el lugar queda libre en él hasta que usted actúe. Cuando se acepte una oferta, quite de los solicitantes\n'
        + '      del evento a quien dejó el lugar (mientras siga en la lista, al volver a planificar se mantiene su hora publicada), vuelva a planificar,\n'
        + '      revise que quien tomó el lugar tenga hora, publique esa versión y entréguele su enlace a la hoja de cita.\n'
        + '      Al volver a planificar se retiran las ofertas aún abiertas: busque de nuevo para esos lugares cuando se publique la nueva versión.',
    },
    noPublished: 'Todavía no hay nada publicado: los lugares se ofrecen solo cuando se publica una versión.',
    places: {
      heading: 'Lugares liberados en la versión publicada ({version})',
      caption: 'Cada lugar que un solicitante dejó, y cómo va su oferta',
      place: 'Lugar',
      givenUp: 'Liberado',
      standing: 'Oferta',
      arrival: 'llegada a las {time}',
      none: 'Nadie ha dejado su lugar en la versión publicada.',
      nobody: 'Ningún solicitante sin cita cabe ahora en este lugar: queda libre.',
      lookAgain: 'Buscar de nuevo a alguien que quepa',
      offered: 'Ofrecido a {code}, {name}, el {when}.',
      accepted: '{code}, {name}, toma este lugar: vuelva a planificar y publique (vea arriba).',
      phone: 'Teléfono',
      noPhone: 'sin número de teléfono',
      languages: 'Idiomas',
      caseType: 'Trámite',
      priority: 'Prioridad',
      leftOut: 'Quedó sin cita porque',
      accept: 'Marcar como aceptada',
      decline: 'Marcar como rechazada',
      acceptLabel: '{code} toma el lugar',
      declineLabel: '{code} no toma el lugar, ofrecerlo al siguiente',
    },
    history: {
      heading: 'Todas las ofertas',
      caption: 'Las más recientes primero',
      number: 'Oferta',
      version: 'Versión',
      place: 'Lugar de',
      offeredTo: 'Ofrecido a',
      status: 'Estado',
      when: 'Respondida',
      none: 'Todavía no hay ofertas.',
      gone: 'ya no es solicitante',
    },
    status: { offered: 'ofrecida', accepted: 'aceptada', declined: 'rechazada', withdrawn: 'retirada' },
    done: {
      accepted: 'Marcada como aceptada.',
      offered: 'El lugar se ofrece ahora a {code}.',
      nobody: 'Ningún otro solicitante sin cita cabe en este lugar: queda libre.',
      declined: 'Marcada como rechazada.',
      noPlace: 'Ese lugar ya no está en la versión publicada.',
      taken: 'Ese lugar ya está ofrecido o tomado.',
      notOpen: 'Esa oferta ya tiene respuesta.',
    },
  },

  roles: {
    attorney: 'Abogados',
    accredited_rep: 'Representantes acreditados por el DOJ',
    law_student: 'Estudiantes de derecho',
    paralegal: 'Asistentes legales',
    form_filler: 'Voluntarios para llenar formularios',
    screener: 'Voluntarios de evaluación inicial',
    interpreter: 'Intérpretes',
    general: 'Recepción y organización',
  },

  role: {
    attorney: 'Abogado',
    accredited_rep: 'Representante acreditado por el DOJ',
    law_student: 'Estudiante de derecho',
    paralegal: 'Asistente legal',
    form_filler: 'Voluntario para llenar formularios',
    screener: 'Voluntario de evaluación inicial',
    interpreter: 'Intérprete',
    general: 'Recepción u organización',
  },

  stations: {
    check_in: 'Registro',
    screening: 'Evaluación inicial',
    preparation: 'Preparación',
    review: 'Revisión legal',
    final_check: 'Revisión final',
  },

  reasons: {
    invalid: 'Su propio horario no les permite quedarse el tiempo necesario',
    no_language_match: 'Sin idioma en común ni intérprete',
    no_eligible_reviewer: 'Nadie que pueda revisar el caso',
    no_competent_volunteer: 'Nadie atiende ese tipo de trámite',
    outside_hours: 'Fuera del horario del taller',
    no_capacity: 'El día está lleno',
  },

  caseTypes: {
    daca_renewal: 'Renovación de DACA',
    daca_initial: 'Solicitud inicial de DACA',
    n400: 'Naturalización (N-400)',
    labor_deferred_action: 'Acción diferida laboral',
    tps: 'Estatus de Protección Temporal (TPS)',
    ead_renewal: 'Renovación del permiso de trabajo (EAD)',
    advance_parole: 'Permiso adelantado de viaje (advance parole)',
    i90: 'Renovación de la tarjeta de residente (I-90)',
    family_petition: 'Petición familiar',
    consultation: 'Consulta legal',
  },
};
