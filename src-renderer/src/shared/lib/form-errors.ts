import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, messageOf } from '../api/client';

/**
 * Put a failed call's message where the person will see it: each INVALID_INPUT issue on its
 * field (the server's issue path is the field's name, e.g. "roleLabels.harmed"), and
 * everything else (wrong passphrase, store in use) as a form-level error in the summary.
 */
export function applyServerError<T extends FieldValues>(
  e: unknown,
  fields: readonly string[],
  setError: UseFormSetError<T>,
  /** Where the command's input name differs from the form's, e.g. { newPassphrase: 'passphrase' }. */
  rename: Record<string, string> = {},
): void {
  if (e instanceof ApiError && e.code === 'INVALID_INPUT' && e.details.issues?.length) {
    let placed = false;
    for (const issue of e.details.issues) {
      const field = rename[issue.path] ?? issue.path;
      if (fields.includes(field)) {
        setError(field as Path<T>, { type: 'server', message: issue.message });
        placed = true;
      }
    }
    if (placed) return;
  }
  setError('root.server' as Path<T>, { type: 'server', message: messageOf(e) });
}
