import { CasebookError } from '../../domain/shared/errors';
import { ensureDomMatrix } from './dom-matrix';

/**
 * The text of every page of a PDF, and its document information (title, author, subject,
 * keywords), read with pdf.js (the reader Firefox uses): the fonts' own maps from glyphs back
 * to characters are followed, so what is found is what a reader would copy from the page.
 * Loaded on first use, so nothing else pays for it.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js says on loading that it cannot draw pages without a native canvas module; the app only
 * reads text, so that notice is kept out of the log.
 */
async function quietly<T>(load: () => Promise<T>): Promise<T> {
  const { log, warn } = console;
  const keep = (f: (...a: unknown[]) => void) => (...a: unknown[]) => {
    if (!(typeof a[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(a[0]))) f(...a);
  };
  console.log = keep(log);
  console.warn = keep(warn);
  try {
    return await load();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

/** `password` opens a protected PDF (a subject access bundle is checked as saved, after encryption). */
export async function textOfPdf(bytes: Uint8Array, password?: string): Promise<{ where: string; text: string }[]> {
  ensureDomMatrix();
  pdfjs ??= quietly(() => import('pdfjs-dist/legacy/build/pdf.mjs'));
  const lib = await pdfjs;
  let doc;
  try {
    // A copy: pdf.js takes ownership of the buffer it is given.
    doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, ...(password !== undefined ? { password } : {}) }).promise;
  } catch {
    throw new CasebookError('INVALID_INPUT', 'That file is not a PDF that can be read: it may be damaged, protected with a password, or another kind of file renamed');
  }
  try {
    const out: { where: string; text: string }[] = [];
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const properties = ['Title', 'Author', 'Subject', 'Keywords', 'Creator'].map((k) => info[k]).filter((v): v is string => typeof v === 'string');
    if (properties.length > 0) out.push({ where: 'the document properties', text: properties.join('\n') });
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      out.push({ where: `page ${n}`, text: joinItems(content.items) });
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

interface Item {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

/**
 * The page's text runs joined as a reader would copy them: a line break where a line ends, a
 * space where there is a gap between two runs (table cells, columns), nothing where one run
 * carries straight on from the last (a word drawn in pieces).
 */
function joinItems(items: readonly unknown[]): string {
  let out = '';
  let last: Item | undefined;
  for (const raw of items) {
    if (!raw || typeof raw !== 'object' || !('str' in raw)) continue;
    const i = raw as Item;
    if (last && !last.hasEOL) {
      const gap = i.transform[4]! - (last.transform[4]! + last.width);
      const sameLine = Math.abs(i.transform[5]! - last.transform[5]!) < 1;
      if (!sameLine || gap > Math.max(1, (last.height || 10) * 0.15)) out += sameLine ? ' ' : '\n';
    }
    out += i.str + (i.hasEOL ? '\n' : '');
    last = i;
  }
  return out;
}
