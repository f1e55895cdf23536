import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/store';

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A file chosen in a form (an attachment to a log entry, evidence for an indicator), held in
 * the main process until the form is saved: the form holds only a token, the name and the
 * size, so the bytes never pass through the screen. One holder per kind of form, one file per
 * session: it is keyed to the unlocked store, so locking (which drops the store) drops the
 * file too, and a token from before the lock finds nothing. Choosing again replaces it.
 */
export function chosenFileHolder() {
  const held = new WeakMap<Store, { token: string; file: ChosenFile }>();
  return {
    hold(s: Store, file: ChosenFile): string {
      const token = randomBytes(16).toString('hex');
      held.set(s, { token, file });
      return token;
    },
    /** The file for this token, once: taken out as the form is saved. */
    take(s: Store, token: string): ChosenFile | undefined {
      const h = held.get(s);
      if (!h || h.token !== token) return undefined;
      held.delete(s);
      return h.file;
    },
  };
}
