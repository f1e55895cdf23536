import { call } from '../shared/api/client';
import { clearAllStores } from './reset';
import { useSession, type LockReason } from './session';

/**
 * Lock from the renderer (the Lock button or the idle timer). The main process forgets the
 * key and sends onLocked; we clear our own state straight away too rather than wait for it,
 * and even if the call fails, so nothing stays on screen.
 */
export async function lockNow(reason: LockReason): Promise<void> {
  useSession.setState({ pendingLockReason: reason });
  try {
    await call('lock', { reason: reason === 'idle' ? 'idle' : 'manual' });
  } catch {
    // Already locked or the main process is gone: clearing below is still right.
  }
  clearAllStores(reason);
  await useSession.getState().refresh();
}
