import t from 'tap';
import iconv from 'iconv-lite';
import { describeSheet, readSheet, sniffDelimiter } from '../../src/sheets/index.js';
import { cellText } from '../../src/sheets/xlsx.js';
import { csvBytes, csvText, encode, sheetOf, xlsxBytes } from './helpers.js';

const TABLE = [
  ['Nombre', 'Idiomas', 'Tipo de caso'],
  ['María Guzmán', 'Mixteco, español', 'Naturalización'],
  ['Kou Xiong', 'Hmong; inglés', 'N-400'],
];

t.test('sniffs a comma-separated file', async (t) => {
  const sheet = await sheetOf(csvBytes(TABLE, ','));
  t.equal(sheet.delimiter, ',');
  t.same(sheet.rows, TABLE.slice(1));
});

t.test('sniffs a semicolon-separated file', async (t) => {
  const sheet = await sheetOf(csvBytes(TABLE, ';'));
  t.equal(sheet.delimiter, ';');
  t.same(sheet.header, TABLE[0]);
  t.same(sheet.rows, TABLE.slice(1));
});

t.test('sniffs a tab-separated file', async (t) => {
  const sheet = await sheetOf(csvBytes(TABLE, '\t'));
  t.equal(sheet.delimiter, '\t');
  t.same(sheet.rows, TABLE.slice(1));
});

t.test('is not fooled by unquoted commas in the values of a semicolon file', async (t) => {
  const text = 'Nombre;Idiomas;Disponible\nAna;es, en, mix;9:00-12:00, 13:00-16:00\nBo;es, en;9-12, 1-4\n';
  t.equal(sniffDelimiter(text), ';');
});

t.test('is not fooled by semicolons inside quoted fields of a comma file', async (t) => {
  const text = 'name,languages,available\n"Ana; Bo","es;en;mix","09:00-12:00;13:00-16:00"\nCy,"es;en","09:00-12:00;13:00-16:00"\n';
  const sheet = await sheetOf(Buffer.from(text));
  t.equal(sheet.delimiter, ',');
  t.same(sheet.rows, [['Ana; Bo', 'es;en;mix', '09:00-12:00;13:00-16:00'], ['Cy', 'es;en', '09:00-12:00;13:00-16:00']]);
});

t.test('reads quoted fields with embedded delimiters, quotes and line breaks, counting a spanning field as one row', async (t) => {
  const text = 'Nombre;Notas;Idiomas\r\n"Guzmán; María";"dice ""hola""\r\ny adiós";es\r\nBo;"a,b;c";en\r\n';
  const sheet = await sheetOf(Buffer.from(text));
  t.same(sheet.rows, [['Guzmán; María', 'dice "hola"\r\ny adiós', 'es'], ['Bo', 'a,b;c', 'en']]);
  t.same(sheet.rowNumbers, [2, 3]);
});

t.test('skips blank rows but keeps the row numbers a spreadsheet shows', async (t) => {
  const text = 'name,languages\n\nAna,"es\nen"\n,\n  ,  \nBo,en\n';
  const sheet = await sheetOf(Buffer.from(text));
  t.same(sheet.rows, [['Ana', 'es\nen'], ['Bo', 'en']]);
  t.same(sheet.rowNumbers, [3, 6]);
});

t.test('follows Excel\'s sep= line and does not count it as a row', async (t) => {
  const sheet = await sheetOf(Buffer.from('sep=;\r\nname;languages\r\nAna, Bo;es\r\n'));
  t.equal(sheet.delimiter, ';');
  t.same(sheet.header, ['name', 'languages']);
  t.same(sheet.rows, [['Ana, Bo', 'es']]);
  t.same(sheet.rowNumbers, [2]);
});

t.test('uses the delimiter and encoding a caller gives', async (t) => {
  const bytes = encode('a;b,c\nx;y,z\n', 'windows-1252');
  const sheet = await sheetOf(bytes, 'x.csv', { delimiter: ',', encoding: 'utf-8' });
  t.same(sheet.header, ['a;b', 'c']);
  t.equal(sheet.encoding, 'utf-8');
});

