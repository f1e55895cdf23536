import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/store';

/**
 * The file chosen in the indirect-log form, held in the main process until the entry is saved.
 * One per session: it is keyed to the unlocked store, so locking (which drops the store) drops
 * the file too, and a token from before the lock finds nothing. Choosing again replaces it.
 */
type Held = { token: string; file: { name: string; bytes: Uint8Array } };
const held = new WeakMap<Store, Held>();

export function holdChosen(s: Store, file: Held['file']): string {
  const token = randomBytes(16).toString('hex');
  held.set(s, { token, file });
  return token;
}

/** The file for this token, once: taken out as the entry is saved. */
export function takeChosen(s: Store, token: string): Held['file'] | undefined {
  const h = held.get(s);
  if (!h || h.token !== token) return undefined;
  held.delete(s);
  return h.file;
}
