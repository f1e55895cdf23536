/**
 * Every failure that can reach a user has a code, a plain message that says what to do, and
 * (for the CLI) an exit code. Messages never carry stack traces, file contents or passphrases;
 * a file is named only by its path inside the store, never by an absolute path.
 */
export const ERROR_CODES = {
  USAGE: 2,
  INVALID_INPUT: 2,
  AUTH_FAILED: 3,
  STORE_IN_USE: 4,
  CORRUPT: 5,
  NEWER_VERSION: 6,
  /** The leak check found personal data in a document (nothing was written). */
  PERSONAL_DATA: 7,
  WRITE_FAILED: 1,
  NOT_FOUND: 1,
  FORBIDDEN: 1,
  LOCKED: 1,
  CONFLICT: 1,
  READ_ONLY: 4,
  BAD_SENDER: 1,
  /** Long work (an evidence pack) stopped because the person asked; nothing was written. */
  CANCELLED: 130,
  INTERNAL: 1,
  /** Team use: the server did not answer, refused the account, or sent something unreadable (nothing local changed). */
  SERVER: 8,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface CasebookErrorDetails {
  /** Store-relative path of the file at fault, for CORRUPT. */
  file?: string;
  /** For INVALID_INPUT: every problem with the path to the offending field. */
  issues?: { path: string; message: string }[];
  /** For STORE_IN_USE: who holds the lock. */
  holder?: { user: string; host: string; pid: number; since: string };
  /** For CORRUPT: the newest backup that verifies cleanly, if any. */
  cleanBackup?: string;
  /** For AUTH_FAILED: a change of the data key was finished at this unlock, so the keyring is new. */
  keyChanged?: boolean;
  /**
   * For CORRUPT from a restore: only case files of the backup are damaged, so the rest can be
   * restored when asked for explicitly; `lost` names those cases by reference (never by name).
   */
  recoverable?: boolean;
  lost?: string[];
}

export class CasebookError extends Error {
  readonly code: ErrorCode;
  readonly details: CasebookErrorDetails;
  constructor(code: ErrorCode, message: string, details: CasebookErrorDetails = {}) {
    super(message);
    this.name = 'CasebookError';
    this.code = code;
    this.details = details;
  }
}

export function exitCodeFor(code: ErrorCode): number {
  return ERROR_CODES[code];
}

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string; details?: CasebookErrorDetails } };
