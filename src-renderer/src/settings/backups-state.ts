import { create } from 'zustand';
import type { BackupInfo } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../shared/api/client';
import { useSession } from '../app/session';
import { lostCasesOf } from '../casebook/RecoverWhatOpens';

interface BackupsState {
  backups?: BackupInfo[];
  busy: boolean;
  error?: string;
  /** Goes up with each error, so the error summary takes focus again for a repeated one. */
  errorKey: number;
  /** The last thing that happened, for the aria-live status line. */
  notice?: string;
  /** A backup refused because some of its cases do not open: which, until the person decides. */
  lost?: { id: string; references: string[] };
  load(): Promise<void>;
  backUpNow(): Promise<void>;
  /** `partial`: restore what opens, leaving out the cases that do not (asked for after seeing them). */
  restore(id: string, partial?: boolean): Promise<void>;
  dismissLost(): void;
}

export const backupsInitial = { backups: undefined, busy: false, error: undefined, errorKey: 0, notice: undefined, lost: undefined };

/**
 * A restore locks the casebook, and the main process tells us through onLocked. Say why
 * first, in case that notice arrives before the call returns or not at all. `job` says
 * whether anything was restored: not when the person cancelled choosing a file.
 */
export async function restoreAndLock(job: () => Promise<boolean>): Promise<boolean> {
  let restored = false;
  useSession.setState({ pendingLockReason: 'restore' });
  try {
    restored = await job();
    return restored;
  } finally {
    if (!restored) useSession.setState({ pendingLockReason: undefined });
  }
}

export const useBackups = create<BackupsState>()((set, get) => {
  const failed = (e: unknown) => set({ error: messageOf(e), errorKey: get().errorKey + 1, busy: false });
  return {
    ...backupsInitial,
    async load() {
      try {
        set({ backups: await call('listBackups'), error: undefined });
      } catch (e) {
        failed(e);
      }
    },
    async backUpNow() {
      set({ busy: true, error: undefined, notice: undefined });
      try {
        await call('createBackup');
        await get().load();
        set({ notice: 'Backup made', busy: false });
      } catch (e) {
        failed(e);
      }
    },
    async restore(id, partial = false) {
      set({ busy: true, error: undefined, notice: undefined, lost: undefined });
      try {
        // Restored: the casebook locks, and every store is cleared, this one too.
        await restoreAndLock(async () => (await call('restoreBackup', { id, partial })).restored);
      } catch (e) {
        const references = lostCasesOf(e);
        if (references) set({ lost: { id, references }, busy: false });
        else failed(e);
      }
    },
    dismissLost: () => set({ lost: undefined }),
  };
});
