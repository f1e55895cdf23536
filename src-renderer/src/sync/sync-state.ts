import { create } from 'zustand';
import type { SyncResult, SyncStatus } from '../../../src-main/domain/sync/status';
import { call, messageOf } from '../shared/api/client';

/**
 * What the renderer knows of team use: the last status the main process gave (polled by the
 * status line), and whether this window asked for a sync. The main process answers the status
 * from memory, so polling it is cheap and never waits behind a sync.
 */
interface SyncState {
  status?: SyncStatus;
  /** This window's "Sync now" is running. */
  syncing: boolean;
  /** Why this window's last "Sync now" did not finish, in the service's words. */
  error?: string;
  refresh(): Promise<void>;
  /** One push and pull; the status is fetched again afterwards, whatever happened. */
  syncNow(): Promise<SyncResult | undefined>;
}

export const syncInitial = { status: undefined, syncing: false, error: undefined };

/** How often the status line asks (the brief: every 15 seconds, and after each "Sync now"). */
export const POLL_MS = 15_000;
export const RUNNING_POLL_MS = 1_000;

export const useSync = create<SyncState>()((set, get) => ({
  ...syncInitial,
  async refresh() {
    try {
      set({ status: await call('getSyncStatus') });
    } catch {
      // Locked meanwhile, or the main process busy: the next poll asks again.
    }
  },
  async syncNow() {
    if (get().syncing) return undefined;
    set({ syncing: true, error: undefined });
    try {
      return await call('syncNow');
    } catch (e) {
      set({ error: messageOf(e) });
      return undefined;
    } finally {
      set({ syncing: false });
      await get().refresh();
    }
  },
}));