t.test('trims the header and cells and makes every row as wide as the widest', async (t) => {
  const sheet = await sheetOf(Buffer.from(' Nombre , Idiomas ,,\nAna, es ,,\nBo,en,extra,\n'));
  t.same(sheet.header, ['Nombre', 'Idiomas', '']);
  t.same(sheet.rows, [['Ana', 'es', ''], ['Bo', 'en', 'extra']]);
});

t.test('reads mixed and old-Mac line ends', async (t) => {
  const sheet = await sheetOf(Buffer.from('a,b\r\n1,2\r3,4\n5,6'));
  t.same(sheet.rows, [['1', '2'], ['3', '4'], ['5', '6']]);
  t.same(sheet.rowNumbers, [2, 3, 4]);
});

t.test('reads a stray quote inside an unquoted value as text', async (t) => {
  const sheet = await sheetOf(Buffer.from('name,height\nAna,5" tall\n'));
  t.same(sheet.rows, [['Ana', '5" tall']]);
});

const ACCENTED = [['Nombre', 'Idiomas'], ['Xóchitl Núñez', 'español'], ['Ángel Peña', 'inglés, français']];

t.test('decodes UTF-8 without a BOM', async (t) => {
  const sheet = await sheetOf(csvBytes(ACCENTED, ',', 'utf-8'));
  t.equal(sheet.encoding, 'utf-8');
  t.same(sheet.rows, ACCENTED.slice(1));
});

t.test('decodes UTF-8 with a BOM, which is not part of the first header', async (t) => {
  const sheet = await sheetOf(csvBytes(ACCENTED, ';', 'utf-8-bom'));
  t.equal(sheet.encoding, 'utf-8-bom');
  t.equal(sheet.header[0], 'Nombre');
  t.same(sheet.rows, ACCENTED.slice(1));
});

t.test('decodes Windows-1252 when the bytes are not UTF-8', async (t) => {
  const bytes = iconv.encode(csvText(ACCENTED, ';'), 'windows-1252');
  const sheet = await sheetOf(bytes);
  t.equal(sheet.encoding, 'windows-1252');
  t.same(sheet.rows, ACCENTED.slice(1));
  t.equal(describeSheet(sheet), 'read as semicolon-separated text, Windows-1252 (Western European)');
});

t.test('decodes UTF-16 little-endian with a BOM (Excel\'s "Unicode text", tab-separated)', async (t) => {
  const rows = [['Nombre', 'Idiomas'], ['ਗੁਰਪ੍ਰੀਤ ਕੌਰ', 'ਪੰਜਾਬੀ'], ['Nguyễn Văn An', 'Tiếng Việt']];
  const sheet = await sheetOf(csvBytes(rows, '\t', 'utf-16le'));
  t.equal(sheet.encoding, 'utf-16le');
  t.equal(sheet.delimiter, '\t');
  t.same(sheet.rows, rows.slice(1));
  t.equal(describeSheet(sheet), 'read as tab-separated text, UTF-16 (Unicode text)');
});

t.test('decodes UTF-16 big-endian with a BOM', async (t) => {
  const rows = [['Nombre', 'Idiomas'], ['王芳', '中文']];
  const sheet = await sheetOf(csvBytes(rows, ',', 'utf-16be'));
  t.equal(sheet.encoding, 'utf-16be');
  t.same(sheet.rows, rows.slice(1));
});

t.test('decodes UTF-16 written without a BOM', async (t) => {
  const text = csvText([['name', 'languages'], ['Ana', 'es']]);
  t.equal((await sheetOf(iconv.encode(text, 'utf-16le'))).encoding, 'utf-16le');
  t.equal((await sheetOf(iconv.encode(text, 'utf-16be'))).encoding, 'utf-16be');
  t.same((await sheetOf(iconv.encode(text, 'utf-16be'))).rows, [['Ana', 'es']]);
});

