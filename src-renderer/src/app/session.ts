import { create } from 'zustand';
import type { Session, Status } from '../../../src-main/ipc/contract';
import type { Settings } from '../../../src-main/domain/casebook/settings';
import { call, messageOf } from '../shared/api/client';

/**
 * Which top-level screen is showing, and who is signed in. The recovery key lives here only
 * between "casebook created" and "I have stored it", and is dropped on lock.
 */
export type Phase = 'loading' | 'create' | 'recovery-key' | 'locked' | 'recover' | 'unlocked' | 'unavailable'
  // No casebook here yet, and this computer joins a team's (issue 16) instead of creating one.
  | 'join';

/** Why the casebook last locked, in words for the unlock screen. */
export type LockReason = 'manual' | 'idle' | 'system' | 'restore' | string;

interface SessionData {
  phase: Phase;
  status?: Status;
  session?: Session;
  recoveryKey?: string;
  /** The recovery key shown replaces an earlier one (the key was changed): the old one no longer works. */
  recoveryKeyReplaced?: boolean;
  lockReason?: LockReason;
  /** Set just before the renderer itself locks, so the later onLocked event keeps our reason. */
  pendingLockReason?: LockReason;
  problem?: string;
}

interface SessionActions {
  refresh(): Promise<void>;
  /** Take the notices of the open casebook afresh: some arrive after unlocking (the check of every case file). */
  refreshNotices(): Promise<void>;
  created(recoveryKey: string, session: Session, replaced?: boolean): void;
  recoveryKeyStored(): void;
  unlocked(session: Session): void;
  showRecover(): void;
  showUnlock(): void;
  showJoin(): void;
  showCreate(): void;
  settingsChanged(settings: Settings): void;
}

const initial: SessionData = { phase: 'loading' };

export const useSession = create<SessionData & SessionActions>()((set, get) => ({
  ...initial,

  async refresh() {
    try {
      const status = await call('getStatus');
      if (status.state === 'uninitialised') set({ status, phase: get().phase === 'join' ? 'join' : 'create', session: undefined });
      else if (status.state === 'unlocked' && status.session) set({ status, phase: 'unlocked', session: status.session });
      // Keep the recover screen if that is where the person is.
      else set({ status, phase: get().phase === 'recover' ? 'recover' : 'locked', session: undefined });
    } catch (e) {
      set({ phase: 'unavailable', problem: messageOf(e) });
    }
  },

  async refreshNotices() {
    if (get().phase !== 'unlocked') return;
    const status = await call('getStatus').catch(() => undefined);
    const now = get().session;
    // Only the notices change here; a lock or unlock in between is left to the usual path.
    if (status?.state === 'unlocked' && status.session && now && status.session.user.id === now.user.id && get().phase === 'unlocked') {
      if (JSON.stringify(status.session.notices) !== JSON.stringify(now.notices)) set({ session: { ...now, notices: status.session.notices } });
    }
  },

  created(recoveryKey, session, replaced = false) {
    set({ phase: 'recovery-key', recoveryKey, recoveryKeyReplaced: replaced, session, lockReason: undefined });
  },

  recoveryKeyStored() {
    set({ phase: 'unlocked', recoveryKey: undefined, recoveryKeyReplaced: undefined });
  },

  unlocked(session) {
    set({ phase: 'unlocked', session, lockReason: undefined, pendingLockReason: undefined });
  },

  showRecover() {
    set({ phase: 'recover', lockReason: undefined });
  },

  showUnlock() {
    set({ phase: 'locked' });
  },

  showJoin() {
    set({ phase: 'join' });
  },

  showCreate() {
    set({ phase: 'create' });
  },

  settingsChanged(settings) {
    const s = get().session;
    if (s) set({ session: { ...s, settings } });
  },
}));

/** Forget the session and anything secret; the status (user names only) is fetched again. */
export function resetSession(reason: LockReason): void {
  const pending = useSession.getState().pendingLockReason;
  const wasLocked = useSession.getState().phase === 'locked';
  useSession.setState({
    ...initial,
    phase: 'locked',
    status: useSession.getState().status,
    // A second notice for the same lock (ours, then the main process's) keeps the first reason.
    lockReason: pending ?? (wasLocked ? useSession.getState().lockReason : reason),
    session: undefined,
    recoveryKey: undefined,
    recoveryKeyReplaced: undefined,
    pendingLockReason: undefined,
  });
}
