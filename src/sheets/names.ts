/**
 * The words people write in a spreadsheet for Taller's codes: languages (in English, in
 * Spanish and in their own names), case types, roles, accreditation, complexity and red
 * flags. Keys are written naturally here and compared in normal form (see `normalize`).
 */

/**
 * Languages by code, beyond the catalog's English and Spanish names (which count too): their
 * own names (endonyms) in their own scripts, the names clinics and communities use, common
 * spellings, and ISO 639-2/3 codes that mean a catalog language.
 */
export const LANGUAGE_NAMES: Readonly<Record<string, readonly string[]>> = {
  // Indigenous languages of Mexico
  mix: ['Mixtec', 'Mixteca', 'Mixteco alto', 'Mixteco bajo', "Tu'un savi", "Tu'un sávi", 'Tuun savi', "Da'an davi", "Sahan savi", 'Ñuu savi'],
  zap: ['Zapotec', 'Zapoteca', 'Zapoteco del valle', 'Zapoteco de la sierra', 'Diidxazá', 'Didxazá', 'Dizhsa'],
  trs: ['Triqui', 'Trique', 'Triqui de Copala', 'Triqui de San Juan Copala'],
  nah: ['Nahuatl', 'Náhuatl', 'Nahua', 'Nawatl', 'Mexicano (náhuatl)'],
  tsz: ['Purepecha', "P'urhépecha", 'Purhépecha', 'Tarasco', 'Tarascan'],
  tzo: ['Tzotzil', 'Tsotsil', "Bats'i k'op"],
  tzh: ['Tzeltal', 'Tseltal', "Bats'il k'op"],
  maz: ['Mazahua', 'Jñatjo', 'Jnatjo'],
  chq: ['Chinanteco', 'Chinantec'],
  yua: ['Maya', 'Maya yucateco', 'Yucatec Maya', 'Yucatec', 'Mayan', "Maaya t'aan"],
  // Mayan languages of Guatemala
  mam: ['Mam', 'Mame', "Qyol Mam"],
  quc: ["K'iche'", 'Kiche', 'Quiché', 'Quiche', "K'iche"],
  kjb: ["Q'anjob'al", 'Qanjobal', 'Kanjobal', "Q'anjobal", 'Kanjobal maya'],
  cak: ['Kaqchikel', 'Cakchiquel', 'Kakchiquel'],
  kek: ["Q'eqchi'", 'Qeqchi', 'Kekchi', 'Kekchí', "Q'eqchi"],
  ixl: ['Ixil'],
  jac: ["Popti'", 'Popti', 'Jakalteko', 'Jacalteco', 'Jakaltek'],
  acc: ['Achi', 'Achí'],
  // Widely spoken at clinics in the United States
  en: ['English', 'Inglés', 'Ingles', 'eng'],
  es: ['Spanish', 'Español', 'Espanol', 'Castellano', 'Castilian', 'spa', 'Spanish/Español'],
  pt: ['Portuguese', 'Português', 'Portugues', 'por'],
  fr: ['French', 'Français', 'Francés', 'fra', 'fre'],
  ht: ['Haitian Creole', 'Haitian', 'Creole', 'Kreyòl', 'Kreyol', 'Kreyòl ayisyen', 'Kreyol ayisyen', 'Criollo haitiano', 'Creole haitiano', 'Créole', 'hat'],
  zh: ['Chinese', 'Chino', '中文', '汉语', '漢語', '华语', '華語', 'zho', 'chi'],
  yue: ['Cantonese', 'Cantonés', 'Chino cantonés', 'Cantonese Chinese', '粵語', '粤语', '廣東話', '广东话', 'Toisan', 'Taishanese'],
  cmn: ['Mandarin', 'Mandarín', 'Chino mandarín', 'Mandarin Chinese', '普通话', '普通話', '国语', '國語', '官话'],
  vi: ['Vietnamese', 'Vietnamita', 'Tiếng Việt', 'Tieng Viet', 'vie'],
  tl: ['Tagalog', 'Tagalo', 'Filipino', 'Pilipino', 'Wikang Tagalog', 'Wikang Filipino', 'fil', 'tgl'],
  ko: ['Korean', 'Coreano', '한국어', '한국말', '조선말', 'kor'],
  ja: ['Japanese', 'Japonés', '日本語', 'jpn'],
  hmn: ['Hmong', 'Hmoob', 'Lus Hmoob', 'Hmong Daw', 'Hmong Njua', 'Mong Leng', 'White Hmong', 'Green Hmong'],
  km: ['Khmer', 'Jemer', 'Cambodian', 'Camboyano', 'ខ្មែរ', 'ភាសាខ្មែរ', 'khm'],
  lo: ['Lao', 'Laotian', 'Laosiano', 'ລາວ', 'ພາສາລາວ', 'lao'],
  th: ['Thai', 'Tailandés', 'ไทย', 'ภาษาไทย', 'tha'],
  my: ['Burmese', 'Birmano', 'Myanmar', 'မြန်မာ', 'မြန်မာစာ', 'bur', 'mya'],
  pa: ['Punjabi', 'Panjabi', 'Panyabí', 'Punyabí', 'Punjabí', 'ਪੰਜਾਬੀ', 'پنجابی', 'pan'],
  hi: ['Hindi', 'हिन्दी', 'हिंदी', 'hin'],
  ur: ['Urdu', 'اردو', 'urd'],
  bn: ['Bengali', 'Bangla', 'বাংলা', 'ben'],
  ne: ['Nepali', 'Nepalí', 'नेपाली', 'nep'],
  gu: ['Gujarati', 'Guyaratí', 'ગુજરાતી', 'guj'],
  ta: ['Tamil', 'தமிழ்', 'tam'],
  te: ['Telugu', 'తెలుగు', 'tel'],
  ar: ['Arabic', 'Árabe', 'العربية', 'عربي', 'ara'],
  fa: ['Persian', 'Farsi', 'Persa', 'فارسی', 'per', 'fas'],
  prs: ['Dari', 'دری'],
  ps: ['Pashto', 'Pashtu', 'Pastún', 'پښتو', 'pus'],
  ku: ['Kurdish', 'Kurdo', 'Kurdî', 'کوردی', 'kur'],
  tr: ['Turkish', 'Turco', 'Türkçe', 'tur'],
  hy: ['Armenian', 'Armenio', 'Հայերեն', 'arm', 'hye'],
  ru: ['Russian', 'Ruso', 'Русский', 'rus'],
  uk: ['Ukrainian', 'Ucraniano', 'Українська', 'ukr'],
  pl: ['Polish', 'Polaco', 'Polski', 'pol'],
  ro: ['Romanian', 'Rumano', 'Română', 'rum', 'ron'],
  so: ['Somali', 'Somalí', 'Soomaali', 'som'],
  am: ['Amharic', 'Amárico', 'አማርኛ', 'amh'],
  ti: ['Tigrinya', 'Tigriña', 'ትግርኛ', 'tir'],
  sw: ['Swahili', 'Suajili', 'Kiswahili', 'swa'],
  ff: ['Fula', 'Fulani', 'Fulfulde', 'Pulaar', 'ful'],
  wo: ['Wolof', 'Wólof', 'wol'],
  ln: ['Lingala', 'lin'],
  rw: ['Kinyarwanda', 'kin'],
  ase: ['ASL', 'American Sign Language', 'Lengua de señas americana', 'Lenguaje de señas americano'],
};

