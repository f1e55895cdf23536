import { CasebookError } from '../../domain/shared/errors';

/**
 * The text of every page of a PDF, and its document information (title, author, subject,
 * keywords), read with pdf.js (the reader Firefox uses): the fonts' own maps from glyphs back
 * to characters are followed, so what is found is what a reader would copy from the page.
 * Loaded on first use, so nothing else pays for it.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

export async function textOfPdf(bytes: Uint8Array): Promise<{ where: string; text: string }[]> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const lib = await pdfjs;
  let doc;
  try {
    // A copy: pdf.js takes ownership of the buffer it is given.
    doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
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
      const text = content.items.map((i) => ('str' in i ? `${i.str}${i.hasEOL ? '\n' : ''}` : '')).join('');
      out.push({ where: `page ${n}`, text });
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
