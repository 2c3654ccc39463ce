import { columnLetter, compact, normalize } from './text.js';

/** Which of Taller's two roster files a spreadsheet becomes. */
export type SheetTarget = 'volunteers' | 'applicants';

/** The columns of volunteers.csv and applicants.csv, in the order FORMATS.md lists them. */
export const CANONICAL_COLUMNS = {
  volunteers: ['id', 'name', 'email', 'phone', 'role', 'languages', 'case_types', 'accreditation', 'org', 'supervisor', 'available', 'max_applicants'],
  applicants: ['id', 'name', 'phone', 'email', 'languages', 'case_type', 'complexity', 'flags', 'household', 'available', 'deadline', 'priority'],
} as const;

export type VolunteerColumn = (typeof CANONICAL_COLUMNS.volunteers)[number];
export type ApplicantColumn = (typeof CANONICAL_COLUMNS.applicants)[number];
export type CanonicalColumn = VolunteerColumn | ApplicantColumn;

/**
 * Parts of a name kept in columns of their own. When a sheet has them, Taller's `name` is
 * made by joining them in this order with single spaces, skipping empty ones:
 * first, middle, last (paternal) and second last (maternal) name. "Nombre" + "Apellido(s)"
 * → "María Guzmán Bautista"; "Nombre" + "Apellido paterno" + "Apellido materno" likewise.
 */
export const NAME_PARTS = ['first_name', 'middle_name', 'last_name', 'second_last_name'] as const;
export type NamePart = (typeof NAME_PARTS)[number];

/** What one spreadsheet column can become. */
export type SheetField = CanonicalColumn | NamePart;

/** A column as the coordinator confirms it: a field, or ignored. */
export type ColumnChoice = SheetField | 'ignore';

/** The fields a target's spreadsheet columns may map to. */
export function fieldsOf(target: SheetTarget): readonly SheetField[] {
  return [...CANONICAL_COLUMNS[target], ...NAME_PARTS];
}

/**
 * Column names people write, in English and Spanish, by field; compared in compact form
 * (case, accents, spaces, punctuation and underscores ignored). Each field's own name counts too.
 * `case_type` and `case_types` share their names: the target decides which one a header is.
 */