/**
 * Case types of the default catalog by the labels people write: the catalog's English and
 * Spanish names count too, and so does each event's own code with spaces for underscores.
 * "DACA" alone is not here: it could be a renewal or a first request, so the coordinator says which.
 */
export const CASE_TYPE_LABELS: Readonly<Record<string, readonly string[]>> = {
  daca_renewal: ['DACA renewal', 'Renew DACA', 'DACA (renewal)', 'DACA renovación', 'Renovación de DACA', 'Renovación DACA',
    'Renovar DACA', 'DACA renew', 'DACA - renewal', 'Renovación de Acción Diferida (DACA)'],
  daca_initial: ['DACA initial', 'Initial DACA', 'DACA initial request', 'DACA first time', 'First-time DACA', 'DACA inicial',
    'DACA primera vez', 'Primera vez DACA', 'Solicitud inicial de DACA', 'DACA nuevo', 'Nuevo DACA'],
  n400: ['N-400', 'N400', 'Naturalization', 'Naturalisation', 'Citizenship', 'US citizenship', 'Citizenship application',
    'Naturalización', 'Ciudadanía', 'Ciudadania', 'Solicitud de ciudadanía', 'Ciudadanía (N-400)', 'Citizenship (N-400)',
    'Hacerse ciudadano', 'Ciudadanía estadounidense'],
  labor_deferred_action: ['Labor deferred action', 'Labor-based deferred action', 'Deferred action (labor)', 'DALE',
    'Acción diferida laboral', 'Acción diferida por trabajo', 'Acción diferida para trabajadores', 'Deferred action for workers'],
  tps: ['TPS', 'Temporary Protected Status', 'TPS renewal', 'TPS re-registration', 'Renovación de TPS', 'Renovación TPS',
    'Estatus de Protección Temporal', 'Estatus de protección temporal', 'Reinscripción de TPS', 'I-821'],
  ead_renewal: ['EAD renewal', 'EAD', 'Work permit renewal', 'Work permit', 'Employment authorization',
    'Employment authorization renewal', 'I-765', 'Permiso de trabajo', 'Renovación de permiso de trabajo',
    'Renovación del permiso de trabajo', 'Renovación de EAD', 'Autorización de empleo'],
  advance_parole: ['Advance parole', 'Parole', 'Travel permit', 'Travel document', 'I-131', 'Permiso adelantado',
    'Permiso de viaje', 'Permiso para viajar', 'Advance parole (I-131)'],
  i90: ['I-90', 'I90', 'Green card renewal', 'Green card replacement', 'Renew green card', 'Replace green card',
    'Permanent resident card renewal', 'Renovación de green card', 'Renovación de la green card', 'Renovación de mica',
    'Renovación de la mica', 'Renovación de residencia', 'Renovación de tarjeta de residente', 'Reemplazo de green card',
    'Reposición de tarjeta de residente', 'Tarjeta verde', 'Green card'],
  family_petition: ['Family petition', 'Family-based petition', 'Family based petition', 'Petition for relative', 'I-130',
    'Petición familiar', 'Peticion familiar', 'Petición de familiar', 'Pedir a un familiar', 'Petición para familiar'],
  consultation: ['Consultation', 'Legal consultation', 'Consult', 'Legal advice', 'Screening only', 'Consulta', 'Consulta legal',
    'Consulta general', 'Asesoría', 'Asesoría legal', 'Orientación legal'],
};

