import { nextKeyring, serializeKeyring } from './keyring';
import { KEYRING } from './layout';
import { publicKeyFor } from './person-key';
import type { Store } from './store';

/**
 * A wrap written before key pairs existed has no public key, so a new data key could not be
 * sealed to its person when someone is deactivated. The public key is added at that person's next
 * unlock (the secret is derived from their passphrase then), or, for the recovery wrap, at the
 * next recovery, in one commit recorded in the trail. A read-only or held casebook waits.
 */
export async function addMissingPublicKeys(s: Store, found: { secret?: Buffer; recoveryPublicKey?: string }): Promise<void> {
  if (s.readOnly || s.integrity.length > 0) return;
  const mine = s.keyring.users.find((u) => u.userId === s.user.id);
  // Also one that does not match the passphrase (changed in a keyring synced by someone else): a key sealed to it would not reach its person.
  const derived = found.secret && publicKeyFor(found.secret);
  const user = derived && mine && !mine.ephemeral && mine.publicKey !== derived ? derived : undefined;
  const recovery = found.recoveryPublicKey && !s.keyring.recovery.publicKey && !s.keyring.recovery.ephemeral ? found.recoveryPublicKey : undefined;
  if (!user && !recovery) return;
  const next = nextKeyring(
    {
      ...s.keyring,
      users: s.keyring.users.map((u) => (user && u.userId === s.user.id ? { ...u, publicKey: user } : u)),
      recovery: recovery ? { ...s.keyring.recovery, publicKey: recovery } : s.keyring.recovery,
    },
    s.dk.key,
  );
  await s.commit([{ rel: KEYRING, bytes: serializeKeyring(next) }], [s.draft('casebook.key-pair', { type: recovery ? 'casebook' : 'user', id: recovery ? s.index.storeId : s.user.id }, ['publicKey'])]);
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

