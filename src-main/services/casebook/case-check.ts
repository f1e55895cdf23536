import { CasebookError } from '../../domain/shared/errors';
import { registerFile } from '../../store/layout';
import { readRegisterBody } from '../../store/registers';
import type { Store } from '../../store/store';
import type { StoreHolder } from './holder';

/** Let the event loop run between files, so commands and the window stay responsive. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

const doesNotOpen = (e: unknown) => e instanceof CasebookError && e.code === 'CORRUPT';

/**
 * After each unlock every case file is read in the background, as opening it would (decrypt,
 * schema, the revision its case-list row records: `Store.readCase`), so a damaged case is
 * found the day it happens rather than the day someone needs it. One file at a time, yielding
 * between files; a lock or close stops it. A save can land between reading a file and its row
 * moving on, so a file that does not open is looked at again inside the service's queue, where
 * no save is half done, and reported only if it still does not open at the same revision.
 *
 * The registers kept beside the cases (registers.ts) are read the same way.
 *
 * What is found is a notice on every screen; while cases are known to be damaged the daily
 * backup is not taken (session.ts), so the backups that still hold them are not rotated away.
 */
export function caseCheck(h: StoreHolder, serial: <T>(job: () => Promise<T>) => Promise<T>) {
  let running: Promise<void> = Promise.resolve();

  const stillOpen = (s: Store) => h.store === s;

  /** Whether the case still does not open at the revision first read, with no command in flight. */
  const confirmed = (s: Store, id: string, revision: number) =>
    serial(async () => stillOpen(s) && s.summaries.get(id)?.revision === revision && (await s.readCase(id).then(() => false, doesNotOpen)));

  const checkAll = async (s: Store) => {
    const lost: { id: string; reference: string; register?: true }[] = [];
    for (const row of [...s.summaries.all()]) {
      await yieldToOthers();
      if (!stillOpen(s)) return;
      const failed = await s.readCase(row.id).then(() => false, doesNotOpen);
      // Saved meanwhile (its row moved on), or locked meanwhile (the key is wiped): not damage.
      if (!failed || !stillOpen(s) || s.summaries.get(row.id)?.revision !== row.revision) continue;
      if (await confirmed(s, row.id, row.revision)) lost.push({ id: row.id, reference: row.reference });
    }
    // The registers (staff register…) are not read at unlock either: read each once here.
    for (const name of Object.keys(s.index.registers)) {
      await yieldToOthers();
      if (!stillOpen(s)) return;
      const failed = await readRegisterBody(s.dir, s.dk, s.index, name).then(() => false, doesNotOpen);
      if (failed && stillOpen(s) && (await serial(async () => stillOpen(s) && readRegisterBody(s.dir, s.dk, s.index, name).then(() => false, doesNotOpen)))) {
        lost.push({ id: registerFile(name), reference: name, register: true });
      }
    }
    if (stillOpen(s)) h.damagedCases.set(s.index.storeId, lost);
  };

  return {
    /** Start checking the store just opened; an earlier check (of a store now closed) stops by itself. */
    start(s: Store): void {
      running = checkAll(s).catch(() => undefined);
    },
    /** For tests: the check started at the last unlock, finished or stopped. */
    casesChecked: async (): Promise<void> => running,
  };
}
