import iconv from 'iconv-lite';

/** How a CSV file's bytes were turned into text. */
export type SheetEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Each encoding as a coordinator knows it from a spreadsheet app's "Save as" list. */
export const ENCODING_NAMES: Readonly<Record<SheetEncoding, string>> = Object.freeze({
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16 (Unicode text)',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252 (Western European)',
});

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The encoding a byte order mark announces, if the bytes start with one. */
function bomOf(bytes: Uint8Array): SheetEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 written without a byte order mark: a text whose first characters are Latin letters
 * or digits has every other byte zero. Spreadsheet apps always write the mark; this catches
 * files made by other tools.
 */
function bomlessUtf16(bytes: Uint8Array): SheetEncoding | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = Math.min(bytes.length, 64);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = sample / 2;
  if (oddZero === pairs && evenZero === 0) return 'utf-16le';
  if (evenZero === pairs && oddZero === 0) return 'utf-16be';
  return null;
}

function decodeAs(bytes: Uint8Array, encoding: SheetEncoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const skip = bomOf(bytes) === encoding ? (encoding === 'utf-8-bom' ? 3 : 2) : 0;
  const body = buffer.subarray(skip);
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    case 'utf-16le':
      return iconv.decode(body, 'utf-16le', { stripBOM: false });
    case 'utf-16be':
      return iconv.decode(body, 'utf-16be', { stripBOM: false });
    case 'windows-1252':
      return iconv.decode(body, 'windows-1252', { stripBOM: false });
  }
}

/**
 * Bytes to text: by the byte order mark when there is one (UTF-8, UTF-16 little- or
 * big-endian), else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel's
 * plain "CSV" writes on a Windows set to Spanish or English). A caller that knows better
 * passes the encoding.
 */
export function decodeText(bytes: Uint8Array, forced?: SheetEncoding): { text: string; encoding: SheetEncoding } {
  if (forced) return { text: decodeAs(bytes, forced), encoding: forced };
  const bom = bomOf(bytes) ?? bomlessUtf16(bytes);
  if (bom) return { text: decodeAs(bytes, bom), encoding: bom };
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeAs(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}
