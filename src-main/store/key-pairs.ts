import { nextKeyring, serializeKeyring, type KeyringBody, type UserWrap } from './keyring';
import { KEYRING } from './layout';
import { publicKeysOf } from './person-key';
import type { Store } from './store';

/**
 * The signed-in person's wrap made a plain passphrase wrap with their own public keys, at the
 * unlock that opened it (keyring.ts `unlockForUser` makes it): one from before key pairs gains its
 * public keys, so a later deactivation can seal a new key to them; one sealed to them at a key
 * change becomes a wrap only their passphrase could have made, so joining a team from another
 * computer never has to trust a sealed wrap; public keys that are not theirs are put right. Only
 * when the wrap is still the one unlocked (`was`: a passphrase change finished by the journal at
 * this unlock is left alone). The recovery wrap likewise at the next recovery. One commit,
 * recorded; a read-only or held casebook waits.
 */
export async function settleWraps(s: Store, found: { mine?: UserWrap | undefined; was?: string; recovery?: KeyringBody['recovery'] | undefined }): Promise<void> {
  if (s.readOnly || s.integrity.length > 0) return;
  const current = s.keyring.users.find((u) => u.userId === found.mine?.userId);
  // Their name as this keyring has it (a wrap read from a team's public keyring carries none).
  const mine = found.mine && current && current.wrapped === found.was ? { ...found.mine, name: current.name } : undefined;
  const { recovery } = found;
  if (!mine && !recovery) return;
  const users = s.keyring.users.map((u) => (mine && u.userId === mine.userId ? mine : u));
  const next = nextKeyring({ ...s.keyring, users, recovery: recovery ?? s.keyring.recovery }, s.dk.key);
  const entity = recovery ? { type: 'casebook', id: s.index.storeId } : { type: 'user', id: s.user.id };
  await s.commit([{ rel: KEYRING, bytes: serializeKeyring(next) }], [s.draft('casebook.key-pair', entity, ['publicKey'])]);
  s.keyring = next;
}

/** Whether this person key is the one the person's wrap in `keyring` carries the public keys of. */
export function isPersonKeyOf(keyring: KeyringBody, userId: string, kek: Buffer | undefined): boolean {
  const mine = keyring.users.find((u) => u.userId === userId);
  if (!kek || !mine?.publicKey) return false;
  const keys = publicKeysOf(kek);
  return mine.publicKey === keys.publicKey && mine.signingKey === keys.signingKey;
}

/**
 * The casebook opened again under a new key: the signed-in person's person key goes with it when
 * their wrap's public keys are unchanged (a key sealed to them); after new passphrases it is wiped.
 */
export function carryKek(next: Store, kek: Buffer | undefined): void {
  if (kek && isPersonKeyOf(next.keyring, next.user.id, kek)) next.personKek = kek;
  else kek?.fill(0);
}
