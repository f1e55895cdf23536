import { promises as fs } from 'node:fs';
import { CasebookError } from '../../domain/shared/errors';
import type { Team } from '../../domain/sync/team';
import { dataKeyOf, parseKeyring, serializeKeyring, signKeyring, type KeyringBody } from '../../store/keyring';
import { abs, SYNC_DIR } from '../../store/layout';
import type { Store } from '../../store/store';
import { KEYRING_DOC_ID, keyringFromValue, openDoc } from './doc-codec';
import { handedOverFrom, openPublicWithSecret, PublicKeyringSchema, unwrapPublic } from './keyring-doc';
import { openRemote, serverError } from './remote';

/**
 * A key changed on another computer of the team (issue 16: removing a person changes the data
 * key, re-encrypts and sends everything, so a removed person's copy cannot read what is written
 * afterwards): this computer takes it by itself when the key was sealed to its person, or with the
 * new passphrase they were given. The team's keyring is read from the server, every file here is re-encrypted under
 * the key in one commit (as a rotation is), and this computer's copy of the server is started
 * afresh, since it was sealed with the old key.
 */

const NOT_CONFIRMED =
  'This computer cannot confirm that the new key came from your team: the key was changed more than once since it last synced, or the server’s copy is not genuine. Nothing was changed on this computer. Ask an administrator; to carry on, move this casebook folder aside and join the team again.';

export interface TeamKey {
  dk: ReturnType<typeof dataKeyOf>;
  keyring: KeyringBody;
  /** The person's secret for the new keyring's wrap, to keep while unlocked. */
  secret: Buffer | undefined;
}

/**
 * The team's new key: with the new passphrase the person was given, or, when the key was sealed
 * to them (a login deactivated, services/casebook/rotate-key.ts), with the secret kept since they
 * unlocked. Undefined when nothing is sealed to them and no passphrase was given.
 */
export async function teamKeyFor(s: Store, team: Team, by: { passphrase: string } | { secret: Buffer }): Promise<TeamKey | undefined> {
  const remote = await openRemote(team.remote, { user: team.serverUser, password: team.serverPassword });
  try {
    const doc = await remote.get(KEYRING_DOC_ID);
    const pub = PublicKeyringSchema.safeParse(doc.public);
    if (!pub.success || pub.data.storeId !== s.keyring.storeId) throw new CasebookError('SERVER', "The server's copy of the team keyring could not be read. Nothing was changed on this computer.");
    if (pub.data.keyId === s.keyring.keyId) throw new CasebookError('CONFLICT', 'This computer already has the casebook’s current key: there is nothing to take.');
    // A key sealed to this person is taken only with proof made by the key this computer has: the server could seal one of its own.
    const handedOver = handedOverFrom(pub.data, { keyId: s.keyring.keyId, key: s.dk.key });
    let key: Buffer | undefined;
    let secret: Buffer | undefined;
    if ('secret' in by) {
      key = handedOver ? openPublicWithSecret(pub.data, s.user.id, by.secret) : undefined;
      if (!key) return undefined;
      secret = Buffer.from(by.secret);
    } else {
      const opened = await unwrapPublic(pub.data, s.user.name, by.passphrase, { sealed: handedOver });
      if (typeof opened === 'string') throw new CasebookError('AUTH_FAILED', handedOver ? `That passphrase does not open the new key for ${s.user.name}. Use the new passphrase the administrator gave you; nothing was changed on this computer.` : NOT_CONFIRMED);
      ({ key, secret } = opened);
    }
    const dk = dataKeyOf({ keyId: pub.data.keyId } as KeyringBody, key);
    return { dk, keyring: parseKeyring(serializeKeyring(signKeyring(keyringFromValue(openDoc(dk, doc).value), dk.key))), secret };
  } catch (e) {
    throw serverError(e);
  } finally {
    await remote.close().catch(() => undefined);
  }
}

/** This computer's copy of the server, sealed with a key no longer the casebook's, is removed to be fetched afresh. */
export async function forgetMirror(dir: string): Promise<void> {
  await fs.rm(abs(dir, SYNC_DIR), { recursive: true, force: true });
}
