import { CasebookError } from '../../../domain/shared/errors';
import { formatDate } from '../../../domain/time/dates';
import { removeBackupsExcept } from '../../../store/backups';
import type { Store } from '../../../store/store';

export interface BackupsReplaced {
  removed: number;
  taken?: string;
  message: string;
}

/**
 * After a case is anonymised or deleted, every older backup still holds it as it was. A fresh
 * backup is taken first (so there is always one to restore), then every other backup is
 * removed. Rewriting each old backup instead would mean re-sealing copies of the casebook at
 * points in time with one case changed, which restore could no longer prove whole; a fresh one
 * is honest about what it holds. If no backup can be taken, the old ones are kept and the
 * person is told that they still hold the case.
 */
export async function replaceBackups(s: Store): Promise<BackupsReplaced> {
  let taken: { id: string; createdAt: string };
  try {
    taken = await s.backup('after-retention');
  } catch (e) {
    const why = e instanceof CasebookError ? e.message : 'it could not be written';
    return { removed: 0, message: `No new backup could be taken (${why}), so the older backups were kept: they still hold the case as it was. Fix the problem, then take a backup from Settings and anonymise or delete nothing else until it is done.` };
  }
  const removed = await removeBackupsExcept(s.dir, taken.id);
  await s.commit([], [s.draft('retention.backups', { type: 'backup', id: taken.id }, [`removed:${removed}`])]);
  const when = formatDate(taken.createdAt.slice(0, 10));
  const older = removed === 0 ? 'There were no older backups.' : `The ${removed === 1 ? 'older backup, which still held' : `${removed} older backups, which still held`} the case as it was, ${removed === 1 ? 'was' : 'were'} removed.`;
  return { removed, taken: taken.id, message: `${older} A new backup was taken on ${when}. Copies saved outside the casebook (a backup copy saved elsewhere, documents or exports saved before) are not changed: find and delete those yourself.` };
}
