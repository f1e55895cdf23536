import { z } from 'zod';

/**
 * Free text typed by a person. Trimmed; control characters other than tab and newline are
 * refused because they break printing and exports. Script tags are stored as typed: the UI
 * renders text, never HTML, so they are harmless and the record stays faithful.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine((s) => !CONTROL.test(s), { error: `${label} contains a control character; remove it` });
}

export function requiredText(label: string, max: number) {
  return text(label, max).pipe(z.string().min(1, { error: `Enter ${label.toLowerCase()}` }));
}

/** Person and staff names: letters of any script, marks, spaces, apostrophes, hyphens, dots. */
export function personName(label: string) {
  return requiredText(label, 120).refine((s) => /^[\p{L}\p{M}][\p{L}\p{M}\p{Zs}'’.-]*$/u.test(s), {
    error: `${label} may contain only letters, spaces, apostrophes, hyphens and full stops`,
  });
}
