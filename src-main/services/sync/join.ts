import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { CURRENT_SCHEMA } from '../../store/index-db';
import { CaseworkSettingsSchema } from '../../domain/casebook/casework-settings';
import { SettingsSchema } from '../../domain/casebook/settings';
import { UserSchema } from '../../domain/casebook/user';
import { VenueListSchema } from '../../domain/conferences/venue';
import { CasebookError } from '../../domain/shared/errors';
import { StaffListSchema } from '../../domain/staff/staff';
import { JoinTeamInputSchema, type JoinTeamInput } from '../../domain/sync/status';
import type { Team } from '../../domain/sync/team';
import { z } from 'zod';
import { dataKeyOf, type KeyringBody } from '../../store/keyring';
import { createJoinedStore } from '../../store/joined-store';
import { settleWraps } from '../../store/key-pairs';
import type { OpenOptions } from '../../store/open-store';
import type { PouchDatabase } from '../../store/pouch';
import type { Store } from '../../store/store';
import { fromZod } from '../shared/errors';
import { docIdOf, KEYRING_DOC_ID, keyringFromValue, openDoc, openIds } from './doc-codec';
import { PublicKeyringSchema, unwrapPublic } from './keyring-doc';
import { normaliseRemote, openRemote, serverError } from './remote';

/**
 * Joining a team casebook from this computer (issue 16): the server's keyring is unlocked with
 * the person's name and passphrase (the same Argon2id wraps as keyring.json; the server holds
 * only wrapped keys), the team's keyring, settings and people are read with the key, and a
 * casebook is made here from them (store/joined-store.ts). Every failure before that point —
 * a wrong address, account or passphrase, a server with another casebook — changes nothing on
 * this computer. The cases arrive with the first sync that follows.
 */
const SettingsRecord = z.strictObject({ settings: SettingsSchema, casework: CaseworkSettingsSchema });
const PeopleRecord = z.strictObject({ users: z.array(UserSchema).min(1), staff: StaffListSchema, venues: VenueListSchema });

export interface Joined {
  store: Store;
  team: Team;
}

export async function joinTeam(dir: string, raw: JoinTeamInput, o: OpenOptions): Promise<Joined> {
  const parsed = JoinTeamInputSchema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error);
  const i = parsed.data;
  const remote = normaliseRemote(i.remote);
  const account = { user: i.serverUser || undefined, password: i.serverPassword || undefined };
  const db = await openRemote(remote, account);
  try {
    const keyDoc = await db.get(KEYRING_DOC_ID).catch((e: { status?: number }) => {
      if (e.status === 404) throw new CasebookError('SERVER', 'There is no team casebook at that address yet: check the database name at the end of it, or turn team use on from the first computer. Nothing was changed on this computer.');
      throw e;
    });
    const pub = PublicKeyringSchema.safeParse(keyDoc.public);
    if (!pub.success) throw new CasebookError('SERVER', "The server's copy of the team keyring could not be read. Nothing was changed on this computer.");
    const opened = await unwrapPublic(pub.data, i.userName, i.passphrase, { sealed: false });
    if (opened === 'sealed-only') throw new CasebookError('AUTH_FAILED', `The casebook's key was changed since ${i.userName} last unlocked it, and their access must be confirmed first: unlock it once on a computer that already has it and sync, then join from here. Nothing was changed on this computer.`);
    if (opened === 'no-name') throw new CasebookError('AUTH_FAILED', `No one called ${i.userName} can unlock the team casebook at that address: enter your name as the casebook knows you. Nothing was changed on this computer.`);
    if (opened === 'wrong-passphrase') throw new CasebookError('AUTH_FAILED', `That passphrase does not open the team casebook for ${i.userName}. Check Caps Lock and try again; nothing was changed on this computer.`);
    const dk = dataKeyOf({ keyId: pub.data.keyId } as KeyringBody, opened.key);
    const unreadable = () => new CasebookError('SERVER', "The team casebook on the server could not be read with your key (it may be damaged). Nothing was changed on this computer.");
    let idKey: string;
    let keyring: KeyringBody;
    try {
      idKey = openIds(dk, keyDoc);
      keyring = keyringFromValue(openDoc(dk, keyDoc).value);
    } catch {
      throw unreadable();
    }
    const ids = Buffer.from(idKey, 'base64');
    const settings = SettingsRecord.safeParse(await readValue(db, dk, docIdOf(ids, 'settings')).catch(() => undefined));
    const people = PeopleRecord.safeParse(await readValue(db, dk, docIdOf(ids, 'people')).catch(() => undefined));
    if (!settings.success || !people.success) throw unreadable();
    const store = await createJoinedStore(dir, { keyring, dk, index: { schemaVersion: CURRENT_SCHEMA, storeId: pub.data.storeId, ...settings.data, ...people.data }, userId: opened.userId }, o);
    // Kept while unlocked, so a key changed on another computer is taken without asking (adopt-key.ts).
    store.personKek = opened.kek;
    await settleWraps(store, { mine: opened.settled, was: opened.was });
    const team: Team = {
      remote,
      ...(account.user ? { serverUser: account.user, serverPassword: account.password ?? '' } : {}),
      machineId: randomBytes(8).toString('hex'),
      machineNumber: 0,
      machineName: hostname().slice(0, 120) || 'This computer',
      intervalMinutes: 5,
      idKey,
      since: store.opts.now().toISOString(),
    };
    return { store, team };
  } catch (e) {
    throw serverError(e);
  } finally {
    await db.close().catch(() => undefined);
  }
}

async function readValue(db: PouchDatabase, dk: ReturnType<typeof dataKeyOf>, id: string): Promise<unknown> {
  return openDoc(dk, await db.get(id)).value;
}
