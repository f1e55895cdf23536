import { nextKeyring, serializeKeyring, type KeyringBody, type UserWrap } from './keyring';
import { KEYRING } from './layout';
import { publicKeyFor } from './person-key';
import type { Store } from './store';

/**
 * The signed-in person's wrap made a plain passphrase wrap with their own public key, at the
 * unlock that opened it (keyring.ts `unlockForUser` makes it): one from before key pairs gains its
 * public key, so a later deactivation can seal a new key to them; one sealed to them at a key
 * change becomes a wrap only their passphrase could have made, so joining a team from another
 * computer never has to trust a sealed wrap; a public key that is not theirs is put right. The
 * recovery wrap likewise at the next recovery. One commit, recorded; a read-only or held casebook waits.
 */
export async function settleWraps(s: Store, found: { mine?: UserWrap | undefined; recovery?: KeyringBody['recovery'] | undefined }): Promise<void> {
  if (s.readOnly || s.integrity.length > 0 || (!found.mine && !found.recovery)) return;
  const { mine, recovery } = found;
  const users = s.keyring.users.map((u) => (mine && u.userId === mine.userId ? mine : u));
  const next = nextKeyring({ ...s.keyring, users, recovery: recovery ?? s.keyring.recovery }, s.dk.key);
  const entity = recovery ? { type: 'casebook', id: s.index.storeId } : { type: 'user', id: s.user.id };
  await s.commit([{ rel: KEYRING, bytes: serializeKeyring(next) }], [s.draft('casebook.key-pair', entity, ['publicKey'])]);
  s.keyring = next;
}

/**
 * The casebook opened again under a new key: the signed-in person's secret goes with it when their
 * public key is unchanged (a key sealed to them); after new passphrases it is wiped instead.
 */
export function carrySecret(next: Store, secret: Buffer | undefined): void {
  const mine = next.keyring.users.find((u) => u.userId === next.user.id);
  if (secret && mine?.publicKey === publicKeyFor(secret)) next.personSecret = secret;
  else secret?.fill(0);
}
