import { CasebookError } from '../../domain/shared/errors';
import type { Store } from '../../store/store';

/**
 * Nothing leaves the casebook unrecorded. A file saved, a document printed, a backup copied:
 * each is written to the audit trail, which only the instance holding the writer's lock can
 * append to. A read-only session (another copy of the app has the casebook open, or a lock
 * file names another computer) may read on screen, but anything that would leave is refused,
 * before any work is done, rather than leave without a record.
 */
export function mustBeAbleToRecord(s: Store, doing: string): void {
  if (!s.readOnly) return;
  const h = s.heldBy;
  const who = h ? `${h.user} on ${h.host} has it open` : 'another copy of RJ Casebook has it open';
  throw new CasebookError(
    'READ_ONLY',
    `The casebook is open read-only because ${who}, so you cannot ${doing} now: everything that leaves the casebook is recorded in its audit trail, which only that copy can write. Close it there and try again.`,
    h ? { holder: h } : {},
  );
}
