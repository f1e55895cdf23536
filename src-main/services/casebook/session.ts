import { namedHolder } from '../../store/lock-file';
import { CasebookError } from '../../domain/shared/errors';
import type { Session, Status } from '../../domain/casebook/session';
import { listBackupFiles, peopleInNewestBackup } from '../../store/backups';
import { KEYRING } from '../../store/layout';
import { isStale, readHolder } from '../../store/lock-file';
import { createStore, inspectStore, recoverStore, unlockStore, type OpenOptions } from '../../store/open-store';
import type { Store } from '../../store/store';
import { audit } from './audit-entry';
import type { StoreHolder } from './holder';
import { idleWatch } from './idle';

/**
 * Opening and closing the casebook: its state for the unlock screen, creating it, unlocking
 * (with the day's first backup), recovering with the recovery key, locking, and changing one's
 * own passphrase.
 */
export function sessionUseCases(dir: string, h: StoreHolder, o: OpenOptions & { systemIdleSeconds?: (() => number) | undefined }, opened: (s: Store) => void) {
  const idle = idleWatch({
    now: () => (h.store ? h.store.opts.now() : new Date()),
    limitMinutes: () => h.store?.index.settings.idleLockMinutes,
    systemIdleSeconds: o.systemIdleSeconds,
    lock: () => lock('idle'),
  });
  const replace = async (next: Store): Promise<Session> => {
    if (h.store) await h.store.close();
    h.store = next;
    opened(next);
    idle.start();
    return h.session(next);
  };

  /**
   * A routine backup on the first unlock of each day, so a bad day can be undone. A backup dated
   * in the future (a clock that was wrong) does not count, or it would stop them until that
   * date. When one cannot be taken the person is told on every screen, not left to find out on
   * the day they need it. None is taken while the last check found damaged cases (its notice says so).
   */
  const dailyBackup = async (s: Store) => {
    // A backup of a casebook with cases known not to open would rotate away one that holds them (case-check.ts).
    if (s.readOnly || h.damagedIn(s).length > 0) return;
    const now = s.opts.now().getTime();
    const newest = (await listBackupFiles(dir)).find((b) => Date.parse(b.createdAt) <= now);
    if (newest && now - Date.parse(newest.createdAt) < 86_400_000) return;
    try {
      await s.backup('daily');
    } catch (e) {
      s.backupProblem = e instanceof CasebookError ? e.message : 'The daily backup could not be taken. Take one from Settings, and check the disk has room.';
    }
  };

  const lock = async (reason: string): Promise<void> => {
    if (!h.store) return;
    const s = h.store;
    h.store = undefined;
    idle.stop();
    // After a restore the trail already records it, and the old session must not write to it.
    if (reason !== 'restore') await audit(s, 'session.lock', { type: 'user', id: s.user.id }, [reason]).catch(() => undefined);
    await s.close();
    h.tell(reason);
  };

  return {
    async status(): Promise<Status> {
      const s = h.store;
      if (s) return { state: 'unlocked', users: [], session: h.session(s), ...(s.heldBy ? { heldBy: namedHolder(s.heldBy, s.keyring.users) } : {}) };
      const found = await inspectStore(dir).catch(async (e: unknown) => {
        // A damaged keyring must not hide the casebook: the unlock screen lists the people in
        // the newest backup, and unlocking then offers the backup their passphrase opens.
        if (e instanceof CasebookError && e.code === 'CORRUPT' && e.details.file === KEYRING) return { state: 'damaged-keyring' as const };
        throw e;
      });
      if (found.state === 'damaged-keyring') return { state: 'locked', users: await peopleInNewestBackup(dir) };
      if (found.state !== 'ready') return { state: 'uninitialised', users: [] };
      const holder = await readHolder(dir);
      return {
        state: 'locked',
        users: found.keyring.users.map((u) => ({ id: u.userId, name: u.name })),
        ...(holder && holder.pid !== process.pid && !isStale(holder) ? { heldBy: namedHolder(holder, found.keyring.users) } : {}),
      };
    },
    currentSession: (): Session | undefined => (h.store ? h.session(h.store) : undefined),
    async create(i: { serviceName: string; userName: string; passphrase: string }) {
      if (h.store) throw new CasebookError('CONFLICT', 'A casebook is already open');
      const { store: s, recoveryKey } = await createStore(dir, i, o);
      return { recoveryKey, session: await replace(s) };
    },
    async unlock(who: string, passphrase: string): Promise<Session> {
      if (h.store) throw new CasebookError('CONFLICT', 'The casebook is already unlocked; lock it first to unlock as someone else');
      const s = await unlockStore(dir, who, passphrase, o);
      try {
        await audit(s, 'session.unlock', { type: 'user', id: s.user.id });
      } catch (e) {
        // An unlock that cannot be recorded did not happen: the key is wiped and the lock let go,
        // so trying again (once there is room on the disk) starts clean.
        await s.close();
        throw e;
      }
      await dailyBackup(s);
      return replace(s);
    },
    async recover(userId: string, key: string, next: string): Promise<Session> {
      if (h.store) throw new CasebookError('CONFLICT', 'The casebook is already unlocked; lock it first');
      return replace(await recoverStore(dir, userId, key, next, o));
    },
    lock,
    /** Hold a store opened by another use case (the casebook opened again with a new key). */
    adopt: replace,
    /** The window says the person is using it; the idle lock counts from now. */
    async reportActivity() {
      h.need();
      idle.activity();
      return {};
    },
    /** Lock now if the casebook has been idle for the set time (the main process's timer does this every 15 seconds). */
    checkIdle: () => idle.check(),
    onLocked(l: (reason: string) => void) {
      h.listeners.add(l);
      return () => {
        h.listeners.delete(l);
      };
    },
    async changePassphrase(current: string, next: string) {
      const s = h.need();
      // Choosing a new passphrase is what an administrator's "must change it" asked for (logins.ts).
      const me = h.session(s).user;
      const { mustChangePassphrase, ...done } = me;
      await s.rewrapForUser(s.user.id, current, next, mustChangePassphrase ? { ...s.index, users: s.index.users.map((u) => (u.id === done.id ? done : u)) } : undefined);
      return { changed: true as const };
    },
    async close() {
      if (h.store) await lock('system');
    },
  };
}
