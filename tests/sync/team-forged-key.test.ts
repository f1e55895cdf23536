import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KEYRING_DOC_ID, sealDoc, sealIds } from '../../src-main/services/sync/doc-codec';
import { PublicKeyringSchema } from '../../src-main/services/sync/keyring-doc';
import { parseKeyring, sealForUser } from '../../src-main/store/keyring';
import { startSyncServer, type SyncServer } from '../support/sync-server';
import { FAC_PASS, freshService } from '../support/casebook';
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

/** What a hostile server does: its own key sealed to every public key, a made-up proof, the keyring document replaced. */
async function forgeKeyChange(remote: string): Promise<void> {
  const doc = (await (await fetch(`${remote}/${KEYRING_DOC_ID}`)).json()) as Record<string, unknown> & { _rev: string };
  const pub = PublicKeyringSchema.parse(doc.public);
  const key = randomBytes(32);
  const dk = { key, keyId: randomBytes(8) };
  const wraps = pub.wraps.map((w) => {
    const sealed = sealForUser(pub.storeId, { ...w, name: '' }, key);
    expect(sealed).toBeDefined();
    const { name: _name, ...rest } = sealed!;
    return { ...rest, hint: w.hint };
  });
  const forged = { ...pub, keyId: dk.keyId.toString('hex'), wraps, handover: { from: pub.keyId, proof: 'ab'.repeat(32) } };
  const value = { format: 'rj-casebook-keyring', storeFormat: 2, storeId: pub.storeId, keyId: forged.keyId, users: wraps.map((w) => ({ id: w.userId, ...w })) };
  const body = { ...doc, public: forged, ids: sealIds(dk, randomBytes(32).toString('base64')), ...sealDoc(dk, KEYRING_DOC_ID, { v: 1, key: 'keyring', value, conflicts: [], by: { machine: 'server', user: 'server', auditSeq: 0 }, at: new Date().toISOString() }) };
  const put = await fetch(`${remote}/${KEYRING_DOC_ID}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(put.status).toBe(201);
}

describe('a key change made up by the server', () => {
  it('is taken by no computer: not at a sync, not with the passphrase, not when joining; nothing changes locally', async () => {
    const remote = `${server.url}/forged`;
    const { a, b, caseId } = await teamOfTwo(remote);
    const keyIdBefore = parseKeyring(await readFile(join(b.dir, 'keyring.json'))).keyId;

    await forgeKeyChange(remote);

    expect((await rejection(b.service.sync.syncNow()))?.message).toMatch(/key was changed on another computer/);
    expect(await b.service.sync.status()).toMatchObject({ keyChanged: true });
    const refused = await rejection(b.service.sync.adoptKey(FAC_PASS));
    expect(refused).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/cannot confirm that the new key came from your team/) });
    expect(parseKeyring(await readFile(join(b.dir, 'keyring.json'))).keyId).toBe(keyIdBefore);
    expect((await b.service.getCase(caseId)).id).toBe(caseId);
    expect((await b.service.verify()).ok).toBe(true);
    expect((await rejection(a.service.sync.syncNow()))?.message).toMatch(/key was changed on another computer/);

    const c = await freshService();
    const joining = await rejection(c.service.sync.join({ remote, userName: 'Fatima Hussain', passphrase: FAC_PASS }));
    expect(joining).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/access must be confirmed first/) });
    expect(c.service.currentSession()).toBeUndefined();

    await Promise.all([a.close(), b.service.close(), c.service.close()]);
    await Promise.all([b.cleanup(), c.cleanup()]);
  }, 120_000);
});
