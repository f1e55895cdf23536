import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-main/domain/cases/case';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { startSyncServer, type SyncServer } from '../support/sync-server';
import { loadPouch } from '../../src-main/store/pouch';
import { caseworkWorld, freshService, PASS, referral, type World } from '../support/casebook';

/**
 * What a team casebook does when things go wrong (issue 16): wrong addresses, accounts and
 * passphrases change nothing; a server that stops, sends garbage, loses a document or goes back
 * to an older revision is named and never overwrites local data; a sync cut off at random
 * moments fifty times leaves both casebooks verifying, with every saved change kept.
 */
let server: SyncServer;
let guarded: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
  guarded = await startSyncServer({ account: { user: 'team', password: 'server secret 1' } });
});
afterAll(async () => {
  await server.stop();
  await guarded.stop();
});

let dbCount = 0;
const newDb = () => `team-${++dbCount}`;

async function teamOf(db: string): Promise<{ a: World; b: Awaited<ReturnType<typeof freshService>>; caseId: string; reference: string }> {
  const a = await caseworkWorld();
  const created = await a.call('createReferral', { referral: referral(), duplicatesSeen: true });
  await a.service.sync.enable({ remote: `${server.url}/${db}` });
  const b = await freshService();
  await b.service.sync.join({ remote: `${server.url}/${db}`, userName: 'Jo Whitfield', passphrase: PASS });
  return { a, b, caseId: created.case.id, reference: created.case.reference };
}

async function edit(service: CasebookService, id: string, change: (c: Case) => Case) {
  return service.saveCase(change(await service.getCase(id)));
}

