import { promises as fs } from 'node:fs';
import { CasebookError } from '../../domain/shared/errors';
import type { Team } from '../../domain/sync/team';
import { dataKeyOf, parseKeyring, serializeKeyring, signKeyring, type KeyringBody } from '../../store/keyring';
import { abs, SYNC_DIR } from '../../store/layout';
import type { Store } from '../../store/store';
import { KEYRING_DOC_ID, keyringFromValue, openDoc } from './doc-codec';
import { PublicKeyringSchema, unwrapPublic } from './keyring-doc';
import { openRemote, serverError } from './remote';

/**
 * A key changed on another computer of the team (issue 16: removing a person changes the data
 * key, re-encrypts and sends everything, so a removed person's copy cannot read what is written
 * afterwards): this computer takes it with the new passphrase its person was given. The team's
 * keyring is read from the server with that passphrase, every file here is re-encrypted under
 * the key in one commit (as a rotation is), and this computer's copy of the server is started
 * afresh, since it was sealed with the old key.
 */

export async function teamKeyFor(s: Store, team: Team, passphrase: string): Promise<{ dk: ReturnType<typeof dataKeyOf>; keyring: KeyringBody }> {
  const remote = await openRemote(team.remote, { user: team.serverUser, password: team.serverPassword });
  try {
    const doc = await remote.get(KEYRING_DOC_ID);
    const pub = PublicKeyringSchema.safeParse(doc.public);
    if (!pub.success || pub.data.storeId !== s.keyring.storeId) throw new CasebookError('SERVER', "The server's copy of the team keyring could not be read. Nothing was changed on this computer.");
    if (pub.data.keyId === s.keyring.keyId) throw new CasebookError('CONFLICT', 'This computer already has the casebook’s current key: there is nothing to take.');
    const opened = await unwrapPublic(pub.data, s.user.name, passphrase);
    if (typeof opened === 'string') throw new CasebookError('AUTH_FAILED', `That passphrase does not open the new key for ${s.user.name}. Use the new passphrase the administrator gave you; nothing was changed on this computer.`);
    const dk = dataKeyOf({ keyId: pub.data.keyId } as KeyringBody, opened.key);
    return { dk, keyring: parseKeyring(serializeKeyring(signKeyring(keyringFromValue(openDoc(dk, doc).value), dk.key))) };
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
