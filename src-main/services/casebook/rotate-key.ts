import { requireCapability } from '../../domain/access/capabilities';
import type { Session } from '../../domain/casebook/session';
import { CasebookError } from '../../domain/shared/errors';
import { isActive } from '../../domain/casebook/user';
import { openWithKey, type OpenOptions } from '../../store/open-store';
import { serializeKeyring } from '../../store/keyring';
import { rekeyBackups } from '../../store/rotate-backups';
import type { Store } from '../../store/store';
import type { StoreHolder } from './holder';

/**
 * After a suspected leak (a laptop lost, someone removed who may have kept a copy of
 * keyring.json or the folder), an administrator changes the casebook's data key: every file is
 * re-encrypted, a new recovery key is shown once, and every other person who can unlock gets a
 * new passphrase from the administrator (anyone left out is removed). A copy of the old keyring,
 * old passphrases and the old recovery key then open nothing of the casebook as it is now.
 */
export function rotateKeyUseCases(dir: string, h: StoreHolder, o: OpenOptions, adopt: (s: Store) => Promise<Session>) {
  return {
    async rotateDataKey(i: { passphrase: string; others: { userId: string; passphrase: string }[] }) {
      const s = h.need();
      requireCapability(s.user.role, 'rotate-data-key');
      const ids = i.others.map((p) => p.userId);
      if (new Set(ids).size !== ids.length) throw new CasebookError('INVALID_INPUT', 'Each person may be given only one new passphrase.');
      if (ids.includes(s.user.id)) throw new CasebookError('INVALID_INPUT', 'Your own passphrase stays as it is: give new passphrases only to the others.');
      const unknown = ids.find((id) => !s.index.users.some((u) => u.id === id && isActive(u)));
      if (unknown) throw new CasebookError('NOT_FOUND', 'There is no such person among those who can unlock this casebook.');
      // Those left out are deactivated (rotation-plan.ts); anyone already deactivated is not news.
      const removed = s.index.users.filter((u) => u.id !== s.user.id && !ids.includes(u.id) && isActive(u)).map((u) => u.name);
      const fields = ['dataKey', 'recoveryKey', 'passphrase', ...(removed.length ? ['users'] : [])];
      const done = await s.rotateDataKey({ ...i, draft: s.draft('casebook.rotate-key', { type: 'casebook', id: s.index.storeId }, fields) });
      // Each backup re-encrypted too, so it still restores (one that is damaged is left, and named at a restore).
      const backupsLeft = await rekeyBackups(dir, s.dk, done.dk, s.index.storeId, serializeKeyring(done.keyring));
      // The open store holds the old key and what it read with it: open the casebook again with the new one.
      const userId = s.user.id;
      h.store = undefined;
      await s.close();
      const next = await openWithKey(dir, done.keyring, done.dk.key, userId, { ...o, requireWritable: true }).catch((e: unknown) => {
        h.tell('system');
        throw new CasebookError('WRITE_FAILED', `The key was changed, but the casebook could not be opened again (${e instanceof Error ? e.message : 'unknown'}). Unlock it with your passphrase, then change the key once more to get a recovery key.`);
      });
      return { recoveryKey: done.recoveryKey, removed, backupsLeft, session: await adopt(next) };
    },
  };
}
