import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kindOf } from '../../src-main/store/backup-bundle';
import { open } from '../../src-main/store/envelope';
import { dataKeyOf, nextKeyring, parseKeyring, serializeKeyring, unwrapForUser, type KeyringBody } from '../../src-main/store/keyring';
import { unlockStore } from '../../src-main/store/open-store';
import { createdService, FAC_PASS, PASS } from '../support/casebook';
import { rejection } from '../support/fault/fixtures';

/**
 * Deactivating a login changes the data key (issue 16), sealed to the public key of everyone
 * who stays: their passphrases and the recovery key keep working, nobody is given a new one,
 * and the person removed — with their passphrase and a copy of the old keyring — opens nothing
 * written from then on. Wraps from before key pairs existed are named, never silently cut off.
 */
const GWEN = 'gwen parry passphrase 4';
let t: Awaited<ReturnType<typeof createdService>>;
let facId: string;
let gwenId: string;

beforeEach(async () => {
  t = await createdService();
  facId = (await t.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC_PASS })).id;
  gwenId = (await t.service.addUser({ name: 'Gwen Parry', role: 'coordinator', passphrase: GWEN })).id;
});
afterEach(async () => {
  await t.service.close();
  await t.cleanup();
});

const keyringNow = async () => parseKeyring(await readFile(join(t.dir, 'keyring.json')));

/** The keyring changed behind the app's back (as an older version wrote it, or as someone else's computer sent it). */
async function rewriteKeyring(change: (k: KeyringBody) => Pick<KeyringBody, 'users' | 'recovery'>): Promise<void> {
  await t.service.lock('manual');
  const s = await unlockStore(t.dir, t.userId, PASS, { kdf: 'minimum' });
  const next = nextKeyring({ ...s.keyring, ...change(s.keyring) }, s.dk.key);
  await s.commit([{ rel: 'keyring.json', bytes: serializeKeyring(next) }], [s.draft('test.rewrite', { type: 'casebook', id: s.index.storeId })]);
  await s.close();
}

/** The keyring as a version before key pairs wrote it: no public key on these wraps (and on the recovery wrap). */
async function fromBeforeKeyPairs(userIds: string[], recovery: boolean): Promise<void> {
  const strip = <T extends { publicKey?: string | undefined }>(w: T): T => {
    const { publicKey: _gone, ...rest } = w;
    return rest as T;
  };
  await rewriteKeyring((k) => ({ users: k.users.map((u) => (userIds.includes(u.userId) ? strip(u) : u)), recovery: recovery ? strip(k.recovery) : k.recovery }));
}

describe('deactivating a login changes the key', () => {
  it('seals the new key to those who stay; the person removed and an old keyring open nothing written after', async () => {
    const oldBytes = await readFile(join(t.dir, 'keyring.json'));
    const old = parseKeyring(oldBytes);
    expect(old.users.every((u) => u.publicKey) && old.recovery.publicKey).toBeTruthy();
    const done = await t.service.deactivateUser(facId);
    expect(done).toMatchObject({ recoveryKey: '', alsoDeactivated: [], session: { user: { id: t.userId } } });
    expect(done.users.find((u) => u.id === facId)?.deactivatedAt).toBeDefined();
    const now = await keyringNow();
    expect(now.keyId).not.toBe(old.keyId);
    expect(now.users.map((u) => u.userId).sort()).toEqual([t.userId, gwenId].sort());
    expect(now.users.every((u) => u.ephemeral !== undefined) && now.recovery.ephemeral !== undefined).toBe(true);
    // Fatima's passphrase still opens the old keyring's key, which opens nothing of the casebook now.
    const oldKey = await unwrapForUser(old, facId, FAC_PASS);
    const index = await readFile(join(t.dir, 'index.cbk'));
    expect(() => open(dataKeyOf(old, oldKey!), kindOf('index.cbk')!, 'index.cbk', index)).toThrow();
    const entry = (await t.service.listAudit({ offset: 0, limit: 1 })).entries[0];
    expect(entry).toMatchObject({ action: 'user.deactivate-rekey', entity: { type: 'user', id: facId }, fields: ['passphrase', 'dataKey'] });
    expect((await t.service.verify()).ok).toBe(true);

    await t.service.lock('manual');
    expect((await rejection(t.service.unlock(facId, FAC_PASS)))?.code).toMatch(/AUTH_FAILED|NOT_FOUND/);
    await t.service.unlock(gwenId, GWEN);
    expect(t.service.currentSession()?.user.id).toBe(gwenId);
    await t.service.lock('manual');
    await t.service.recover(t.userId, t.created.recoveryKey, 'a fresh passphrase after recovery');
    expect((await t.service.verify()).ok).toBe(true);
  });

  it('keeps working after a second deactivation, and a person let back in unlocks with the passphrase they were given', async () => {
    await t.service.deactivateUser(facId);
    await t.service.deactivateUser(gwenId);
    expect((await keyringNow()).users.map((u) => u.userId)).toEqual([t.userId]);
    await t.service.reactivateUser(facId, 'given back in person 5');
    await t.service.lock('manual');
    await t.service.unlock(facId, 'given back in person 5');
    expect(t.service.currentSession()?.user.mustChangePassphrase).toBe(true);
    await t.service.lock('manual');
    await t.service.unlock(t.userId, PASS);
    expect((await t.service.verify()).ok).toBe(true);
  });

  it('is refused before anything changes: yourself, someone unknown, anyone but an administrator', async () => {
    const keyId = (await keyringNow()).keyId;
    expect((await rejection(t.service.deactivateUser(t.userId)))?.message).toMatch(/cannot deactivate yourself/);
    expect((await rejection(t.service.deactivateUser('u_doesnotexist00')))?.code).toBe('NOT_FOUND');
    expect((await keyringNow()).keyId).toBe(keyId);
    await t.service.lock('manual');
    await t.service.unlock(gwenId, GWEN);
    expect((await rejection(t.service.deactivateUser(facId)))?.code).toBe('FORBIDDEN');
    expect((await keyringNow()).keyId).toBe(keyId);
  });
});