/** Words meaning "every case type" in a volunteer's case types: the cell is then left empty. */
export const ALL_CASE_TYPES = ['All', 'All cases', 'All types', 'Any', 'Everything', 'Todos', 'Todas', 'Todos los casos',
  'Todo', 'Cualquiera', 'Cualquier caso'];

/**
 * Form numbers and words that name one case type inside a longer label ("N-400 with fee
 * waiver", "Renovación DACA 2027"). A label whose words name exactly one case type this way
 * is proposed as that type.
 */
export const CASE_TYPE_CLUES: readonly { code: string; all: readonly RegExp[] }[] = [
  { code: 'n400', all: [/\bn ?400\b/] },
  { code: 'n400', all: [/\b(naturali[sz]|ciudadan|citizenship)/] },
  { code: 'i90', all: [/\bi ?90\b/] },
  { code: 'i90', all: [/\b(green card|mica|tarjeta de residen|residencia|tarjeta verde)/, /\b(renov|renew|replace|reempla|reposici)/] },
  { code: 'family_petition', all: [/\bi ?130\b/] },
  { code: 'advance_parole', all: [/\bi ?131\b/] },
  { code: 'advance_parole', all: [/\b(advance parole|permiso adelantado)/] },
  { code: 'ead_renewal', all: [/\bi ?765\b/] },
  { code: 'ead_renewal', all: [/\b(work permit|permiso de trabajo|ead)\b/] },
  { code: 'tps', all: [/\btps\b/] },
  { code: 'daca_renewal', all: [/\bdaca\b/, /\b(renov|renew)/] },
  { code: 'daca_initial', all: [/\bdaca\b/, /\b(inicial|initial|primera vez|first)/] },
  { code: 'labor_deferred_action', all: [/\b(deferred action|accion diferida)\b/, /\b(labor|laboral|trabaj|worker)/] },
];

