/**
 * A bilingual document from the same builder run in two languages: Welsh first, then English,
 * as Welsh public services print them. Both models come from one builder with one input, so
 * their blocks match one for one; each pair is printed together (a heading as "Cymraeg /
 * English", a paragraph followed by its translation, one checkbox for both wordings). Should
 * the two ever differ in shape (a translation with an optional section the other lacks), the
 * first language is printed whole and then the second, so nothing is lost.
 */
import { pageBreak, run, type Block, type DocumentModel } from '../model';

const both = (a: string, b: string): string => (a === b ? a : `${a} / ${b}`);
const underline = /\s*_+$/;
/** "Blaenlythrennau ____" and "Initials ____" → "Blaenlythrennau / Initials ____". */
const bothWithLine = (a: string, b: string): string => `${both(a.replace(underline, ''), b.replace(underline, ''))}${underline.exec(a)?.[0] ?? ''}`;

export function bilingual(first: DocumentModel, second: DocumentModel): DocumentModel {
  const a = first.blocks;
  const b = second.blocks;
  const paired = a.length === b.length && a.every((x, i) => x.kind === b[i]!.kind);
  const blocks = paired ? a.flatMap((x, i) => pair(x, b[i]!)) : [...a, pageBreak(), ...b];
  const fa = first.footer ?? {};
  const fb = second.footer ?? {};
  const la = first.labels ?? {};
  const lb = second.labels ?? {};
  // Page numbers read the same in both languages: the first language's words keep the footer on one line.
  const labels = Object.fromEntries(Object.entries(la).map(([k, v]) => [k, k === 'page' ? v : both(v, lb[k as keyof typeof lb] ?? v)]));
  return {
    ...first,
    metadata: { ...first.metadata, title: both(first.metadata.title, second.metadata.title) },
    footer: {
      ...fa,
      ...(fa.left && fb.left ? { left: both(fa.left, fb.left) } : {}),
      ...(fa.centre && fb.centre ? { centre: bothWithLine(fa.centre, fb.centre) } : {}),
    },
    labels,
    blocks,
  };
}

function pair(a: Block, b: Block): Block[] {
  switch (a.kind) {
    case 'heading':
      return [{ ...a, text: both(a.text, (b as typeof a).text) }];
    case 'paragraph': {
      const o = b as typeof a;
      const same = a.runs.map((r) => r.text).join('') === o.runs.map((r) => r.text).join('');
      // The first paragraph is kept with its translation.
      return same ? [a] : [{ ...a, keepWithNext: true }, o];
    }
    case 'checkbox': {
      const o = b as typeof a;
      const title = a.title && o.title ? both(a.title, o.title.replace(/^\d+\.\s*/, '')) : a.title;
      return [{ ...a, ...(title ? { title } : {}), label: [...a.label, run('\n'), ...o.label.map((r) => ({ ...r, italic: true }))] }];
    }
    case 'keyValue': {
      const o = b as typeof a;
      return [{ ...a, items: a.items.map((kv, i) => ({ key: both(kv.key, o.items[i]?.key ?? kv.key), value: both(kv.value, o.items[i]?.value ?? kv.value) })) }];
    }
    case 'signature': {
      const o = b as typeof a;
      return [{ ...a, label: both(a.label, o.label), ...(a.dateLabel && o.dateLabel ? { dateLabel: both(a.dateLabel, o.dateLabel) } : {}) }];
    }
    case 'table': {
      const o = b as typeof a;
      return [{ ...a, columns: a.columns.map((c, i) => ({ ...c, header: both(c.header, o.columns[i]?.header ?? c.header) })) }];
    }
    case 'list':
      return [a, b];
    default:
      return [a];
  }
}
