import { z } from 'zod';

/**
 * The rules for text typed by a person or brought in by a file, each written once here and
 * used by every schema, the fast checks beside them (services/cases/facts.ts) and the
 * renderers that print text (documents, the CLI).
 *
 * Script tags are stored as typed: the UI renders text, never HTML, so they are harmless and the
 * record stays faithful. What is refused is text that is not what it seems:
 * - control characters (C0 other than tab and line breaks, DEL, and C1 U+0080–U+009F, which
 *   arrive when a Windows file is read as Latin-1): they break printing, exports and terminals;
 * - U+2028/U+2029, line and paragraph separators that some programs break lines at and others
 *   do not, so a field shows on one line here and on two in an export;
 * - lone surrogates: half a character, which no font draws (□ in a PDF) and no other program
 *   reads the same way;
 * - in a field of one line (a name, phone number, label, title: SINGLE_LINE_MAX characters or
 *   fewer), bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 *   which can show "0770 900 123" as "321 009 0770" in one program and not in another, and more
 *   than MAX_MARKS_PER_LETTER combining marks on one letter. Longer free text (notes,
 *   descriptions) may keep them: right-to-left writing sometimes needs them, and the document
 *   renderers close them at the end of each line (documents/bidi.ts).
 *
 * Records stored before a rule existed must keep opening, so the rules added for the way in
 * (everything above but C0 and DEL) apply while `asInput` runs: the handler registry checks
 * every command's input with it, and the import checks every case file with it.
 */

// eslint-disable-next-line no-control-regex
export const C0_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const C1_CONTROL = /[\u0080-\u009F]/;
export const LINE_SEPARATOR = /[\u2028\u2029]/;
/** With the u flag a well-formed pair is one code point, so \p{Cs} matches only a lone half. */
export const LONE_SURROGATE = /\p{Cs}/u;
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** The widest field that is one line; longer text fields are free text. */
export const SINGLE_LINE_MAX = 200;
/** Vietnamese stacks two marks on a letter, Hebrew with points three, Tibetan stacks up to four. */
export const MAX_MARKS_PER_LETTER = 4;

export type TextProblem = 'control' | 'separator' | 'surrogate' | 'bidi' | 'marks';

const PROBLEM_WORDS: Record<TextProblem, string> = {
  control: 'contains a control character; remove it',
  separator: 'contains a Unicode line or paragraph separator (U+2028 or U+2029); use an ordinary line break, or remove it',
  surrogate: 'contains a broken character (half of a character pair, not valid Unicode); type that part again',
  bidi: 'contains an invisible text-direction control (U+202A–U+202E or U+2066–U+2069) that can make it show in a different order from what is stored; remove it',
  marks: `has more than ${MAX_MARKS_PER_LETTER} accents or marks on one letter; remove the extra ones`,
};

/** What a field's message says about a problem: "Phone contains a control character; remove it". */
export const describeTextProblem = (label: string, p: TextProblem): string => `${label} ${PROBLEM_WORDS[p]}`;

/** More than MAX_MARKS_PER_LETTER combining marks in a row anywhere in s. */
export function tooManyMarks(s: string): boolean {
  let run = 0;
  for (const ch of s) {
    run = MARK.test(ch) ? run + 1 : 0;
    if (run > MAX_MARKS_PER_LETTER) return true;
  }
  return false;
}
const MARK = /^\p{M}$/u;
const BEYOND_PLAIN_ASCII = /[^ -~\t\n\r]/;

/**
 * The first problem with a piece of text, or undefined. `input: false` is the rule for text
 * already stored (control characters only); `input: true` adds the rules for the way in.
 */
export function textProblem(s: string, o: { singleLine: boolean; input: boolean }): TextProblem | undefined {
  if (C0_CONTROL.test(s)) return 'control';
  if (!o.input || !BEYOND_PLAIN_ASCII.test(s)) return undefined;
  if (C1_CONTROL.test(s)) return 'control';
  if (LINE_SEPARATOR.test(s)) return 'separator';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  if (o.singleLine && BIDI_CONTROL.test(s)) return 'bidi';
  if (o.singleLine && tooManyMarks(s)) return 'marks';
  return undefined;
}

let inputDepth = 0;

/**
 * Parse with the rules for the way in. Zod parses synchronously, so the rules hold for exactly
 * the parse inside: `asInput(() => schema.safeParse(value))`.
 */
export function asInput<T>(parse: () => T): T {
  inputDepth++;
  try {
    return parse();
  } finally {
    inputDepth--;
  }
}

const checkText = (label: string, singleLine: boolean) => (s: string, ctx: z.RefinementCtx) => {
  const p = textProblem(s, { singleLine, input: inputDepth > 0 });
  if (p) ctx.addIssue({ code: 'custom', message: describeTextProblem(label, p) });
};

/** Free text typed by a person, trimmed; see the rules above. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .superRefine(checkText(label, max <= SINGLE_LINE_MAX));
}

export function requiredText(label: string, max: number) {
  return text(label, max).pipe(z.string().min(1, { error: `Enter ${label.toLowerCase()}` }));
}

/**
 * Letters of any script with their marks, spaces, apostrophes, hyphens and full stops; a
 * zero-width non-joiner or joiner (U+200C, U+200D) between letters, as Persian (محمد‌رضا) and
 * the Indic scripts write some names.
 */
const NAME_SHAPE = /^[\p{L}\p{M}](?:[\p{L}\p{M}\p{Zs}'’.-]|(?<=[\p{L}\p{M}])[\u200C\u200D](?=[\p{L}\p{M}]))*$/u;

/** A name the way in accepts: its shape, and no pile of marks on one letter. */
export function isPersonName(s: string): boolean {
  return NAME_SHAPE.test(s) && !tooManyMarks(s);
}

/** Person and staff names. */
export function personName(label: string) {
  return requiredText(label, 120).superRefine((s, ctx) => {
    // Text that breaks a rule for the way in has its own message (checkText); say only one thing.
    if (!NAME_SHAPE.test(s) && !textProblem(s, { singleLine: true, input: inputDepth > 0 })) ctx.addIssue({ code: 'custom', message: `${label} may contain only letters, spaces, apostrophes, hyphens and full stops` });
  });
}