/** Roles by the names people write, in English and Spanish, for one person of any gender. */
export const ROLE_LABELS: Readonly<Record<string, readonly string[]>> = {
  attorney: ['Attorney', 'Lawyer', 'Immigration attorney', 'Licensed attorney', 'Atty', 'Esq', 'Abogado', 'Abogada',
    'Abogado/a', 'Abogada/o', 'Abogadx', 'Abogado de inmigración', 'Abogada de inmigración'],
  accredited_rep: ['Accredited representative', 'Accredited rep', 'DOJ accredited representative', 'DOJ-accredited representative',
    'DOJ rep', 'BIA accredited representative', 'Representative', 'Representante acreditado', 'Representante acreditada',
    'Representante acreditado/a', 'Representante acreditada/o', 'Representante', 'Representante del DOJ'],
  law_student: ['Law student', 'Law clerk', 'Legal intern', 'Estudiante de derecho', 'Estudiante de leyes', 'Pasante de derecho'],
  paralegal: ['Paralegal', 'Legal assistant', 'Asistente legal', 'Asistente jurídico', 'Asistente jurídica'],
  form_filler: ['Form filler', 'Form preparer', 'Document preparer', 'Form preparation', 'Forms', 'Llenador de formularios',
    'Llenadora de formularios', 'Preparador de formularios', 'Preparadora de formularios', 'Llenado de formularios',
    'Formularios', 'Preparación de formularios'],
  screener: ['Screener', 'Intake screener', 'Screening', 'Intake', 'Evaluador', 'Evaluadora', 'Entrevistador', 'Entrevistadora',
    'Evaluación', 'Revisión inicial'],
  interpreter: ['Interpreter', 'Translator', 'Interpretation', 'Intérprete', 'Interprete', 'Traductor', 'Traductora',
    'Traductor/a', 'Interpretación'],
  general: ['General', 'General volunteer', 'Volunteer', 'Greeter', 'Organizer', 'Check-in', 'Registration', 'Hospitality',
    'Voluntario', 'Voluntaria', 'Voluntario/a', 'Voluntario general', 'Voluntaria general', 'Organizador', 'Organizadora',
    'Recepción', 'Registro', 'Bienvenida', 'Apoyo general', 'Logística'],
};

export const ACCREDITATION_LABELS: Readonly<Record<string, readonly string[]>> = {
  partial: ['Partial', 'Partially accredited', 'Partial accreditation', 'Parcial', 'Acreditación parcial', 'Parcialmente acreditado'],
  full: ['Full', 'Fully accredited', 'Full accreditation', 'Completa', 'Completo', 'Plena', 'Total', 'Acreditación completa',
    'Acreditación plena', 'Totalmente acreditado'],
};

export const COMPLEXITY_LABELS: Readonly<Record<string, readonly string[]>> = {
  straightforward: ['Straightforward', 'Simple', 'Easy', 'Basic', 'Low', 'Sencillo', 'Sencilla', 'Fácil', 'Básico', 'Básica',
    'Bajo', 'Baja'],
  moderate: ['Moderate', 'Medium', 'Intermediate', 'Moderado', 'Moderada', 'Medio', 'Media', 'Intermedio', 'Intermedia', 'Regular'],
  complex: ['Complex', 'Complicated', 'Difficult', 'Hard', 'High', 'Complejo', 'Compleja', 'Complicado', 'Complicada', 'Difícil',
    'Alto', 'Alta'],
};

