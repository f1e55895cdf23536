import { describe, expect, it } from 'vitest';
import { apply, caseworkWorld, referral } from '../support/casebook';

/**
 * The day's work through a real casebook (issue 14): my work names each deadline and its
 * section; the team caseload counts per facilitator; reassigning is all or none, each case
 * its own timeline and audit entry (field names only), for coordinators and administrators.
 */
describe('my work, the team caseload and reassigning', () => {
  it('lists the signed-in person’s overdue deadlines, named, with the section that clears them', async () => {
    const w = await caseworkWorld();
    // Received 2 March; today is 16 March: first contact (2 working days) is long overdue.
    let mine = await w.call('createReferral', { referral: referral({ receivedOn: '2026-03-02', offenceDate: '2026-02-27' }), duplicatesSeen: true });
    mine = await apply(w, mine, { type: 'assign-team', leadId: w.staff.jo });
    // Someone else's case is not "mine".
    const theirs = await w.call('createReferral', { referral: referral({ receivedOn: '2026-03-02', offenceDate: '2026-02-27' }), duplicatesSeen: true });
    await apply(w, theirs, { type: 'assign-team', leadId: w.staff.alex });

    const work = await w.call('getMyWork', {});
    expect(work.onStaffList).toBe(true);
    expect(new Set(work.items.map((i) => i.caseId))).toEqual(new Set([mine.case.id]));
    const first = work.items.find((i) => i.task.startsWith('First contact'))!;
    expect(first).toMatchObject({ reference: mine.case.reference, task: 'First contact with the person harmed (2 working days)', about: 'Siân Evans', status: 'overdue', tab: 'contacts' });
    expect(work.items.find((i) => i.task.startsWith('Information about restorative justice'))?.task).toMatch(/, \d working days?(, enhanced rights)?\)$/);

    // Someone who leads no case has nothing to do on cases.
    await w.as('quality-lead');
    expect((await w.call('getMyWork', {})).items).toEqual([]);
  });

  it('counts open, sensitive and overdue cases per facilitator, and reassigns all or none', async () => {
    const w = await caseworkWorld();
    let routine = await w.call('createReferral', { referral: referral({ receivedOn: '2026-03-02', offenceDate: '2026-02-27' }), duplicatesSeen: true });
    routine = await apply(w, routine, { type: 'assign-team', leadId: w.staff.alex });
    let sensitive = await w.call('createReferral', { referral: referral({ receivedOn: '2026-03-16', offenceCategory: 'domestic-abuse', sensitive: ['domestic-abuse'] }), duplicatesSeen: true });
    sensitive = await apply(w, sensitive, { type: 'assign-team', leadId: w.staff.alex, coFacilitatorId: w.staff.sian });

    const before = await w.call('getTeamCaseload', {});
    const row = (c: typeof before, id: string) => c.facilitators.find((f) => f.staffId === id);
    expect(row(before, w.staff.alex)).toMatchObject({ leading: 2, supporting: 0, sensitive: 1, overdue: 1 });
    expect(row(before, w.staff.sian)).toMatchObject({ leading: 0, supporting: 1, sensitive: 1 });

    // Siân is Intermediate: the sensitive case refuses her, so neither case changes.
    const refused = await w.fails('reassignCases', { caseIds: [routine.case.id, sensitive.case.id], toStaffId: w.staff.sian });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain(`${sensitive.case.reference}: A sensitive case must be led by an Advanced practitioner`);
    expect(refused.details?.issues?.[0]?.path).toBe('caseIds.1');
    expect((await w.call('getCaseView', { id: routine.case.id })).case.leadFacilitatorId).toBe(w.staff.alex);

    // Someone who already leads a case, an unknown case, a case twice: said plainly.
    expect((await w.fails('reassignCases', { caseIds: [routine.case.id], toStaffId: w.staff.alex })).message).toContain('already leads');
    expect((await w.fails('reassignCases', { caseIds: [routine.case.id, routine.case.id], toStaffId: w.staff.sian })).message).toContain('chosen twice');

    const done = await w.call('reassignCases', { caseIds: [routine.case.id], toStaffId: w.staff.sian });
    expect(done).toEqual({ to: 'Siân Prydderch', cases: [{ caseId: routine.case.id, reference: routine.case.reference }] });
    const after = await w.call('getCaseView', { id: routine.case.id });
    expect(after.case).toMatchObject({ leadFacilitatorId: w.staff.sian, revision: routine.case.revision + 1 });
    expect(after.case.timeline.at(-1)).toMatchObject({ kind: 'team.assigned' });
    const audit = await w.call('listAudit', { action: 'case.reassign' });
    expect(audit.entries.map((e) => e.entity.id)).toEqual([routine.case.id]);
    // Field names only, never who: no person's name is in the entry.
    expect(audit.entries[0]!.fields.join(' ')).not.toMatch(/Siân|Αλέξανδρος/);

    const later = await w.call('getTeamCaseload', {});
    expect(row(later, w.staff.alex)).toMatchObject({ leading: 1, overdue: 0 });
    expect(row(later, w.staff.sian)).toMatchObject({ leading: 1, supporting: 1, overdue: 1 });
  });

  it('replaces the person as co-facilitator as well as lead, never adding someone twice, and counts co-facilitating apart', async () => {
    const w = await caseworkWorld();
    const team = async (leadId: string, coFacilitatorId: string) => apply(w, await w.call('createReferral', { referral: referral(), duplicatesSeen: true }), { type: 'assign-team', leadId, coFacilitatorId });
    const leads = await team(w.staff.fatima, w.staff.sian);
    const supports = await team(w.staff.alex, w.staff.fatima);
    // Jo already leads this one: Fatima comes off it, and Jo is not added as co-facilitator too.
    const joLeads = await team(w.staff.jo, w.staff.fatima);

    const row = async (id: string) => (await w.call('getTeamCaseload', {})).facilitators.find((f) => f.staffId === id);
    expect(await row(w.staff.fatima)).toMatchObject({ leading: 1, supporting: 2 });
    expect((await row(w.staff.fatima))!.cases.map((c) => c.role).sort()).toEqual(['co-facilitator', 'co-facilitator', 'lead']);
    expect(await row(w.staff.jo)).toMatchObject({ leading: 1, supporting: 0 });

    const caseIds = [leads, supports, joLeads].map((v) => v.case.id);
    // A case Fatima is not on (any more) is named, and nothing changes.
    const other = await team(w.staff.alex, w.staff.sian);
    const stale = await w.fails('reassignCases', { caseIds: [...caseIds, other.case.id], toStaffId: w.staff.jo, fromStaffId: w.staff.fatima });
    expect(stale.message).toContain(`${other.case.reference}'s team has changed since the caseload was counted`);
    expect(await row(w.staff.fatima)).toMatchObject({ leading: 1, supporting: 2 });

    expect((await w.fails('reassignCases', { caseIds, toStaffId: w.staff.fatima, fromStaffId: w.staff.fatima })).message).toContain('Choose someone other than Fatima Hussain');
    const done = await w.call('reassignCases', { caseIds, toStaffId: w.staff.jo, fromStaffId: w.staff.fatima });
    expect(done.cases.map((c) => c.caseId)).toEqual(caseIds);
    const teamOf = async (id: string) => {
      const c = (await w.call('getCaseView', { id })).case;
      return [c.leadFacilitatorId, c.coFacilitatorId];
    };
    expect(await teamOf(leads.case.id)).toEqual([w.staff.jo, w.staff.sian]);
    expect(await teamOf(supports.case.id)).toEqual([w.staff.alex, w.staff.jo]);
    expect(await teamOf(joLeads.case.id)).toEqual([w.staff.jo, undefined]);

    expect(await row(w.staff.fatima)).toMatchObject({ leading: 0, supporting: 0, cases: [] });
    expect(await row(w.staff.jo)).toMatchObject({ leading: 2, supporting: 1 });
    // One audit entry per case, naming the field that changed.
    const audit = (await w.call('listAudit', { action: 'case.reassign' })).entries;
    const fieldsOf = (id: string) => audit.find((e) => e.entity.id === id)?.fields ?? [];
    expect(audit).toHaveLength(3);
    expect(fieldsOf(leads.case.id)).toContain('leadFacilitatorId');
    expect(fieldsOf(supports.case.id)).toContain('coFacilitatorId');
    expect(fieldsOf(supports.case.id)).not.toContain('leadFacilitatorId');
    expect(fieldsOf(joLeads.case.id)).toContain('coFacilitatorId');
  });

  it('is for coordinators and administrators only', async () => {
    const w = await caseworkWorld();
    const c = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    await w.as('facilitator');
    expect((await w.fails('getTeamCaseload', {})).code).toBe('FORBIDDEN');
    expect((await w.fails('reassignCases', { caseIds: [c.case.id], toStaffId: w.staff.alex })).code).toBe('FORBIDDEN');
    await w.as('manager');
    expect((await w.call('reassignCases', { caseIds: [c.case.id], toStaffId: w.staff.alex })).cases).toHaveLength(1);
  });
});
