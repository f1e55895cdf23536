import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KEYRING_DOC_ID, sealDoc, sealIds } from '../../src-main/services/sync/doc-codec';
import { PublicKeyringSchema } from '../../src-main/services/sync/keyring-doc';
import { kekFor, parseKeyring, sealForUser, signHandover, type KeyringBody } from '../../src-main/store/keyring';
import { startSyncServer, type SyncServer } from '../support/sync-server';
import { FAC_PASS, freshService, QL_PASS } from '../support/casebook';
import { teamOfTwo } from '../support/sync-team';
import { rejection } from '../support/fault/fixtures';

/**
 * A key change the team's server makes up (issue 16): the public keys of the team's people are on
 * the server, so a server could seal a key of its own to each of them. It is never taken —
 * not by itself at a sync, not with the person's passphrase, not by a computer joining — because
 * a real key change carries proof made with the key it replaced, which the server never had.
 */
let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.stop();
});

type Signer = { userId: string; kek: Buffer } | undefined;

/** What a hostile server does: its own key sealed to every public key, the keyring document replaced; signed as `signer` says, or with a made-up signature. */
type KeyringDoc = Record<string, unknown> & { _rev: string; public: unknown };
const keyringDoc = async (remote: string) => (await (await fetch(`${remote}/${KEYRING_DOC_ID}`)).json()) as KeyringDoc;

/** The genuine keyring document (`genuine`) replaced by one forged from it, over whatever the server holds now. */
async function forgeKeyChange(remote: string, signer: Signer, original: KeyringBody, genuine: KeyringDoc): Promise<void> {
  const doc = { ...genuine, _rev: (await keyringDoc(remote))._rev };
  const pub = PublicKeyringSchema.parse(genuine.public);
  const key = randomBytes(32);
  const dk = { key, keyId: randomBytes(8) };
  const wraps = pub.wraps.map((w) => {
    const sealed = sealForUser(pub.storeId, { ...w, name: '' }, key);
    expect(sealed).toBeDefined();
    const { name: _name, ...rest } = sealed!;
    return { ...rest, hint: w.hint };
  });
  const keyId = dk.keyId.toString('hex');
  const adminId = pub.wraps[0]!.userId;
  const handover = signer ? signHandover(signer, pub.storeId, pub.keyId, keyId, key) : { from: pub.keyId, by: adminId, signature: randomBytes(64).toString('base64') };
  const forged = { ...pub, keyId, wraps, handover };
  // A keyring as a real change would carry it (names, the recovery wrap), so only the signature stands in the way.
  const users = wraps.map(({ hint: _hint, ...w }) => ({ id: w.userId, ...w, name: original.users.find((u) => u.userId === w.userId)?.name ?? '' }));
  const value = { format: 'rj-casebook-keyring', storeFormat: original.storeFormat, storeId: pub.storeId, keyId, users, recovery: original.recovery, handover };
  const body = { ...doc, public: forged, ids: sealIds(dk, randomBytes(32).toString('base64')), ...sealDoc(dk, KEYRING_DOC_ID, { v: 1, key: 'keyring', value, conflicts: [], by: { machine: 'server', user: 'server', auditSeq: 0 }, at: new Date().toISOString() }) };
  const put = await fetch(`${remote}/${KEYRING_DOC_ID}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(put.status).toBe(201);
}

describe('a key change made up by the server', () => {
  it('is taken by no computer: not at a sync, not with the passphrase, not when joining; nothing changes locally', async () => {
    const remote = `${server.url}/forged`;
    const { a, b, caseId } = await teamOfTwo(remote);
    const keyIdBefore = parseKeyring(await readFile(join(b.dir, 'keyring.json'))).keyId;

    // Signed by nobody (a made-up signature in the administrator's name), then properly signed by
    // Quinn, who can unlock but is no administrator (as someone removed, who kept their passphrase, could).
    const keyring = parseKeyring(await readFile(join(a.dir, 'keyring.json')));
    const quinn = { userId: a.qualityLeadId, kek: (await kekFor(keyring, a.qualityLeadId, QL_PASS))! };
    const genuine = await keyringDoc(remote);
    for (const signer of [undefined, quinn]) {
      await forgeKeyChange(remote, signer, keyring, genuine);

      expect((await rejection(b.service.sync.syncNow()))?.message).toMatch(/key was changed on another computer/);
      expect(await b.service.sync.status()).toMatchObject({ keyChanged: true });
      const refused = await rejection(b.service.sync.adoptKey(FAC_PASS));
      expect(refused).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/cannot confirm that the new key came from your team/) });
      expect(parseKeyring(await readFile(join(b.dir, 'keyring.json'))).keyId).toBe(keyIdBefore);
      expect((await b.service.getCase(caseId)).id).toBe(caseId);
      expect((await b.service.verify()).ok).toBe(true);
      expect((await rejection(a.service.sync.syncNow()))?.message).toMatch(/key was changed on another computer/);
    }

    const c = await freshService();
    const joining = await rejection(c.service.sync.join({ remote, userName: 'Fatima Hussain', passphrase: FAC_PASS }));
    expect(joining).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/access must be confirmed first/) });
    expect(c.service.currentSession()).toBeUndefined();

    await Promise.all([a.close(), b.service.close(), c.service.close()]);
    await Promise.all([b.cleanup(), c.cleanup()]);
  }, 120_000);
});