t.test('reads an XLSX workbook: numbers without ".0", dates, times, booleans, blank rows skipped but counted', async (t) => {
  const bytes = await xlsxBytes([
    ['Nombre', 'Teléfono', 'Fecha límite', 'Llega', 'Máx.', 'Activo', 'Fracción'],
    ['María', 5595550101, { value: new Date(Date.UTC(2027, 2, 13)), type: Date, format: 'dd/mm/yyyy' },
      { value: new Date(Date.UTC(1899, 11, 30, 9, 30)), type: Date, format: 'hh:mm' }, 4, true, 0.1 + 0.2],
    [null, null, null, null, null, null, null],
    ['Bo', '559-555-0102', { value: new Date(Date.UTC(2027, 5, 1, 14, 5)), type: Date, format: 'dd/mm/yyyy hh:mm' }, null, 4.5, false, -2],
  ]);
  const sheet = await sheetOf(bytes, 'solicitantes.xlsx');
  t.equal(sheet.format, 'xlsx');
  t.equal(sheet.sheetName, 'Hoja 1');
  t.same(sheet.sheetNames, ['Hoja 1']);
  t.same(sheet.header, ['Nombre', 'Teléfono', 'Fecha límite', 'Llega', 'Máx.', 'Activo', 'Fracción']);
  t.same(sheet.rows, [
    ['María', '5595550101', '2027-03-13', '09:30', '4', 'TRUE', '0.3'],
    ['Bo', '559-555-0102', '2027-06-01 14:05', '', '4.5', 'FALSE', '-2'],
  ]);
  t.same(sheet.rowNumbers, [2, 4]);
  t.equal(describeSheet(sheet), 'read as an Excel workbook, sheet "Hoja 1"');
});

t.test('reads XLSX by its content whatever the file is called, and CSV named .xlsx as CSV', async (t) => {
  const xlsx = await sheetOf(await xlsxBytes([['name'], ['Ana']]), 'export.csv');
  t.equal(xlsx.format, 'xlsx');
  const csv = await sheetOf(Buffer.from('name\nAna\n'), 'export.xlsx');
  t.equal(csv.format, 'csv');
  t.same(csv.rows, [['Ana']]);
});

t.test('keeps the column positions of an XLSX sheet whose first column is empty', async (t) => {
  const sheet = await sheetOf(await xlsxBytes([[null, 'Nombre', 'Idiomas'], [null, 'Ana', 'es']]));
  t.same(sheet.header, ['', 'Nombre', 'Idiomas']);
  t.same(sheet.rows, [['', 'Ana', 'es']]);
});

t.test('reads the sheet a caller names, and by default the first with rows', async (t) => {
  const bytes = await xlsxBytes({ Portada: [], Voluntarios: [['Nombre'], ['Ana']], Solicitantes: [['Nombre'], ['Bo']] });
  const first = await sheetOf(bytes, 'libro.xlsx');
  t.equal(first.sheetName, 'Voluntarios');
  t.same(first.sheetNames, ['Portada', 'Voluntarios', 'Solicitantes']);
  t.same((await sheetOf(bytes, 'libro.xlsx', { sheet: 'Solicitantes' })).rows, [['Bo']]);
  const missing = await readSheet(bytes, 'libro.xlsx', { sheet: 'Hoja3' });
  t.same(missing, {
    ok: false, reason: 'sheet_not_found', problem: 'libro.xlsx: the workbook has no sheet named "Hoja3" (its sheets: "Portada", "Voluntarios", "Solicitantes")',
    params: { file: 'libro.xlsx', sheet: 'Hoja3', sheets: ['Portada', 'Voluntarios', 'Solicitantes'] },
  });
});

t.test('says an empty file is empty', async (t) => {
  t.same(await readSheet(Buffer.alloc(0), 'vacío.csv'), { ok: false, reason: 'empty', problem: 'vacío.csv: the file is empty', params: { file: 'vacío.csv' } });
  t.match(await readSheet(encode('\r\n\r\n', 'utf-8-bom'), 'blank.csv'), { ok: false, reason: 'empty' });
  t.match(await readSheet(Buffer.from(',,\n;;\n'), 'commas.csv'), { ok: false, reason: 'empty' });
});

