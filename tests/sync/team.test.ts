import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-main/domain/cases/case';
import { startSyncServer, type SyncServer } from '../support/sync-server';
import { caseworkWorld, PASS, freshService, referral, type World } from '../support/casebook';

/**
 * Three computers share one casebook through the project's own CouchDB-protocol server on a
 * loopback port (issue 16): created on A, changed on B and C while apart, all synced, the same
 * everywhere; a field changed two ways is listed, chosen on one computer, and the choice
 * reaches the others. The server's documents hold nothing a person could read.
 */
let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.stop();
});

const db = 'northshire';

async function join(name: string, passphrase: string) {
  const t = await freshService();
  const session = await t.service.sync.join({ remote: `${server.url}/${db}`, userName: name, passphrase });
  return { ...t, session };
}

async function edit(service: World['service'], id: string, change: (c: Case) => Case) {
  const c = await service.getCase(id);
  return service.saveCase(change(c));
}

describe('one casebook on three computers', () => {
  it('converges after offline changes, lists a field changed two ways, and carries the choice to everyone', async () => {
    const a = await caseworkWorld();
    const created = await a.call('createReferral', { referral: referral(), duplicatesSeen: true });
    const caseId = created.case.id;
    const first = await a.service.sync.enable({ remote: `${server.url}/${db}` });
    expect(first.pushed).toBeGreaterThan(3);

    const b = await join('Jo Whitfield', PASS);
    const c = await join('Fatima Hussain', 'facilitator passphrase 1');
    expect(b.service.listCases({}).map((r) => r.reference)).toEqual([created.case.reference]);
    expect((await b.service.sync.status()).machine?.number).toBe(1);
    expect((await c.service.sync.status()).machine?.number).toBe(2);

    // Apart: B and C change different fields, and both change the notes.
    await edit(b.service, caseId, (x) => ({ ...x, notes: 'Notes from B', referral: { ...x.referral, priority: 'urgent' } }));
    await edit(c.service, caseId, (x) => ({ ...x, notes: 'Notes from C', referral: { ...x.referral, offenceDescription: 'Described on C' } }));
    await b.service.sync.syncNow();
    const cSync = await c.service.sync.syncNow();
    expect(cSync.merged).toBe(1);
    expect(cSync.toResolve).toBe(1);
    await b.service.sync.syncNow();
    await a.service.sync.syncNow();

    for (const s of [a.service, b.service, c.service]) {
      const k = await s.getCase(caseId);
      expect(k.referral.priority).toBe('urgent');
      expect(k.referral.offenceDescription).toBe('Described on C');
    }
    const listed = await b.service.sync.changesToResolve();
    expect(listed).toHaveLength(1);
    expect(listed[0]?.record.label).toBe(`Case ${created.case.reference}`);
    expect(listed[0]?.versions.map((v) => v.text).sort()).toEqual(['Notes from B', 'Notes from C']);

    const keep = listed[0]!.versions.findIndex((v) => v.text === 'Notes from B');
    expect(await b.service.sync.resolve(listed[0]!.id, keep)).toEqual([]);
    await b.service.sync.syncNow();
    await a.service.sync.syncNow();
    await c.service.sync.syncNow();
    for (const s of [a.service, b.service, c.service]) {
      expect((await s.getCase(caseId)).notes).toBe('Notes from B');
      expect(await s.sync.changesToResolve()).toEqual([]);
    }

    // References stay unique: each computer numbers in its own block.
    const onB = await b.service.referrals.createReferral({ referral: referral(), duplicatesSeen: true });
    expect(onB.case.reference).toMatch(/^RJ-2026-1\d{4}$/);

    const stored = await server.rawDump(db);
    for (const secret of ['Siân', 'Evans', 'Kowalski', created.case.reference, 'Notes from', 'Northshire', 'Whitfield']) expect(stored).not.toContain(secret);
    await Promise.all([a.close(), b.service.close(), c.service.close()]);
    await Promise.all([b.cleanup(), c.cleanup()]);
  }, 120_000);
});
