import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/store';

/**
 * The file chosen in a health-check indicator's form, held in the main process until "Attach"
 * (the form holds only a token, the name and the size, so the bytes never pass through the
 * screen). Keyed to the unlocked store, so locking drops it; choosing again replaces it.
 */
type Held = { token: string; file: { name: string; bytes: Uint8Array } };
const held = new WeakMap<Store, Held>();

export function holdChosenEvidence(s: Store, file: Held['file']): string {
  const token = randomBytes(16).toString('hex');
  held.set(s, { token, file });
  return token;
}

/** The file for this token, once: taken out as it is attached. */
export function takeChosenEvidence(s: Store, token: string): Held['file'] | undefined {
  const h = held.get(s);
  if (!h || h.token !== token) return undefined;
  held.delete(s);
  return h.file;
}
