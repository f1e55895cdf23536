import type { z } from 'zod';
import { CasebookError } from '../../domain/shared/errors';

export type Issue = { path: string; message: string };

/** INVALID_INPUT with every problem tied to the field it is about, as the registry reports them. */
export function invalidInput(issues: Issue[], lead?: string): CasebookError {
  const listed = issues.map((i) => (i.path && i.path !== '(input)' ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new CasebookError('INVALID_INPUT', lead ? `${lead} ${listed}`.trim() : listed || 'The input is not valid', { issues });
}

/** zod issues under a prefix ("referral"), so paths name the field of the command's input. */
export function fromZod(err: z.ZodError, prefix: readonly (string | number)[] = []): CasebookError {
  return invalidInput(
    err.issues.map((i) => ({
      path: [...prefix, ...i.path].map(String).join('.') || '(input)',
      message: i.code === 'unrecognized_keys' ? `Unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` : i.message,
    })),
  );
}

/**
 * A rule of the domain said no: the message is its reason in plain words and every problem
 * is listed separately (for an error summary) under `path`.
 */
export function refused(d: { reason: string; problems: string[] }, path: string): CasebookError {
  const problems = d.problems.length > 0 ? d.problems : [d.reason];
  return new CasebookError('INVALID_INPUT', d.reason || problems.join(' '), { issues: problems.map((message) => ({ path, message })) });
}