async function failsWith(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('joining with the wrong details changes nothing', () => {
  it('names each mistake and leaves the folder empty', async () => {
    const db = newDb();
    const { a, b } = await teamOf(db);
    const t = await freshService();
    const join = (over: Partial<Parameters<CasebookService['sync']['join']>[0]>) => failsWith(t.service.sync.join({ remote: `${server.url}/${db}`, userName: 'Jo Whitfield', passphrase: PASS, ...over }));
    expect((await join({ remote: 'http://127.0.0.1:9/nothing' })).message).toMatch(/did not answer/);
    expect((await join({ remote: 'http://couch.example.org/northshire' })).message).toMatch(/https/);
    expect((await join({ remote: `${server.url}/` })).message).toMatch(/database name/);
    expect((await join({ remote: `${server.url}/no-such-team` })).message).toMatch(/no team casebook at that address/);
    expect((await join({ passphrase: 'not the passphrase' })).message).toMatch(/does not open the team casebook for Jo Whitfield/);
    expect((await join({ userName: 'Nobody Known' })).message).toMatch(/No one called Nobody Known/);
    expect((await join({ remote: `${guarded.url}/${db}` })).message).toMatch(/refused the server account/);
    expect((await readdir(t.dir)).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect((await t.service.status()).state).toBe('uninitialised');
    await Promise.all([a.close(), b.service.close(), t.service.close()]);
    await Promise.all([b.cleanup(), t.cleanup()]);
  }, 60_000);

  it("refuses to send a casebook to a database that holds another team's", async () => {
    const db = newDb();
    const { a, b } = await teamOf(db);
    const other = await caseworkWorld();
    const e = await failsWith(other.service.sync.enable({ remote: `${server.url}/${db}` }));
    expect(e.message).toMatch(/another team's casebook/);
    expect((await other.service.sync.status()).enabled).toBe(false);
    await Promise.all([a.close(), other.close(), b.service.close()]);
    await b.cleanup();
  }, 60_000);
});

describe('a server that misbehaves', () => {
  it('stopped mid-sync: a plain error, nothing local changed, and the next sync carries on', async () => {
    const { a, b, caseId } = await teamOf(newDb());
    await edit(a.service, caseId, (c) => ({ ...c, notes: 'Written while the server was down' }));
    const before = await a.service.getCase(caseId);
    await server.pause();
    const e = await failsWith(a.service.sync.syncNow());
    expect(e.message).toMatch(/did not answer/);
    expect(await a.service.getCase(caseId)).toEqual(before);
    expect((await a.service.sync.status()).problem).toMatch(/did not answer/);
    await server.resume();
    await a.service.sync.syncNow();
    await b.service.sync.syncNow();
    expect((await b.service.getCase(caseId)).notes).toBe('Written while the server was down');
    await Promise.all([a.close(), b.service.close()]);
    await b.cleanup();
  }, 60_000);

  it('garbage on the wire: named, and no local data changed', async () => {
    const { a, b, caseId } = await teamOf(newDb());
    await edit(b.service, caseId, (c) => ({ ...c, notes: 'From B' }));
    await b.service.sync.syncNow();
    const before = await a.service.getCase(caseId);
    server.fault({ kind: 'garbage' });
    const e = await failsWith(a.service.sync.syncNow());
    server.fault(undefined);
    expect(e.code).toBe('SERVER');
    expect(await a.service.getCase(caseId)).toEqual(before);
    await a.service.sync.syncNow();
    expect((await a.service.getCase(caseId)).notes).toBe('From B');
    await Promise.all([a.close(), b.service.close()]);
    await b.cleanup();
  }, 60_000);

  it('a dropped document and an older revision are named, local data kept, and the server put right', async () => {
    const db = newDb();
    const { a, b, caseId, reference } = await teamOf(db);
    const early = await server.snapshot(db);
    await edit(a.service, caseId, (c) => ({ ...c, notes: 'Later notes' }));
    await a.service.sync.syncNow();
    await b.service.sync.syncNow();
    // The server goes back to before the change (as if restored from an old backup).
    await server.rollback(db, early);
    const r = await b.service.sync.syncNow();
    expect(r.problems.some((p) => p.record === `Case ${reference}` && /older version/.test(p.message))).toBe(true);
    expect((await b.service.getCase(caseId)).notes).toBe('Later notes');
    const again = await a.service.sync.syncNow();
    expect(again.problems.filter((p) => /older version|no longer has/.test(p.message))).toEqual([]);
    expect((await a.service.getCase(caseId)).notes).toBe('Later notes');

    const docs = await server.documents(db);
    const victim = String(docs.find((d) => typeof d._id === 'string' && d._id.startsWith('r'))?._id);
    await server.dropDocument(db, victim);
    const dropped = await a.service.sync.syncNow();
    expect(dropped.problems.some((p) => /no longer has this record/.test(p.message))).toBe(true);
    expect((await server.documents(db)).some((d) => d._id === victim)).toBe(true);
    // Verify names what the last sync found (the record the server no longer had), and nothing else.
    const verified = await a.service.verify();
    expect(verified.problems.length).toBeGreaterThan(0);
    expect(verified.problems.every((p) => /found at the last sync: The server no longer has/.test(p.message))).toBe(true);
    await a.service.sync.syncNow();
    expect((await a.service.verify()).problems).toEqual([]);
    await Promise.all([a.close(), b.service.close()]);
    await b.cleanup();
  }, 90_000);

  it('a document that does not open with the key is named and not taken in', async () => {
    const db = newDb();
    const { a, b, caseId, reference } = await teamOf(db);
    const docs = await server.documents(db);
    const before = await b.service.getCase(caseId);
    const { PouchDB } = await loadPouch();
    const remote = new PouchDB(`${server.url}/${db}`);
    // Replace every record on the server with ciphertext from nowhere (the server lies).
    for (const d of docs) if (typeof d._id === 'string' && d._id.startsWith('r')) await remote.put({ ...d, _id: d._id, c: Buffer.from('not ciphertext at all').toString('base64') });
    const r = await b.service.sync.syncNow();
    expect(r.problems.some((p) => p.record === `Case ${reference}` && /could not be opened/.test(p.message))).toBe(true);
    expect(await b.service.getCase(caseId)).toEqual(before);
    await Promise.all([a.close(), b.service.close()]);
    await b.cleanup();
  }, 60_000);
});

describe('a sync cut off at random moments', () => {
  it('fifty times over: both casebooks verify and every saved change is kept', async () => {
    const { a, b, caseId } = await teamOf(newDb());
    let seed = Number(process.env.SYNC_FAULT_SEED ?? 7);
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 50; i++) {
      await edit(a.service, caseId, (c) => ({ ...c, notes: `A ${i}` }));
      if (i % 3 === 0) await edit(b.service, caseId, (c) => ({ ...c, referral: { ...c.referral, offenceDescription: `B ${i}` } }));
      server.fault({ kind: 'cut', afterRequests: 1 + random(25), lose: random(2) === 0 ? 'request' : 'answer' });
      await (i % 2 === 0 ? a : b).service.sync.syncNow().catch(() => undefined);
      server.fault(undefined);
    }
    for (let round = 0; round < 2; round++) {
      await a.service.sync.syncNow();
      await b.service.sync.syncNow();
    }
    for (const s of [a.service, b.service]) {
      const c = await s.getCase(caseId);
      // Each field was changed on one computer only: nothing to resolve, however the merges crossed.
      expect(await s.sync.changesToResolve()).toEqual([]);
      expect(c.notes).toBe('A 49');
      expect(c.referral.offenceDescription).toBe('B 48');
      const v = await s.verify();
      expect(v.problems).toEqual([]);
    }
    await Promise.all([a.close(), b.service.close()]);
    await b.cleanup();
  }, 180_000);
});
