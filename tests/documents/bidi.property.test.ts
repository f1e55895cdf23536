import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraph, renderDocx, renderHtml, renderPdf, run, type DocumentModel } from '../../src-main/documents';
import { closeBidi } from '../../src-main/documents/bidi';
import { docxParts, docxText, fonts, pdfText, tempDir, writeTemp } from './helpers';

/**
 * A direction control in free text cannot reach past its own text: a right-to-left override at
 * the end of a note must not show the phone number after it backwards in Word or the preview.
 */
const PDF = '\u202c';
const PDI = '\u2069';
const OPENERS = ['\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068'];
const piece = fc.constantFrom(...OPENERS, PDF, PDI, 'abc', 'שלום', '0770', ' ', '\n', '\r\n');
const textWithControls = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));
const withoutControls = (s: string) => s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/** Every opener closed and every closer matched, line by line, as the bidi algorithm pairs them. */
function balanced(s: string): boolean {
  for (const line of s.split(/\r\n?|\n/)) {
    const open: string[] = [];
    for (const ch of line) {
      if (OPENERS.includes(ch)) open.push(ch >= '\u2066' ? PDI : PDF);
      else if (ch === PDF && open.pop() !== PDF) return false;
      else if (ch === PDI && open.pop() !== PDI) return false;
    }
    if (open.length > 0) return false;
  }
  return true;
}

describe('closeBidi', () => {
  it('leaves every line balanced, keeps the text and the controls that were balanced, and is idempotent', () => {
    fc.assert(
      fc.property(textWithControls, (s) => {
        const closed = closeBidi(s);
        expect(balanced(closed)).toBe(true);
        expect(withoutControls(closed)).toBe(withoutControls(s));
        expect(closeBidi(closed)).toBe(closed);
        if (balanced(s)) expect(closed).toBe(s);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the renderers', () => {
  const phone = '07700 900123';
  const model: DocumentModel = {
    metadata: { title: 'Bidi', deterministic: true },
    blocks: [paragraph([run('Notes: '), run('he said \u202eit was fine'), run(`; phone ${phone}`)])],
  };

  it('close an override before the text that follows it: HTML and DOCX', async () => {
    const html = renderHtml(model).html;
    expect(html).toContain(`\u202eit was fine\u202c; phone ${phone}`);
    const docx = docxText(docxParts((await renderDocx(model)).bytes)['word/document.xml']!);
    expect(docx).toContain(`\u202eit was fine\u202c; phone ${phone}`);
  });

  it('leave direction controls out of the PDF, which lays out each script in its own direction', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const { bytes } = await renderPdf({ ...model, blocks: [paragraph([run('Notes: \u202eit was fine \u2067שלום\u2069'), run(`; phone ${phone}`)])] }, { fonts: await fonts() });
      const text = await pdfText(await writeTemp(dir, 'bidi.pdf', bytes));
      expect(text).toContain(`phone ${phone}`);
      // pdftotext marks right-to-left text it extracts with U+202B…U+202C itself; the PDF holds no override or isolate.
      expect(text).not.toMatch(/[\u202d\u202e\u2066-\u2069□]/);
    } finally {
      await cleanup();
    }
  });
});
