import { ApiError, messageOf } from '../api/client';
import type { SummaryError } from '../components/ErrorSummary';

/** Error messages by field name; '' holds one that belongs to no field (summary only). */
export type Problems = Record<string, string>;

/** The first message for each field from a failed schema check in the form. */
export function schemaProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Problems {
  const p: Problems = {};
  for (const i of issues) p[String(i.path[0] ?? '')] ??= i.message;
  return p;
}

/**
 * What to show when saving failed: the casebook's own field messages when it refused the
 * input (paths outside `fields` go under ''), otherwise its message for the whole form.
 */
export function saveProblems(e: unknown, fields: readonly string[]): Problems {
  if (!(e instanceof ApiError && e.code === 'INVALID_INPUT' && e.details.issues?.length)) return { '': messageOf(e) };
  const p: Problems = {};
  for (const i of e.details.issues) p[fields.includes(i.path) ? i.path : ''] ??= i.message;
  return p;
}

/** The error summary: the form-wide message first, then fields in page order, linking to `idPrefix + field`. */
export function summaryOf(problems: Problems, fields: readonly string[], idPrefix = ''): SummaryError[] {
  return [...(problems[''] ? [{ message: problems[''] }] : []), ...fields.filter((f) => problems[f]).map((f) => ({ fieldId: idPrefix + f, message: problems[f] as string }))];
}
