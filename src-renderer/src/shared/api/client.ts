import type { CommandName, InputOf, OutputOf } from '../../../../src-main/ipc/contract';
import type { Result, CasebookErrorDetails, ErrorCode } from '../../../../src-main/domain/shared/errors';

/**
 * The typed client over `window.casebook`, the bridge the preload (or the e2e harness) puts
 * on the page: one async function per contract command plus `onLocked`. Screens call `api`
 * and get the command's output, or an ApiError carrying the server's plain-English message.
 */
export type CasebookBridge = {
  [N in CommandName]: (input: InputOf<N>) => Promise<Result<OutputOf<N>>>;
} & {
  onLocked(cb: (reason: string) => void): () => void;
};

declare global {
  interface Window {
    casebook: CasebookBridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: CasebookErrorDetails;
  constructor(code: ErrorCode, message: string, details: CasebookErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

/** Commands whose input has no required field may be called without one. */
type Args<N extends CommandName> = Record<never, never> extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>];

export async function call<N extends CommandName>(name: N, ...args: Args<N>): Promise<OutputOf<N>> {
  const bridge = window.casebook;
  if (!bridge || typeof bridge[name] !== 'function') {
    throw new ApiError('INTERNAL', 'RJ Casebook could not reach its data. Close the app and open it again.');
  }
  const fn = bridge[name] as (input: InputOf<N>) => Promise<Result<OutputOf<N>>>;
  const result = await fn((args[0] ?? {}) as InputOf<N>);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

/** Subscribe to "the store was locked" (idle, menu, restore, or another window). */
export function onLocked(cb: (reason: string) => void): () => void {
  return window.casebook?.onLocked ? window.casebook.onLocked(cb) : () => undefined;
}

/** A message safe to show for anything a call may throw. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Something went wrong. Nothing was changed. Try again.';
}
