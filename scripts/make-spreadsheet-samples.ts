#!/usr/bin/env -S npx tsx
// Writes static/samples/spreadsheets/: the Fresno sample's volunteers and applicants as a
// coordinator in a Spanish-speaking office keeps them, to try the spreadsheet import with.
//
//   volunteers-es.csv, applicants-es.csv   Spanish headers and values, separated by semicolons,
//                                          Windows-1252, CRLF: what Excel's plain "CSV" writes
//                                          on a Windows set to Spanish
//   applicants-es.xlsx                     the applicants as an Excel workbook (sheet
//                                          "Solicitantes"), deadlines as date cells
//
// Run once with `npx tsx scripts/make-spreadsheet-samples.ts`; the outputs are committed (the
// tests read them). The workbook records when it was written, so its bytes differ each run. Windows-1252 has no Gurmukhi, so in the CSV the one applicant whose name
// is written in Gurmukhi has it in Latin letters, as a coordinator would type it; the workbook
// keeps it as written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FROM = join(ROOT, 'static/samples/fresno-saturday');
const TO = join(ROOT, 'static/samples/spreadsheets');

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(join(FROM, file)), { columns: true, bom: true }) as Row[];

const LANGUAGE = { es: 'español', en: 'inglés', pa: 'panyabí', hi: 'hindi', mix: 'mixteco', zap: 'zapoteco', trs: 'triqui', hmn: 'hmong' } as Record<string, string>;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "mix;es" → "Mixteco y español"; three or more: "Mixteco, español y inglés". */
function languages(codes: string): string {
  const names = codes.split(';').map((c) => LANGUAGE[c]!);
  const text = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} y ${names.at(-1)}`;
  return capital(text);
}

const CASE_TYPE: Record<string, string> = {
  daca_renewal: 'Renovación de DACA',
  daca_initial: 'DACA primera vez',
  n400: 'Ciudadanía (N-400)',
  labor_deferred_action: 'Acción diferida laboral',
  tps: 'TPS',
  ead_renewal: 'Renovación de permiso de trabajo',
  advance_parole: 'Permiso adelantado',
  i90: 'Renovación de mica (I-90)',
  family_petition: 'Petición familiar',
  consultation: 'Consulta legal',
};
const COMPLEXITY: Record<string, string> = { '': '', straightforward: 'Sencillo', moderate: 'Moderado', complex: 'Complejo' };
const FLAG: Record<string, string> = {
  criminal_history: 'antecedentes penales', prior_removal: 'deportación previa', prior_denial: 'solicitud negada',
  in_proceedings: 'en corte de inmigración', fraud_misrep: 'fraude', unlawful_reentry: 'reingreso ilegal',
};
const flags = (codes: string) => capital(codes.split(';').filter(Boolean).map((c) => FLAG[c]!).join(', '));
const ROLE: Record<string, string> = {
  attorney: 'Abogado/a', accredited_rep: 'Representante acreditado/a', law_student: 'Estudiante de derecho',
  paralegal: 'Asistente legal', form_filler: 'Llenado de formularios', screener: 'Evaluador/a', interpreter: 'Intérprete',
  general: 'Voluntario/a',
};
/** "09:00-11:30;13:30-16:00" → "9:00 a 11:30 y 13:30 a 16:00". */
const hours = (windows: string) => windows.split(';').filter(Boolean)
  .map((w) => w.split('-').map((t) => t.replace(/^0/, '')).join(' a ')).join(' y ');
/** "2027-07-12" → "12/07/2027", as Excel in Spanish shows a date. */
const fecha = (iso: string) => (iso ? iso.split('-').reverse().join('/') : '');
const LATIN_NAMES: Record<string, string> = { 'ਗੁਰਪ੍ਰੀਤ ਕੌਰ': 'Gurpreet Kaur' };

const volunteers = read('volunteers.csv');
const applicants = read('applicants.csv');
const byId = new Map(volunteers.map((v) => [v.id!, v.name!]));

const volunteerSheet: string[][] = [
  ['Nombre', 'Apellidos', 'Correo electrónico', 'Teléfono', 'Rol', 'Idiomas', 'Tipos de caso', 'Acreditación', 'Organización',
    'Supervisor(a)', 'Horario', 'Máx. solicitantes'],
  ...volunteers.map((v) => {
    const [first, ...last] = v.name!.split(' ');
    return [first!, last.join(' '), v.email!, v.phone!, ROLE[v.role!]!, languages(v.languages!),
      v.case_types!.split(';').filter(Boolean).map((c) => CASE_TYPE[c]).join(', '),
      v.accreditation === 'full' ? 'Completa' : v.accreditation === 'partial' ? 'Parcial' : '',
      v.org!, v.supervisor ? byId.get(v.supervisor)! : '', hours(v.available!), v.max_applicants!];
  }),
];

const applicantHeader = ['Folio', 'Nombre completo', 'Teléfono', 'Correo electrónico', 'Idiomas', 'Tipo de caso', 'Complejidad',
  'Alertas', 'Familia', 'Disponible', 'Fecha de vencimiento', 'Prioridad'];
const applicantRow = (a: Row, name: string): string[] => [a.id!, name, a.phone!, a.email!, languages(a.languages!),
  CASE_TYPE[a.case_type!]!, COMPLEXITY[a.complexity!]!, flags(a.flags!), a.household!, hours(a.available!), fecha(a.deadline!),
  a.priority!];
const applicantSheet = [applicantHeader, ...applicants.map((a) => applicantRow(a, LATIN_NAMES[a.name!] ?? a.name!))];

const windows1252 = (rows: string[][]) =>
  iconv.encode(stringify(rows, { delimiter: ';', record_delimiter: 'windows' }), 'windows-1252');

mkdirSync(TO, { recursive: true });
writeFileSync(join(TO, 'volunteers-es.csv'), windows1252(volunteerSheet));
writeFileSync(join(TO, 'applicants-es.csv'), windows1252(applicantSheet));

// The workbook: names as written, deadlines as date cells, priorities as numbers.
const cells: SheetData = [
  applicantHeader.map((value) => ({ value, fontWeight: 'bold' as const })),
  ...applicants.map((a) => {
    const row = applicantRow(a, a.name!);
    const [y, m, d] = (a.deadline ?? '').split('-').map(Number);
    return row.map((value, i) => {
      if (i === 10) return a.deadline ? { value: new Date(Date.UTC(y!, m! - 1, d!)), type: Date, format: 'dd/mm/yyyy' } : null;
      if (i === 11) return a.priority ? Number(a.priority) : null;
      return value === '' ? null : value;
    });
  }),
];
await writeXlsxFile(cells, { sheet: 'Solicitantes', stickyRowsCount: 1 }).toFile(join(TO, 'applicants-es.xlsx'));
process.stdout.write(`wrote ${TO}: volunteers-es.csv, applicants-es.csv, applicants-es.xlsx\n`);