const SYNONYMS: Readonly<Record<SheetField, readonly string[]>> = {
  id: ['id', 'identificador', 'identificacion', 'no', 'num', 'numero', 'n', 'nro', 'folio', 'codigo', 'code', 'clave',
    'registro', 'record id', 'registration id', 'volunteer id', 'applicant id', 'client id', 'id voluntario',
    'id del voluntario', 'id solicitante', 'id del solicitante', 'id cliente', 'numero de registro'],
  name: ['name', 'nombre', 'full name', 'nombre completo', 'nombre y apellido', 'nombre y apellidos', 'nombre y apellido s',
    'nombres y apellidos', 'applicant name', 'volunteer name', 'client name', 'participant name', 'nombre del solicitante',
    'nombre del voluntario', 'nombre de la persona', 'nombre del cliente', 'nombre del participante', 'applicant',
    'volunteer', 'client', 'participant', 'solicitante', 'voluntario', 'voluntaria', 'cliente', 'participante', 'persona'],
  first_name: ['first name', 'firstname', 'fname', 'given name', 'given names', 'forename', 'primer nombre', 'nombres',
    'nombre s', 'nombre de pila', 'first'],
  middle_name: ['middle name', 'middle names', 'middle initial', 'mi', 'segundo nombre', 'otros nombres'],
  last_name: ['last name', 'lastname', 'lname', 'surname', 'surnames', 'family name', 'last', 'apellido', 'apellidos',
    'apellido s', 'apellido paterno', 'primer apellido'],
  second_last_name: ['second last name', 'second surname', 'maternal surname', 'mothers last name', 'apellido materno',
    'segundo apellido'],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'correo', 'correo electronico', 'correo e',
    'direccion de correo', 'direccion de correo electronico', 'correo electronico del solicitante', 'email del voluntario'],
  phone: ['phone', 'phone number', 'telephone', 'tel', 'telefono', 'numero de telefono', 'telefono celular', 'cell',
    'cell phone', 'cellphone', 'mobile', 'mobile phone', 'celular', 'cel', 'movil', 'whatsapp', 'telefono whatsapp'],
  role: ['role', 'rol', 'volunteer role', 'volunteer type', 'type of volunteer', 'position', 'papel', 'funcion', 'puesto',
    'cargo', 'tipo de voluntario', 'rol del voluntario', 'rol de voluntario'],
  languages: ['languages', 'language', 'language s', 'languages spoken', 'spoken languages', 'speaks', 'preferred language',
    'preferred languages', 'primary language', 'idiomas', 'idioma', 'idioma s', 'lenguas', 'lengua', 'lenguaje', 'lenguajes',
    'idiomas que habla', 'idiomas hablados', 'lenguas que habla', 'habla', 'idioma preferido', 'idioma principal'],
  case_types: ['case types', 'case type', 'type of case', 'types of cases', 'cases', 'case', 'tipos de caso', 'tipo de caso',
    'tipos de casos', 'casos', 'caso', 'specialty', 'specialties', 'especialidad', 'especialidades', 'can help with',
    'puede ayudar con', 'services', 'servicios', 'forms', 'formularios', 'tramites', 'tipo de tramite', 'tipos de tramite'],
  case_type: ['case type', 'case types', 'type of case', 'case', 'service', 'service requested', 'services', 'application type',
    'type of application', 'form', 'needs', 'tipo de caso', 'tipos de caso', 'caso', 'servicio', 'servicio solicitado',
    'tramite', 'tipo de tramite', 'tipo de solicitud', 'solicitud', 'formulario', 'necesita', 'motivo', 'motivo de la cita',
    'motivo de consulta'],
  accreditation: ['accreditation', 'accreditation type', 'accreditation level', 'type of accreditation', 'acreditacion',
    'tipo de acreditacion', 'nivel de acreditacion', 'accredited'],
  org: ['org', 'organization', 'organisation', 'recognized organization', 'organization name', 'agency', 'affiliation',
    'organizacion', 'organizacion reconocida', 'nombre de la organizacion', 'agencia', 'afiliacion'],
  supervisor: ['supervisor', 'supervisora', 'supervisor a', 'supervising attorney', 'supervised by',
    'abogado supervisor', 'abogada supervisora', 'abogado a supervisor a', 'supervisado por', 'supervisada por'],
  available: ['available', 'availability', 'available hours', 'hours', 'hours available', 'shift', 'shifts', 'times',
    'time windows', 'windows', 'disponible', 'disponibilidad', 'horario', 'horarios', 'horario disponible', 'horas',
    'horas disponibles', 'turno', 'turnos'],
  max_applicants: ['max applicants', 'maximum applicants', 'max clients', 'max cases', 'max', 'maximum', 'capacity',
    'max solicitantes', 'max de solicitantes', 'maximo de solicitantes', 'maximo solicitantes', 'maximo de casos',
    'maximo de clientes', 'maximo', 'capacidad', 'cupo'],
  complexity: ['complexity', 'difficulty', 'complejidad', 'dificultad', 'nivel de complejidad', 'case complexity'],
  flags: ['flags', 'red flags', 'alerts', 'issues', 'concerns', 'risk factors', 'banderas', 'banderas rojas', 'alertas',
    'alerta', 'senales de alerta', 'factores de riesgo', 'problemas'],
  household: ['household', 'household id', 'family', 'family id', 'family group', 'group', 'hogar', 'familia',
    'grupo familiar', 'id de familia', 'id familia', 'grupo', 'nucleo familiar'],
  deadline: ['deadline', 'expiration', 'expiration date', 'expiry', 'expiry date', 'expires', 'due date',
    'fecha limite', 'fecha de vencimiento', 'vencimiento', 'vence', 'fecha de expiracion', 'expiracion', 'caducidad',
    'fecha de caducidad', 'fecha de vencimiento del documento'],
  priority: ['priority', 'urgency', 'prioridad', 'urgencia'],
};

/** How a proposal was found: the column's name as a whole, without a note in brackets, or as words within it. */
export type MatchKind = 'name' | 'bracketed' | 'words';

/** What Taller proposes for one column of the sheet. */
export interface ColumnProposal {
  /** Zero-based position in the sheet. */
  index: number;
  /** The spreadsheet's letter for it: A, B, … AA. */
  letter: string;
  /** The column's name as written. */
  header: string;
  /** The field it most likely is, or null: then the page shows it as not matched and the coordinator chooses or ignores it. */
  field: SheetField | null;
  /** How it was found; 'remembered' when a saved mapping chose it (see reuseMapping), null when not matched. */
  match: MatchKind | 'remembered' | null;
}

const STRENGTH: Record<MatchKind, number> = { name: 3, bracketed: 2, words: 1 };

/**
 * Single words distinctive enough to name a field from inside a longer header ("Idiomas que
 * habla", "Teléfono celular del voluntario"). Other single words ("Caso", "Código",
 * "Familia", "Last", "Voluntario") match only a whole header: inside one they too often mean
 * something else ("Notas del caso", "Código postal", "Last updated").
 */
const TELLING_WORDS = new Set(['idiomas', 'idioma', 'languages', 'language', 'lenguas', 'telefono', 'phone', 'email',
  'correo', 'celular', 'whatsapp', 'disponibilidad', 'availability', 'horario', 'prioridad', 'priority', 'complejidad',
  'complexity', 'acreditacion', 'accreditation', 'organizacion', 'organization', 'supervisor', 'supervisora', 'apellido',
  'apellidos', 'surname', 'deadline', 'vencimiento', 'hogar', 'household', 'flags', 'banderas', 'alertas', 'rol', 'role']);