describe('wraps from before key pairs', () => {
  it('gain their public key at the person’s next unlock, and the recovery wrap at the next recovery, each recorded', async () => {
    await fromBeforeKeyPairs([gwenId], true);
    await t.service.unlock(gwenId, GWEN);
    expect((await keyringNow()).users.find((u) => u.userId === gwenId)?.publicKey).toBeDefined();
    await t.service.lock('manual');
    await t.service.recover(t.userId, t.created.recoveryKey, 'a fresh passphrase after recovery');
    expect((await keyringNow()).recovery.publicKey).toBeDefined();
    const added = (await t.service.listAudit({ offset: 0, limit: 6 })).entries.filter((e) => e.action === 'casebook.key-pair');
    expect(added.map((e) => e.entity.type).sort()).toEqual(['casebook', 'user']);
    const done = await t.service.deactivateUser(facId);
    expect(done).toMatchObject({ recoveryKey: '', alsoDeactivated: [] });
  });

  it('cannot be sealed to: the person is named and deactivated too, and a new recovery key is given when the old one has none', async () => {
    await fromBeforeKeyPairs([gwenId], true);
    await t.service.unlock(t.userId, PASS);
    const done = await t.service.deactivateUser(facId);
    expect(done.alsoDeactivated).toEqual(['Gwen Parry']);
    expect(done.recoveryKey).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4})+$/);
    expect(done.users.find((u) => u.id === gwenId)?.deactivatedAt).toBeDefined();
    expect((await t.service.listAudit({ offset: 0, limit: 1 })).entries[0]?.fields).toEqual(['passphrase', 'dataKey', 'recoveryKey', 'users']);
    await t.service.lock('manual');
    expect((await rejection(t.service.unlock(gwenId, GWEN)))?.code).toMatch(/AUTH_FAILED|NOT_FOUND/);
    expect((await rejection(t.service.recover(t.userId, t.created.recoveryKey, 'a fresh passphrase after recovery')))?.code).toBe('AUTH_FAILED');
    await t.service.recover(t.userId, done.recoveryKey, 'a fresh passphrase after recovery');
    expect((await t.service.verify()).ok).toBe(true);
  });

  it('with a public key that is not theirs (swapped in a keyring from elsewhere) get their own back at their next unlock', async () => {
    const fatimaKey = (await keyringNow()).users.find((u) => u.userId === facId)?.publicKey;
    await rewriteKeyring((k) => ({ users: k.users.map((u) => (u.userId === gwenId ? { ...u, publicKey: fatimaKey } : u)), recovery: k.recovery }));
    await t.service.unlock(gwenId, GWEN);
    const repaired = (await keyringNow()).users.find((u) => u.userId === gwenId)?.publicKey;
    expect(repaired).toBeDefined();
    expect(repaired).not.toBe(fatimaKey);
    await t.service.lock('manual');
    await t.service.unlock(t.userId, PASS);
    await t.service.deactivateUser(facId);
    await t.service.lock('manual');
    await t.service.unlock(gwenId, GWEN);
  });

  it('with a public key nothing can be sealed to (a degenerate one) are named and deactivated, not a failure', async () => {
    const zero = Buffer.alloc(32).toString('base64');
    await rewriteKeyring((k) => ({ users: k.users.map((u) => (u.userId === gwenId ? { ...u, publicKey: zero } : u)), recovery: k.recovery }));
    await t.service.unlock(t.userId, PASS);
    const done = await t.service.deactivateUser(facId);
    expect(done.alsoDeactivated).toEqual(['Gwen Parry']);
    expect((await t.service.verify()).ok).toBe(true);
  });
});
