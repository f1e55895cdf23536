import type { TemplateProblem } from '../domain/shared/template-file';

/**
 * {{placeholders}} in document wording: found in the raw YAML text (so problems carry exact
 * lines) when templates load, and filled with a case's values when a document is made.
 */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Finds placeholders in the raw text, so their lines are exact whatever YAML style the
 * wording uses. Whole-line comments are skipped; an unknown name or a stray "{{" is a problem.
 */
export function checkPlaceholders(file: string, text: string, allowed: readonly string[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line)) return;
    let rest = line;
    for (const m of line.matchAll(PLACEHOLDER)) {
      const name = m[1]!;
      if (!allowed.includes(name)) {
        problems.push({
          file,
          line: i + 1,
          column: m.index + 1,
          path: '',
          message: `unknown placeholder {{${name}}}; this file may use: ${allowed.map((a) => `{{${a}}}`).join(', ')}`,
        });
      }
      rest = rest.replace(m[0], '');
    }
    const stray = rest.search(/\{\{|\}\}/);
    if (stray >= 0) problems.push({ file, line: i + 1, column: stray + 1, path: '', message: 'a placeholder is not closed: write it as {{name}}' });
  });
  return problems;
}

/** Values for placeholders: a plain object, e.g. `{ participant: { name: 'Siân' } }`. */
export type PlaceholderData = { readonly [key: string]: string | number | undefined | PlaceholderData };

/** A line to write on, used where a value is unknown (and on blank forms). */
export const WRITE_IN = '________________';

/** Replaces each {{name}} with its value; an absent or empty value becomes a line to write on. */
export function fillPlaceholders(text: string, data: PlaceholderData, blank = WRITE_IN): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    let v: unknown = data;
    for (const part of name.split('.')) {
      v = typeof v === 'object' && v !== null && Object.hasOwn(v, part) ? (v as Record<string, unknown>)[part] : undefined;
    }
    return (typeof v === 'string' && v.trim() !== '') || typeof v === 'number' ? String(v).trim() : blank;
  });
}
