import { get, type FieldErrors, type FieldValues } from 'react-hook-form';
import type { SummaryError } from '../components/ErrorSummary';

/** Field names like "roleLabels.harmed" become ids like "roleLabels-harmed". */
export function fieldId(name: string): string {
  return name.replaceAll('.', '-');
}

/**
 * Read react-hook-form's errors in the order the fields appear on screen, for the error
 * summary, plus any form-level error the server sent (stored under root.server).
 */
export function useFormErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  fields: readonly string[],
  /** When two forms share a page, a prefix keeps their field ids (and summary links) apart. */
  idPrefix = '',
) {
  // react-hook-form's get() is untyped; an error object has a string `message` when set.
  const read = (path: string): string | undefined => {
    const m = (get(errors, path) as { message?: unknown } | undefined)?.message;
    return typeof m === 'string' && m ? m : undefined;
  };
  const messageFor = (name: string) => read(name);
  const summary: SummaryError[] = [];
  const server = read('root.server');
  if (server) summary.push({ message: server });
  for (const name of fields) {
    const message = messageFor(name);
    if (message) summary.push({ fieldId: idPrefix + fieldId(name), message });
  }
  return { summary, messageFor };
}
