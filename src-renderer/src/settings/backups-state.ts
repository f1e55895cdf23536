import { create } from 'zustand';
import type { BackupInfo } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../shared/api/client';
import { useSession } from '../app/session';

interface BackupsState {
  backups?: BackupInfo[];
  busy: boolean;
  error?: string;
  /** The last thing that happened, for the aria-live status line. */
  notice?: string;
  load(): Promise<void>;
  backUpNow(): Promise<void>;
  restore(id: string): Promise<void>;
}

export const backupsInitial = { backups: undefined, busy: false, error: undefined, notice: undefined };

export const useBackups = create<BackupsState>()((set, get) => ({
  ...backupsInitial,
  async load() {
    try {
      set({ backups: await call('listBackups'), error: undefined });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },
  async backUpNow() {
    set({ busy: true, error: undefined, notice: undefined });
    try {
      await call('createBackup');
      await get().load();
      set({ notice: 'Backup made' });
    } catch (e) {
      set({ error: messageOf(e) });
    } finally {
      set({ busy: false });
    }
  },
  async restore(id) {
    set({ busy: true, error: undefined, notice: undefined });
    try {
      // The main process locks the casebook after a restore and tells us through onLocked;
      // say why in case that notice arrives first or not at all.
      useSession.setState({ pendingLockReason: 'restore' });
      await call('restoreBackup', { id });
    } catch (e) {
      useSession.setState({ pendingLockReason: undefined });
      set({ error: messageOf(e), busy: false });
    }
  },
}));
