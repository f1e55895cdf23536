import { CasebookError, type Result } from '../domain/shared/errors';

type SafeError = Extract<Result<never>, { ok: false }>['error'];

/**
 * Turn anything thrown into something safe to show: our own errors keep their code and
 * message; anything else becomes a generic INTERNAL error, because its message may contain
 * a path, a value or a stack.
 */
export function toSafeError(e: unknown): SafeError {
  if (e instanceof CasebookError) {
    const out: SafeError = { code: e.code, message: e.message };
    if (Object.keys(e.details).length > 0) out.details = e.details;
    return out;
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside RJ Casebook; nothing was changed. Try again, and if it happens again, run "verify".' };
}
