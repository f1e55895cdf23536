import { requireCapability } from '../../domain/access/capabilities';
import type { Session } from '../../domain/casebook/session';
import { CasebookError } from '../../domain/shared/errors';
import { isActive } from '../../domain/casebook/user';
import { openWithKey, type OpenOptions } from '../../store/open-store';
import { kekFor, serializeKeyring } from '../../store/keyring';
import { rekeyBackups } from '../../store/rotate-backups';
import type { Store } from '../../store/store';
import type { StoreHolder } from './holder';
import { checkDeactivation } from './logins';
import type { AuditDraft } from '../../domain/casebook/audit';
import { carryKek, isPersonKeyOf } from '../../store/key-pairs';
import { canSealTo } from '../../store/person-key';
import type { RotationHow } from '../../store/rotation-plan';

/**
 * After a suspected leak (a laptop lost, someone removed who may have kept a copy of
 * keyring.json or the folder), an administrator changes the casebook's data key: every file is
 * re-encrypted, a new recovery key is shown once, and every other person who can unlock gets a
 * new passphrase from the administrator (anyone left out is removed). A copy of the old keyring,
 * old passphrases and the old recovery key then open nothing of the casebook as it is now.
 */
export function rotateKeyUseCases(dir: string, h: StoreHolder, o: OpenOptions, adopt: (s: Store) => Promise<Session>) {
  /** The key changed in one commit, every backup re-encrypted too, and the casebook opened again under the new key. */
  async function changeKey(s: Store, draft: AuditDraft, i: { passphrase: string; others: { userId: string; passphrase: string }[] }, how?: RotationHow) {
    const done = await s.rotateDataKey({ ...i, draft }, how);
    // Each backup re-encrypted too, so it still restores (one that is damaged is left, and named at a restore).
    const backupsLeft = await rekeyBackups(dir, s.dk, done.dk, s.index.storeId, serializeKeyring(done.keyring));
    // The open store holds the old key and what it read with it: open the casebook again with the new one.
    const userId = s.user.id;
    const kek = s.personKek && Buffer.from(s.personKek);
    h.store = undefined;
    await s.close();
    const next = await openWithKey(dir, done.keyring, done.dk.key, userId, { ...o, requireWritable: true }).catch((e: unknown) => {
      kek?.fill(0);
      h.tell('system');
      throw new CasebookError('WRITE_FAILED', `The key was changed, but the casebook could not be opened again (${e instanceof Error ? e.message : 'unknown'}). Unlock it with your passphrase, then change the key once more to get a recovery key.`);
    });
    carryKek(next, kek);
    // New passphrase wraps have new key pairs: the administrator's person key is derived again from theirs.
    if (!next.personKek && i.passphrase) next.keepKek(await kekFor(next.keyring, userId, i.passphrase));
    return { recoveryKey: done.recoveryKey, backupsLeft, session: await adopt(next), users: next.index.users };
  }

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
      const { users: _users, ...done } = await changeKey(s, s.draft('casebook.rotate-key', { type: 'casebook', id: s.index.storeId }, fields), i);
      return { ...done, removed };
    },

    /**
     * Deactivating a login changes the key (issue 16): the new key is sealed to each person who
     * stays (their passphrases unchanged) and to the recovery key, every file and backup is
     * re-encrypted, and in a team it is sent to the others, who take it at their next sync. The
     * person removed can no longer unlock, and a copy of the casebook they kept reads nothing
     * written from now on. Anyone whose wrap predates key pairs (not unlocked since this version)
     * cannot be sealed to, so is deactivated too and named, to be let back in with a passphrase.
     */
    async deactivateUser(userId: string) {
      const s = h.need();
      const person = checkDeactivation(s, userId);
      const active = new Set(s.index.users.filter((u) => isActive(u) && u.id !== person.id).map((u) => u.id));
      const staying = s.keyring.users.filter((u) => active.has(u.userId));
      // The new key must reach the administrator here, and be signed by them: their public keys are the ones their passphrase gives.
      if (!isPersonKeyOf(s.keyring, s.user.id, s.personKek)) throw new CasebookError('CONFLICT', 'Lock the casebook and unlock it again with your passphrase, then deactivate them: the new key cannot be sealed to you yet.');
      const sealable = staying.filter((u) => canSealTo(u.publicKey));
      const alsoDeactivated = staying.filter((u) => !sealable.includes(u)).map((u) => u.name);
      const newRecovery = !s.keyring.recovery.publicKey;
      const fields = ['passphrase', 'dataKey', ...(newRecovery ? ['recoveryKey'] : []), ...(alsoDeactivated.length ? ['users'] : [])];
      const draft = s.draft('user.deactivate-rekey', { type: 'user', id: person.id }, fields);
      const done = await changeKey(s, draft, { passphrase: '', others: [] }, { sealFor: sealable.map((u) => u.userId) });
      return { ...done, alsoDeactivated };
    },
  };
}