/** Words that make a header a note about a field rather than the field ("Notas sobre idiomas"). */
const NOTE_WORDS = new Set(['notes', 'note', 'notas', 'nota', 'comments', 'comentarios', 'observaciones', 'descripcion',
  'description', 'otro', 'otros', 'other']);

interface Table {
  /** Compact name → field. */
  whole: Map<string, SheetField>;
  /** The compact names that may also match as words inside a longer header. */
  inWords: Set<string>;
}

function synonymTable(target: SheetTarget): Table {
  const whole = new Map<string, SheetField>();
  const inWords = new Set<string>();
  for (const field of fieldsOf(target)) {
    for (const name of [field, ...SYNONYMS[field]]) {
      const key = compact(name);
      if (whole.has(key)) continue;
      whole.set(key, field);
      if (normalize(name).includes(' ') || TELLING_WORDS.has(key)) inWords.add(key);
    }
  }
  return { whole, inWords };
}

const TABLES: Record<SheetTarget, Table> = {
  volunteers: synonymTable('volunteers'),
  applicants: synonymTable('applicants'),
};

/** The longest name that stands as whole words inside the header ("Idiomas que habla el voluntario" → languages). */
function byWords(table: Table, words: string[]): SheetField | null {
  if (words.some((w) => NOTE_WORDS.has(w))) return null;
  let best: { field: SheetField; length: number } | null = null;
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      const key = words.slice(start, end).join('');
      const field = table.inWords.has(key) ? table.whole.get(key) : undefined;
      if (field && (!best || key.length > best.length)) best = { field, length: key.length };
    }
  }
  return best?.field ?? null;
}

/** The field one header names, and how surely. */
function candidate(target: SheetTarget, header: string): { field: SheetField; match: MatchKind } | null {
  const table = TABLES[target];
  if (header.trim() === '#') return { field: 'id', match: 'name' };
  const whole = table.whole.get(compact(header));
  if (whole) return { field: whole, match: 'name' };
  const outside = header.replace(/[([{][^)\]}]*[)\]}]?/g, ' ');
  const outer = table.whole.get(compact(outside));
  if (outer) return { field: outer, match: 'bracketed' };
  const within = byWords(table, normalize(outside).split(' ').filter(Boolean));
  return within ? { field: within, match: 'words' } : null;
}

const PLAIN_NAME = new Set(['name', 'nombre']);

/**
 * For each column, the field of volunteers.csv or applicants.csv it most likely holds, matched
 * by the names people write in English and Spanish (case, accents, spacing, punctuation and
 * underscores ignored; a note in brackets such as "(es;en)" or "(opcional)" set aside; a
 * known name standing as words within a longer header counts, weakest). A field goes to one
 * column at most: the surest match, then the leftmost. In a sheet with a last-name column,
 * "Nombre"/"Name" is the first name, and the name is made by joining the parts (see
 * NAME_PARTS), unless a column holds whole names ("Nombre completo"): then that one is the
 * name and the parts are left unmatched. A column that matches nothing has `field: null`.
 */
export function proposeColumns(target: SheetTarget, header: string[]): ColumnProposal[] {
  const found = header.map((h) => candidate(target, h));
  // "Nombre" next to "Apellidos" is the first name.
  if (found.some((c) => c?.field === 'last_name' || c?.field === 'second_last_name')) {
    found.forEach((c, i) => {
      if (c?.field === 'name' && PLAIN_NAME.has(compact(header[i]!))) found[i] = { field: 'first_name', match: c.match };
    });
  }
  const order = found
    .flatMap((c, index) => (c ? [{ c, index }] : []))
    .sort((a, b) => STRENGTH[b.c.match] - STRENGTH[a.c.match] || a.index - b.index);
  const taken = new Set<SheetField>();
  const chosen = new Map<number, { field: SheetField; match: MatchKind }>();
  for (const { c, index } of order) {
    if (taken.has(c.field)) continue;
    taken.add(c.field);
    chosen.set(index, c);
  }
  // Parts of a name are only joined when the sheet has no whole name.
  if (taken.has('name')) {
    for (const [index, c] of chosen) if ((NAME_PARTS as readonly string[]).includes(c.field)) chosen.delete(index);
  }
  return header.map((h, index) => {
    const c = chosen.get(index);
    return { index, letter: columnLetter(index), header: h, field: c?.field ?? null, match: c?.match ?? null };
  });
}

/** The choices of a list of proposals, a column left unmatched counting as ignored. */
export function choicesOf(proposals: readonly ColumnProposal[]): ColumnChoice[] {
  return proposals.map((p) => p.field ?? 'ignore');
}
