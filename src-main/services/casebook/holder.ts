import { CasebookError } from '../../domain/shared/errors';
import type { Session } from '../../domain/casebook/session';
import type { Store } from '../../store/store';
import { damagedCasesNotice } from '../../domain/casebook/damaged-cases';

/**
 * The one unlocked store a casebook service may hold, and who to tell when it locks. Locking
 * closes the store (wiping the key) before anyone is told, so the UI clears itself.
 */
export class StoreHolder {
  store: Store | undefined;
  readonly listeners = new Set<(reason: string) => void>();
  /**
   * What the last background check of each casebook (by store id) found: cases whose files do not
   * open. Kept across locks, so the next day's first unlock does not back up a known-damaged casebook.
   */
  readonly damagedCases = new Map<string, { id: string; reference: string; register?: true }[]>();

  /** References of the cases (and names of the registers) known to be damaged in this casebook (none until a check has found some). */
  damagedIn(s: Store): string[] {
    return (this.damagedCases.get(s.index.storeId) ?? []).map((c) => c.reference);
  }

  need = (): Store => {
    if (!this.store) throw new CasebookError('LOCKED', 'The casebook is locked: unlock it first');
    return this.store;
  };

  current = (): Store | undefined => this.store;

  session(s: Store): Session {
    const damaged = this.damagedCases.get(s.index.storeId) ?? [];
    const cases = damaged.filter((d) => !d.register).map((d) => d.reference);
    const registers = damaged.filter((d) => d.register).map((d) => d.reference);
    // The login as the index lists it now: an administrator may have changed its role or flags since the unlock (logins.ts).
    const user = s.index.users.find((u) => u.id === s.user.id) ?? s.user;
    return { user, settings: s.index.settings, readOnly: s.readOnly, notices: [...s.notices(), ...(damaged.length ? [damagedCasesNotice(cases, registers)] : [])] };
  }

  tell(reason: string): void {
    for (const l of this.listeners) l(reason);
  }
}
