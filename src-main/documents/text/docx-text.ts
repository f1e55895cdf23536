import { strFromU8, unzipSync } from 'fflate';
import { CasebookError } from '../../domain/shared/errors';

/**
 * The words in every XML part of a DOCX: the body, headers, footers, footnotes, comments, charts
 * and the document properties (author, title, keywords), which is where a name hides that a
 * reader of the page never sees. Runs are joined ("Siân" split into "Si" and "ân" runs, as Word
 * splits a word that was edited, is read whole); paragraphs, cells and breaks start new lines,
 * and so does the end of every element outside the text runs (w:, a:): the document properties'
 * title, subject and author, or a chart's category names, are separate fields, and joined they
 * would read as one word ("…evidence pack1 November…", "AliceBob") that neither the leak check
 * nor its list of the app's own phrases would recognise.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Text of one XML part: runs within a paragraph joined, paragraphs and table cells on their own lines. */
export function textOfXml(xml: string): string {
  return decode(
    xml
      .replace(/<\/w:p>|<\/a:p>|<\/w:tc>|<w:br\b[^>]*\/>|<w:tab\b[^>]*\/>|<\/(?!w:|a:)[^>]*>/g, '\n')
      // Attribute values can hold text too (a chart's series name, a hyperlink's tooltip).
      .replace(/<[^>]*?\b(?:w:val|name|title|descr|tooltip)="([^"]*)"[^>]*>/g, ' $1 ')
      .replace(/<[^>]+>/g, ''),
  );
}

/** A part's name in the words a person reading the document would use ("the body", "a footer"). */
export function placeOf(part: string): string {
  const n = part.replace(/^word\//, '');
  if (n === 'document.xml') return 'the body';
  if (/^header\d*\.xml$/.test(n)) return 'a header';
  if (/^footer\d*\.xml$/.test(n)) return 'a footer';
  if (/^(footnotes|endnotes)\.xml$/.test(n)) return n.startsWith('foot') ? 'the footnotes' : 'the endnotes';
  if (n === 'comments.xml') return 'the comments';
  if (/^charts\//.test(n) || /^media\/.*\.svg$/i.test(n)) return 'a chart';
  if (/^docProps\//.test(part)) return 'the document properties';
  return part;
}

export function textOfDocx(bytes: Uint8Array): { where: string; text: string }[] {
  let files: Record<string, Uint8Array>;
  try {
    // A chart's SVG (word/media/*.svg) is text too: its labels are read like any other part.
    files = unzipSync(bytes, { filter: (f) => /\.(xml|rels|svg)$/i.test(f.name) });
  } catch {
    throw new CasebookError('INVALID_INPUT', 'That file is not a Word document (DOCX) that can be read: it may be damaged, or another kind of file renamed');
  }
  return Object.entries(files)
    .filter(([name]) => /\.(xml|svg)$/i.test(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, data]) => ({ where: placeOf(name), text: textOfXml(strFromU8(data)) }));
}
