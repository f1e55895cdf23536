import { promises as fs } from 'node:fs';
import { CasebookError } from '../../domain/shared/errors';
import type { Team } from '../../domain/sync/team';
import { checkHandover, dataKeyOf, parseKeyring, serializeKeyring, signKeyring, type KeyringBody } from '../../store/keyring';
import { abs, SYNC_DIR } from '../../store/layout';
import type { Store } from '../../store/store';
import { KEYRING_DOC_ID, keyringFromValue, openDoc } from './doc-codec';
import { openPublicWithKek, PublicKeyringSchema, unwrapPublic, type PublicKeyring } from './keyring-doc';
import { can } from '../../domain/access/capabilities';
import { isActive } from '../../domain/casebook/user';
import { openRemote, serverError } from './remote';

/**
 * A key changed on another computer of the team (issue 16: removing a person changes the data
 * key, re-encrypts and sends everything, so a removed person's copy cannot read what is written
 * afterwards): this computer takes it by itself when the key was sealed to its person, or with the
 * new passphrase they were given, and only when an administrator signed the change. The team's
 * keyring is read from the server, every file here is re-encrypted under
 * the key in one commit (as a rotation is), and this computer's copy of the server is started
 * afresh, since it was sealed with the old key.
 */

const NOT_CONFIRMED =
  'This computer cannot confirm that the new key came from your team: it was not signed by an administrator this computer knows, the key was changed more than once since it last synced, or the server’s copy is not genuine. Nothing was changed on this computer. Ask an administrator; to carry on, move this casebook folder aside and join the team again.';

export interface TeamKey {
  dk: ReturnType<typeof dataKeyOf>;
  keyring: KeyringBody;
  /** The person key for the new keyring's wrap, to keep while unlocked. */
  kek: Buffer | undefined;
}

/**
 * Whether the change to `newKey` was signed by someone this computer's own keyring and list of
 * people show as an active administrator, replacing the key it has (keyring.ts `checkHandover`).
 * The server never holds a person key, so it cannot sign; an older genuine change replayed names
 * another key than this computer's and is refused too.
 */
function signedByAnAdministrator(s: Store, pub: PublicKeyring, newKey: Buffer): boolean {
  const h = pub.handover;
  if (!h || h.from !== s.keyring.keyId) return false;
  const signer = s.keyring.users.find((u) => u.userId === h.by);
  const person = s.index.users.find((u) => u.id === h.by);
  if (!signer?.signingKey || !person || !isActive(person) || !can(person.role, 'manage-users')) return false;
  return checkHandover(h, signer.signingKey, pub.storeId, pub.keyId, newKey);
}

/**
 * The team's new key: with the person key kept since this person unlocked (a key sealed to them
 * when a login was deactivated, services/casebook/rotate-key.ts), or with the new passphrase they
 * were given. Either way it is taken only when an administrator signed the change. Undefined when
 * the person key opens nothing or the change is not signed so (a sync then says the key changed).
 */
export async function teamKeyFor(s: Store, team: Team, by: { passphrase: string } | { kek: Buffer }): Promise<TeamKey | undefined> {
  const remote = await openRemote(team.remote, { user: team.serverUser, password: team.serverPassword });
  try {
    const doc = await remote.get(KEYRING_DOC_ID);
    const pub = PublicKeyringSchema.safeParse(doc.public);
    if (!pub.success || pub.data.storeId !== s.keyring.storeId) throw new CasebookError('SERVER', "The server's copy of the team keyring could not be read. Nothing was changed on this computer.");
    if (pub.data.keyId === s.keyring.keyId) throw new CasebookError('CONFLICT', 'This computer already has the casebook’s current key: there is nothing to take.');
    let key: Buffer | undefined;
    let kek: Buffer | undefined;
    if ('kek' in by) {
      key = openPublicWithKek(pub.data, s.user.id, by.kek);
      if (!key || !signedByAnAdministrator(s, pub.data, key)) return undefined;
      kek = Buffer.from(by.kek);
    } else {
      const opened = await unwrapPublic(pub.data, s.user.name, by.passphrase, { sealed: true });
      if (typeof opened === 'string') throw new CasebookError('AUTH_FAILED', `That passphrase does not open the new key for ${s.user.name}. Use the new passphrase the administrator gave you; nothing was changed on this computer.`);
      if (!signedByAnAdministrator(s, pub.data, opened.key)) {
        opened.key.fill(0);
        opened.kek.fill(0);
        throw new CasebookError('AUTH_FAILED', NOT_CONFIRMED);
      }
      ({ key, kek } = opened);
    }
    const dk = dataKeyOf({ keyId: pub.data.keyId } as KeyringBody, key);
    return { dk, keyring: parseKeyring(serializeKeyring(signKeyring(keyringFromValue(openDoc(dk, doc).value), dk.key))), kek };
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
