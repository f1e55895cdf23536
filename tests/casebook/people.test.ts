import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJson, sealJson } from '../../src-main/store/envelope';
import { dataKeyOf, readKeyring, unwrapForUser } from '../../src-main/store/keyring';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { caseworkWorld, createdService, FAC_PASS, PASS, referral } from '../support/casebook';

/**
 * One list of people (issue: the house in order): whoever can unlock the casebook is on the
 * staff list, so "Jo Bloggs (not on the staff list)" cannot happen and what someone records
 * names their staff record.
 */
describe('people who can unlock are on the staff list', () => {
  it('puts the first administrator on the staff list when the casebook is made', async () => {
    const t = await createdService();
    try {
      const session = t.created.session;
      const staff = t.service.cases.getCaseworkReference().staff;
      expect(staff).toEqual([{ id: session.user.staffId, name: 'Siân Williams', role: 'administrator', active: true }]);
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  });

  it('links a new person to the member of staff with their name, to the one chosen, or adds them', async () => {
    const w = await caseworkWorld();
    // The world's facilitator login was linked to the staff record "Fatima Hussain".
    const fatima = w.service.users().find((u) => u.name === 'Fatima Hussain')!;
    expect(fatima.staffId).toBe(w.staff.fatima);
    // Chosen from the list: Siân Prydderch has no login yet.
    const sian = await w.call('addUser', { name: 'Siân Prydderch', role: 'facilitator', passphrase: 'another passphrase 1', staffId: w.staff.sian });
    expect(sian.staffId).toBe(w.staff.sian);
    // Not on the list: added to it.
    const before = w.service.cases.getCaseworkReference().staff.length;
    const newcomer = await w.call('addUser', { name: 'Dewi Rhys', role: 'coordinator', passphrase: 'another passphrase 2' });
    const staff = w.service.cases.getCaseworkReference().staff;
    expect(staff).toHaveLength(before + 1);
    expect(staff.find((m) => m.id === newcomer.staffId)).toMatchObject({ name: 'Dewi Rhys', role: 'coordinator', active: true });
    // Refusals: someone who already unlocks, a name that is not theirs, a record that does not exist.
    expect(await w.fails('addUser', { name: 'Fatima Hussain Two', role: 'facilitator', passphrase: 'another passphrase 3', staffId: w.staff.fatima })).toMatchObject({ code: 'CONFLICT', details: { issues: [{ path: 'staffId' }] } });
    expect(await w.fails('addUser', { name: 'Someone Else', role: 'facilitator', passphrase: 'another passphrase 3', staffId: w.staff.lan })).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'name' }] } });
    expect((await w.fails('addUser', { name: 'Someone Else', role: 'facilitator', passphrase: 'another passphrase 3', staffId: 's_nobody0001' })).code).toBe('NOT_FOUND');
  });

  it('renames the login with its staff record, on the unlock screen too', async () => {
    const w = await caseworkWorld();
    const jo = w.service.cases.getCaseworkReference().staff.find((m) => m.id === w.staff.jo)!;
    await w.call('saveStaffMember', { ...jo, name: 'Joanna Whitfield' });
    expect(w.service.users().find((u) => u.id === w.adminId)?.name).toBe('Joanna Whitfield');
    await w.service.lock('manual');
    expect((await w.service.status()).users.find((u) => u.id === w.adminId)?.name).toBe('Joanna Whitfield');
    await w.service.unlock('Joanna Whitfield', PASS);
    const audit = (await w.service.listAudit({ offset: 0, limit: 20 })).entries.map((e) => e.action);
    expect(audit).toContain('user.rename');
    expect(await w.service.verify()).toMatchObject({ ok: true });
  });

  it('counts the signed-in person\'s cases as "my cases" through the link, not by name', async () => {
    const w = await caseworkWorld();
    await w.as('facilitator');
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    await w.as('admin');
    await w.call('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'assign-team', leadId: w.staff.fatima } });
    await w.service.lock('manual');
    await w.service.unlock(w.facilitatorId, FAC_PASS);
    expect((await w.call('getDashboard', {})).myCases.map((r) => r.id)).toEqual([v.case.id]);
  });

  it('links the people of a casebook made before the link existed when it is first opened (data version 1 to 2)', async () => {
    const t = await createdService();
    const dir = t.dir;
    await t.service.addUser({ name: 'Femi Adeyemi', role: 'facilitator', passphrase: 'facilitator passphrase' });
    await t.service.close();
    // Make it a version-1 index again: no links, no staff, as an older app wrote it.
    const keyring = (await readKeyring(dir))!;
    const key = (await unwrapForUser(keyring, t.userId, PASS))!;
    const dk = dataKeyOf(keyring, Buffer.from(key));
    const raw = openJson(dk, 'index', 'index.cbk', await readFile(join(dir, 'index.cbk'))) as Record<string, unknown> & { users: Record<string, unknown>[] };
    // Data version 1 came before the sealed root too: no root.cbk, an index never sealed.
    const { sealed: _sealed, ...unsealed } = raw;
    const old = { ...unsealed, schemaVersion: 1, staff: [], users: raw.users.map(({ staffId: _s, ...u }) => u) };
    await writeFile(join(dir, 'index.cbk'), sealJson(dk, 'index', 'index.cbk', old));
    await rm(join(dir, 'root.cbk'));

    const s = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
    try {
      await s.unlock(t.userId, PASS);
      const staff = s.cases.getCaseworkReference().staff;
      expect(staff.map((m) => [m.name, m.role])).toEqual([
        ['Siân Williams', 'administrator'],
        ['Femi Adeyemi', 'facilitator'],
      ]);
      expect(s.users().every((u) => staff.some((m) => m.id === u.staffId))).toBe(true);
      expect((await s.listBackups()).map((b) => b.reason)).toContain('before-migration');
      expect(await s.verify()).toMatchObject({ ok: true });
    } finally {
      await s.close();
      await t.cleanup();
    }
  });
});