export const FLAG_LABELS: Readonly<Record<string, readonly string[]>> = {
  criminal_history: ['Criminal history', 'Criminal record', 'Arrests', 'Arrest', 'Convictions', 'Conviction', 'Criminal',
    'Antecedentes penales', 'Antecedentes criminales', 'Récord criminal', 'Arrestos', 'Arresto', 'Condenas', 'Delitos'],
  prior_removal: ['Prior removal', 'Prior deportation', 'Deported', 'Removal order', 'Deportation', 'Deportación previa',
    'Deportación anterior', 'Deportado', 'Deportada', 'Orden de deportación', 'Deportación'],
  prior_denial: ['Prior denial', 'Denied before', 'Previous denial', 'Denial', 'Negación previa', 'Denegación previa',
    'Solicitud negada', 'Negado antes', 'Negada antes', 'Negación anterior'],
  in_proceedings: ['In proceedings', 'Removal proceedings', 'Immigration court', 'In court', 'Court case', 'En proceso',
    'En proceso de deportación', 'En corte', 'En corte de inmigración', 'Corte de inmigración', 'Caso en corte', 'Procedimiento de deportación'],
  fraud_misrep: ['Fraud', 'Misrepresentation', 'Fraud/misrepresentation', 'Fraud or misrepresentation', 'False claim',
    'Fraude', 'Tergiversación', 'Fraude o tergiversación', 'Declaración falsa'],
  unlawful_reentry: ['Unlawful reentry', 'Illegal reentry', 'Reentry', 'Re-entry', 'Reentrada ilegal', 'Reingreso ilegal',
    'Reingreso', 'Reentrada', 'Entrada ilegal después de deportación'],
};

/** Words meaning "no red flags" (the cell is then left empty). */
export const NO_FLAGS = ['No', 'None', 'Ninguno', 'Ninguna', 'N/A', 'NA', 'Nada', 'Sin banderas', 'No flags', '-', '—', '0'];

/** Words meaning "the whole day" in an availability cell (left empty, which means the event's hours). */
export const WHOLE_DAY = ['All day', 'Whole day', 'Full day', 'Any time', 'Anytime', 'Yes', 'Sí', 'Si', 'X', 'Todo el día',
  'Todo el dia', 'Día completo', 'Cualquier hora', 'Disponible', 'Available', 'TRUE', 'VERDADERO'];

/** Names for people of the codes of fixed lists, in English and Spanish, for a page's choices. */
export const OPTION_NAMES: Readonly<Record<string, { en: string; es: string }>> = {
  attorney: { en: 'Attorney', es: 'Abogado/a' },
  accredited_rep: { en: 'DOJ-accredited representative', es: 'Representante acreditado/a (DOJ)' },
  law_student: { en: 'Law student', es: 'Estudiante de derecho' },
  paralegal: { en: 'Paralegal', es: 'Asistente legal (paralegal)' },
  form_filler: { en: 'Form filler', es: 'Llenado de formularios' },
  screener: { en: 'Screener', es: 'Evaluación inicial' },
  interpreter: { en: 'Interpreter', es: 'Intérprete' },
  general: { en: 'Greeter or organizer', es: 'Recepción u organización' },
  partial: { en: 'Partial accreditation', es: 'Acreditación parcial' },
  full: { en: 'Full accreditation', es: 'Acreditación completa' },
  straightforward: { en: 'Straightforward', es: 'Sencillo' },
  moderate: { en: 'Moderate', es: 'Moderado' },
  complex: { en: 'Complex', es: 'Complejo' },
  criminal_history: { en: 'Criminal history', es: 'Antecedentes penales' },
  prior_removal: { en: 'Prior removal (deportation)', es: 'Deportación previa' },
  prior_denial: { en: 'Prior denial', es: 'Solicitud negada antes' },
  in_proceedings: { en: 'In removal proceedings', es: 'En proceso de deportación' },
  fraud_misrep: { en: 'Fraud or misrepresentation', es: 'Fraude o tergiversación' },
  unlawful_reentry: { en: 'Unlawful reentry', es: 'Reingreso ilegal' },
};
