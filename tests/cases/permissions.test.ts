import { describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotDir } from '../support/fault/fixtures';
import { apply, caseworkWorld, people, referral } from '../support/casebook';
import { steps } from '../support/steps';

describe('who may do what in casework', () => {
  it('lets a facilitator work on a case but not choose its team', async () => {
    const w = await caseworkWorld();
    let v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    await w.as('facilitator');
    const before = await snapshotDir(w.dir);
    const e = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'assign-team', leadId: w.staff.fatima } });
    expect(e).toEqual({ code: 'FORBIDDEN', message: 'Only administrators and coordinators may choose the lead facilitator and co-facilitator of a case.' });
    expect(diffSnapshots(before, await snapshotDir(w.dir))).toEqual([]);
    // Closing is a coordinator's decision too.
    const close = { type: 'close' as const, closure: { outcome: 'no-contact' as const, closedOn: '2026-03-16', summary: 'No reply to three letters.' } };
    expect(await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: close })).toEqual({ code: 'FORBIDDEN', message: 'Only administrators and coordinators may close cases.' });
    // The service refuses it too when called directly (the CLI, a test).
    await expect(w.service.cases.applyCaseCommand({ caseId: v.case.id, revision: v.case.revision, command: { type: 'assign-team', leadId: w.staff.fatima } })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Everything else a facilitator does is allowed.
    const s = steps(await w.call('getCaseworkReference', {}));
    v = await apply(w, v, s.contact(people(v).harmed));
    expect(v.case.timeline.at(-1)).toMatchObject({ by: 'Fatima Hussain', kind: 'contact.recorded' });
    // Who made contact is who is signed in.
    expect(v.case.participants.find((p) => p.role === 'harmed')?.contacts?.at(-1)?.by).toBe(w.staff.fatima);
    expect((await w.call('createReferral', { referral: referral({ offenceDate: '2026-01-01', receivedOn: '2026-01-05' }), duplicatesSeen: true })).case.reference).toBe('RJ-2026-0002');
    // Staff and settings are not a facilitator's to change.
    expect((await w.fails('saveStaffMember', { name: 'New Person', role: 'facilitator', level: 'foundation', active: true })).code).toBe('FORBIDDEN');
    await expect(w.service.staff.saveStaffMember({ name: 'New Person', role: 'facilitator', active: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await w.fails('updateCaseworkSettings', { referencePrefix: 'X' })).code).toBe('FORBIDDEN');
  });

  it('lets a quality lead read cases and the caseload but change nothing', async () => {
    const w = await caseworkWorld();
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    await w.as('quality-lead');
    expect((await w.call('getCaseView', { id: v.case.id })).case.reference).toBe('RJ-2026-0001');
    expect((await w.call('queryCaseload', {})).total).toBe(1);
    expect((await w.call('getDashboard', {})).open).toBe(1);
    expect((await w.fails('createReferral', { referral: referral(), duplicatesSeen: true })).code).toBe('FORBIDDEN');
    expect((await w.fails('applyCaseCommand', { caseId: v.case.id, revision: 1, command: { type: 'set-notes', notes: 'x' } })).code).toBe('FORBIDDEN');
    await expect(w.service.referrals.createReferral({ referral: referral(), duplicatesSeen: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the staff list: ids made for new members, changes by id, no two with one name, no unknown ids', async () => {
    const w = await caseworkWorld();
    const list = await w.call('saveStaffMember', { name: 'Ama Owusu', role: 'facilitator', level: 'foundation', active: true });
    const ama = list.find((m) => m.name === 'Ama Owusu')!;
    expect(ama.id).toMatch(/^s_[a-z0-9]{16}$/);
    const changed = await w.call('saveStaffMember', { ...ama, level: 'intermediate' });
    expect(changed.find((m) => m.id === ama.id)?.level).toBe('intermediate');
    expect(changed).toHaveLength(list.length);
    expect((await w.fails('saveStaffMember', { name: 'AMA OWUSU', role: 'manager', active: true })).code).toBe('CONFLICT');
    expect((await w.fails('saveStaffMember', { id: 's_nosuchperson', name: 'Someone', role: 'manager', active: true })).code).toBe('NOT_FOUND');
    const bad = await w.fails('saveStaffMember', { name: '', role: 'wizard', active: 'yes' } as never);
    expect(bad.code).toBe('INVALID_INPUT');
    expect([...new Set(bad.details?.issues?.map((i) => i.path))].sort()).toEqual(['active', 'name', 'role']);
    // Leaving: inactive staff stay on the list but cannot be given new work.
    await w.call('saveStaffMember', { ...ama, level: 'intermediate', active: false });
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    const moved = await apply(w, v, { type: 'advance' });
    const e = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: moved.case.revision, command: { type: 'assign-team', leadId: ama.id } });
    expect(e.message).toMatch(/no longer active/);
  });
});
