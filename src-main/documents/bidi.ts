import { BIDI_CONTROL } from '../domain/shared/text';
import type { Block, DocumentModel, TextRun } from './model';

/**
 * Text-direction controls in documents. Free text may hold embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069; see domain/shared/text.ts): right-to-left writing sometimes
 * needs them. Left open, one would run on past its own text, so an override at the end of a
 * note could show the next field, or a phone number in the same paragraph, backwards in Word
 * or a browser. So each piece of text is closed: every embedding or override still open at the
 * end of a line gets its POP DIRECTIONAL FORMATTING, every isolate its POP DIRECTIONAL ISOLATE,
 * and a closer with nothing to close is dropped. The writer's direction inside their own text is
 * kept; it can no longer reach anything after it. Closing, rather than wrapping every run in
 * FSI…PDI, works in every version of Word, which has understood PDF since the first bidi
 * support but not always isolates. The PDF renderer, which lays out each run in its script's
 * own direction and applies no explicit controls, leaves them out (fonts.ts).
 */
const PDF = '\u202C';
const PDI = '\u2069';
const CLOSER: Record<string, string> = { '\u202A': PDF, '\u202B': PDF, '\u202D': PDF, '\u202E': PDF, '\u2066': PDI, '\u2067': PDI, '\u2068': PDI };

function closeLine(line: string): string {
  const open: string[] = [];
  let out = '';
  for (const ch of line) {
    const closer = CLOSER[ch];
    if (closer) {
      open.push(closer);
      out += ch;
    } else if (ch === PDF) {
      // A PDF closes the innermost embedding or override, and nothing across an isolate.
      if (open[open.length - 1] === PDF) {
        open.pop();
        out += ch;
      }
    } else if (ch === PDI) {
      // A PDI closes the innermost isolate and whatever was opened inside it.
      const k = open.lastIndexOf(PDI);
      if (k >= 0) {
        out += open.splice(k).slice(1).reverse().join('') + ch;
      }
    } else {
      out += ch;
    }
  }
  return out + open.reverse().join('');
}

/** The text with every direction control it opens closed by the end of each of its lines. */
export function closeBidi(text: string): string {
  if (!BIDI_CONTROL.test(text)) return text;
  return text.split(/(\r\n?|\n)/).map((part, i) => (i % 2 === 0 ? closeLine(part) : part)).join('');
}

const runs = (rs: readonly TextRun[]): TextRun[] => rs.map((r) => ({ ...r, text: closeBidi(r.text) }));

function block(b: Block): Block {
  switch (b.kind) {
    case 'heading':
      return { ...b, text: closeBidi(b.text) };
    case 'paragraph':
      return { ...b, runs: runs(b.runs) };
    case 'list':
      return { ...b, items: b.items.map(runs) };
    case 'table':
      return { ...b, columns: b.columns.map((c) => ({ ...c, header: closeBidi(c.header) })), rows: b.rows.map((r) => r.map(closeBidi)) };
    case 'checkbox':
      return { ...b, ...(b.title !== undefined ? { title: closeBidi(b.title) } : {}), label: runs(b.label) };
    case 'keyValue':
      return { ...b, items: b.items.map((kv) => ({ key: closeBidi(kv.key), value: closeBidi(kv.value) })) };
    case 'signature':
      return { ...b, label: closeBidi(b.label), ...(b.name !== undefined ? { name: closeBidi(b.name) } : {}) };
    default:
      return b;
  }
}

/** The model with every piece of its text closed (closeBidi), for the renderers that apply direction controls. */
export function withBidiClosed(model: DocumentModel): DocumentModel {
  const h = model.header;
  return {
    ...model,
    ...(h ? { header: { ...h, ...(h.left !== undefined ? { left: closeBidi(h.left) } : {}), ...(h.right !== undefined ? { right: closeBidi(h.right) } : {}) } } : {}),
    ...(model.footer?.left !== undefined ? { footer: { ...model.footer, left: closeBidi(model.footer.left) } } : {}),
    blocks: model.blocks.map(block),
  };
}
