/**
 * Reads back the PDF Chromium prints (Skia's writer: PDF 1.4, no object streams, text shown
 * as glyph ids of Type0 fonts with a ToUnicode map): its pages, each page's size and the text
 * on it, in the order it is drawn. Enough to count pages and to ask what each page says; not a
 * PDF reader for anything else.
 */
import { inflateSync } from 'node:zlib';

export interface PdfPage {
  /** Width and height in points (1/72 inch). */
  width: number;
  height: number;
  /** The page's text runs, joined by spaces (one run per `Tj` or `TJ`). */
  text: string;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** Every `N 0 obj … endobj`, with its dictionary as text and its stream, inflated. */
function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const start = /(\d+) 0 obj\s*/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    const streamAt = text.indexOf('stream', from);
    const endAt = text.indexOf('endobj', from);
    if (streamAt !== -1 && streamAt < endAt && text.slice(from, streamAt).trimEnd().endsWith('>>')) {
      const dict = text.slice(from, streamAt);
      let begin = streamAt + 'stream'.length;
      if (text[begin] === '\r') begin++;
      if (text[begin] === '\n') begin++;
      const length = Number(/\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? -1);
      const end = length >= 0 ? begin + length : text.indexOf('endstream', begin);
      const raw = pdf.subarray(begin, end);
      let stream: Buffer = raw;
      if (dict.includes('/FlateDecode')) {
        try {
          stream = inflateSync(raw);
        } catch {
          stream = raw;
        }
      }
      objects.set(Number(m[1]), { dict, stream });
      start.lastIndex = end;
    } else {
      objects.set(Number(m[1]), { dict: text.slice(from, endAt), stream: null });
      start.lastIndex = endAt;
    }
  }
  return objects;
}

const refOf = (dict: string, key: string) => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** A ToUnicode CMap: glyph code (hex) to text. */
function cmapOf(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const unicode = (hex: string) => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(pair[1]!.toUpperCase(), unicode(pair[2]!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(range[1]!, 16);
      const hi = parseInt(range[2]!, 16);
      const width = range[1]!.length;
      const targets = range[3]!.startsWith('[') ? [...range[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((t) => t[1]!) : null;
      for (let code = lo; code <= hi; code++) {
        const key = code.toString(16).toUpperCase().padStart(width, '0');
        if (targets) map.set(key, unicode(targets[code - lo] ?? ''));
        else {
          const base = range[3]!.slice(1, -1);
          const last = parseInt(base.slice(-4), 16) + (code - lo);
          map.set(key, unicode(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return map;
}

/** The pages of a PDF, in order, with their size and text. */
export function readPdf(pdf: Buffer): PdfPage[] {
  const objects = objectsOf(pdf);
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const root = catalog && refOf(catalog.dict, 'Pages');
  const pages: number[] = [];
  const walk = (id: number) => {
    const node = objects.get(id);
    if (!node) return;
    if (/\/Type \/Pages/.test(node.dict)) {
      const kids = /\/Kids \[([^\]]*)\]/.exec(node.dict)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+) 0 R/g)) walk(Number(kid[1]));
    } else pages.push(id);
  };
  if (root !== undefined) walk(root);
  const cmaps = new Map<number, Map<string, string>>();
  const fontMap = (fontId: number) => {
    let found = cmaps.get(fontId);
    if (!found) {
      const font = objects.get(fontId);
      const to = font && refOf(font.dict, 'ToUnicode');
      const stream = to === undefined ? null : objects.get(to)?.stream;
      found = stream ? cmapOf(stream.toString('latin1')) : new Map();
      cmaps.set(fontId, found);
    }
    return found;
  };
  return pages.map((id) => {
    const page = objects.get(id)!;
    const box = /\/MediaBox \[([^\]]*)\]/.exec(page.dict)?.[1]?.trim().split(/\s+/).map(Number) ?? [0, 0, 0, 0];
    const fonts = new Map<string, number>();
    const fontDict = /\/Font <<([^>]*)>>/.exec(page.dict)?.[1] ?? '';
    for (const f of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(f[1]!, Number(f[2]));
    const contents = /\/Contents \[([^\]]*)\]/.exec(page.dict)?.[1] ?? /\/Contents (\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    const runs: string[] = [];
    for (const ref of contents.matchAll(/(\d+) 0 R/g)) {
      const content = objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '';
      let map = new Map<string, string>();
      const decode = (hex: string) => {
        let out = '';
        for (let i = 0; i + 4 <= hex.length; i += 4) out += map.get(hex.slice(i, i + 4).toUpperCase()) ?? '';
        return out;
      };
      for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\[((?:[^\]]|\\\])*)\] TJ|ActualText <FEFF([0-9A-Fa-f]*)>/g)) {
        if (op[1] !== undefined) map = fonts.has(op[1]) ? fontMap(fonts.get(op[1])!) : new Map();
        else if (op[2] !== undefined) runs.push(decode(op[2]));
        else if (op[3] !== undefined) runs.push([...op[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => decode(h[1]!)).join(''));
        // A glyph the font lacks is drawn as glyph 0, its text given beside it (UTF-16BE).
        else if (op[4] !== undefined) runs.push(Buffer.from(op[4], 'hex').swap16().toString('utf16le'));
      }
    }
    return { width: (box[2] ?? 0) - (box[0] ?? 0), height: (box[3] ?? 0) - (box[1] ?? 0), text: runs.join(' ') };
  });
}
