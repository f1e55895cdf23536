import { CasebookError } from '../../domain/shared/errors';
import type { Session } from '../../domain/casebook/session';
import type { Store } from '../../store/store';

/**
 * The one unlocked store a casebook service may hold, and who to tell when it locks. Locking
 * closes the store (wiping the key) before anyone is told, so the UI clears itself.
 */
export class StoreHolder {
  store: Store | undefined;
  readonly listeners = new Set<(reason: string) => void>();

  need = (): Store => {
    if (!this.store) throw new CasebookError('LOCKED', 'The casebook is locked: unlock it first');
    return this.store;
  };

  current = (): Store | undefined => this.store;

  session(s: Store): Session {
    return { user: s.user, settings: s.index.settings, readOnly: s.readOnly, notices: s.notices() };
  }

  tell(reason: string): void {
    for (const l of this.listeners) l(reason);
  }
}