t.test('says an XLSX sheet with no rows has none', async (t) => {
  const result = await readSheet(await xlsxBytes([[null]]), 'libro.xlsx');
  t.same(result, { ok: false, reason: 'no_rows', problem: 'libro.xlsx: the sheet "Hoja 1" has no rows: it is empty', params: { file: 'libro.xlsx', sheet: 'Hoja 1' } });
});

t.test('says an empty header row must name the columns', async (t) => {
  const result = await readSheet(Buffer.from(',,\nAna,es,n400\n'), 'sin-encabezado.csv');
  t.match(result, { ok: false, reason: 'empty_header', problem: /^sin-encabezado\.csv: row 1 of the file is empty: the first row must name the columns/ });
  const xlsx = await readSheet(await xlsxBytes([[null, null], ['Ana', 'es']]), 'libro.xlsx');
  t.match(xlsx, { ok: false, reason: 'empty_header', problem: /^libro\.xlsx: row 1 of the sheet "Hoja 1" is empty/, params: { file: 'libro.xlsx', sheet: 'Hoja 1' } });
});

t.test('says a header with no rows under it has no people', async (t) => {
  t.match(await readSheet(Buffer.from('name,languages\n\n'), 'solo.csv'), {
    ok: false, reason: 'no_data_rows', problem: 'solo.csv: the file has the column names in row 1 but no rows of people under them',
  });
  const xlsx = await readSheet(await xlsxBytes([['Nombre', 'Idiomas']]), 'libro.xlsx');
  t.same(xlsx, {
    ok: false, reason: 'no_data_rows', problem: 'libro.xlsx: the sheet "Hoja 1" has the column names in row 1 but no rows of people under them',
    params: { file: 'libro.xlsx', sheet: 'Hoja 1' },
  });
});

t.test('says an old .xls, an .ods, a PDF, a zip that is no workbook and binary bytes are not spreadsheets it reads', async (t) => {
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
  t.match(await readSheet(ole, 'viejo.xls'), { ok: false, reason: 'old_excel', problem: /^viejo\.xls: this is an old Excel file \(\.xls\)/ });
  const ods = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]);
  t.match(await readSheet(ods, 'hoja.ods'), { ok: false, reason: 'opendocument' });
  t.match(await readSheet(Buffer.from('%PDF-1.7\n...'), 'lista.pdf'), { ok: false, reason: 'pdf', problem: /PDF/ });
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
  t.match(await readSheet(zip, 'lista.xlsx'), { ok: false, reason: 'not_xlsx', problem: /^lista\.xlsx: this is a zip file but not an Excel workbook/ });
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  t.match(await readSheet(binary, 'foto.png'), { ok: false, reason: 'not_a_spreadsheet', problem: /^foto\.png: this is not a spreadsheet/ });
});

t.test('says where a quote that never closes starts', async (t) => {
  const result = await readSheet(Buffer.from('name,notes\nAna,ok\nBo,"never closed\nCy,x\n'), 'lista.csv');
  t.match(result, { ok: false, reason: 'unreadable_csv', problem: /^lista\.csv: a value in row 3 opens a double quote/, params: { file: 'lista.csv', row: 3 } });
});

t.test('reads a closing quote followed by more text as text', async (t) => {
  const sheet = await sheetOf(Buffer.from('name,notes\nAna,"closed"then text\n'));
  t.same(sheet.rows, [['Ana', '"closed"then text']]);
});

t.test('reads a cell value no workbook cell gives (not a finite number, an invalid date) as empty', async (t) => {
  t.same([cellText(Number.NaN), cellText(Number.POSITIVE_INFINITY), cellText(new Date(Number.NaN)), cellText(undefined), cellText(1e21)],
    ['', '', '', '', '1e+21']);
});
