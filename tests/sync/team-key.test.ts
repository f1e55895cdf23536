import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../support/sync-server';
import { caseworkWorld, FAC_PASS, freshService, QL_PASS, referral } from '../support/casebook';
import { teamOfTwo } from '../support/sync-team';

/**
 * Removing a person from a team (issue 16): the data key changes, everything is sent again
 * under it, and the removed person's copy can read nothing written afterwards. Deactivating a
 * login seals the new key to everyone who stays, whose computers take it at their next sync
 * without asking; after a key change with new passphrases, they take it with the new passphrase.
 */
let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.stop();
});

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('changing the key of a team casebook', () => {
  it('reaches those who stay, with their new passphrase, and not the person removed', async () => {
    const remote = `${server.url}/key-change`;
    const a = await caseworkWorld();
    const created = await a.call('createReferral', { referral: referral(), duplicatesSeen: true });
    await a.service.sync.enable({ remote });
    const b = await freshService();
    await b.service.sync.join({ remote, userName: 'Fatima Hussain', passphrase: FAC_PASS });
    const removed = await freshService();
    await removed.service.sync.join({ remote, userName: 'Quinn Lead', passphrase: QL_PASS });

    // Quinn is left out of the new key: deactivated, and their copy kept only what it had.
    const fresh = 'Fatima new passphrase 2';
    await a.service.rotateDataKey({ passphrase: 'correct horse battery staple', others: [{ userId: a.facilitatorId, passphrase: fresh }] });
    const c = await a.service.getCase(created.case.id);
    await a.service.saveCase({ ...c, notes: 'Written after the key changed' });
    await a.service.sync.syncNow();

    const stopped = await failure(b.service.sync.syncNow());
    expect(stopped.message).toMatch(/key was changed on another computer/);
    expect((await b.service.getCase(created.case.id)).notes).toBeUndefined();
    expect((await failure(b.service.sync.adoptKey(FAC_PASS))).code).toBe('AUTH_FAILED');
    await b.service.sync.adoptKey(fresh);
    expect((await b.service.getCase(created.case.id)).notes).toBe('Written after the key changed');
    expect(await b.service.sync.changesToResolve()).toEqual([]);
    const v = await b.service.verify();
    expect(v.problems).toEqual([]);
    // Fatima unlocks with the new passphrase from now on.
    await b.service.lock('manual');
    await expect(b.service.unlock('Fatima Hussain', FAC_PASS)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await b.service.unlock('Fatima Hussain', fresh);

    expect((await failure(removed.service.sync.syncNow())).message).toMatch(/key was changed/);
    expect((await failure(removed.service.sync.adoptKey(QL_PASS))).code).toBe('AUTH_FAILED');
    expect((await removed.service.getCase(created.case.id)).notes).toBeUndefined();
    await Promise.all([a.close(), b.service.close(), removed.service.close()]);
    await Promise.all([b.cleanup(), removed.cleanup()]);
  }, 120_000);

  it('deactivating a login changes the key, which the others take by themselves at their next sync, and the person removed cannot', async () => {
    const remote = `${server.url}/deactivate`;
    const { a, b, caseId } = await teamOfTwo(remote);
    const created = { case: { id: caseId } };
    const removed = await freshService();
    await removed.service.sync.join({ remote, userName: 'Quinn Lead', passphrase: QL_PASS });

    const done = await a.service.deactivateUser(a.qualityLeadId);
    expect(done).toMatchObject({ recoveryKey: '', alsoDeactivated: [] });
    const c = await a.service.getCase(created.case.id);
    await a.service.saveCase({ ...c, notes: 'Written after Quinn left' });
    await a.service.sync.syncNow();

    await b.service.sync.syncNow();
    expect((await b.service.getCase(created.case.id)).notes).toBe('Written after Quinn left');
    expect(await b.service.sync.status()).toMatchObject({ keyChanged: false, problem: null });
    expect((await b.service.verify()).problems).toEqual([]);
    // Her wrap on the server is sealed (anyone could make one), so a new computer is not given it
    // until her own unlock has made it a wrap only her passphrase could have made.
    const newcomer = await freshService();
    expect(await failure(newcomer.service.sync.join({ remote, userName: 'Fatima Hussain', passphrase: FAC_PASS }))).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/confirmed first/) });
    await b.service.lock('manual');
    await b.service.unlock('Fatima Hussain', FAC_PASS);
    expect((await b.service.getCase(created.case.id)).notes).toBe('Written after Quinn left');
    await b.service.sync.syncNow();
    await newcomer.service.sync.join({ remote, userName: 'Fatima Hussain', passphrase: FAC_PASS });
    expect((await newcomer.service.getCase(created.case.id)).notes).toBe('Written after Quinn left');
    await newcomer.service.close();
    await newcomer.cleanup();

    expect((await failure(removed.service.sync.syncNow())).message).toMatch(/key was changed/);
    expect((await failure(removed.service.sync.adoptKey(QL_PASS))).code).toBe('AUTH_FAILED');
    expect((await removed.service.getCase(created.case.id)).notes).toBeUndefined();

    // A second time, after Fatima changed her passphrase here: the secret kept follows her new wrap.
    const temp = await a.service.addUser({ name: 'Tomasz Nowak', role: 'facilitator', passphrase: 'temporary colleague 3' });
    await a.service.sync.syncNow();
    await b.service.sync.syncNow();
    await b.service.changePassphrase(FAC_PASS, 'fatima chose this one 6');
    await b.service.sync.syncNow();
    await a.service.sync.syncNow();
    await a.service.deactivateUser(temp.id);
    await b.service.sync.syncNow();
    expect(await b.service.sync.status()).toMatchObject({ keyChanged: false, problem: null });
    await Promise.all([a.close(), b.service.close(), removed.service.close()]);
    await Promise.all([b.cleanup(), removed.cleanup()]);
  }, 120_000);
});
