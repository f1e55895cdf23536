import { describe, expect, it } from 'vitest';
import { apply, applyAll, caseworkWorld, people, referral } from '../support/casebook';
import { toConsentStage } from '../support/journeys';
import { steps } from '../support/steps';

describe('casework through the service', () => {
  it('takes a referral through contact, consent from both parties and signed-off risk to the restorative process', async () => {
    const w = await caseworkWorld();
    const v0 = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    expect(v0.case.reference).toBe('RJ-2026-0001');
    expect(v0.case.stage).toBe('referral');
    expect(v0.case.revision).toBe(1);
    expect(v0.case.referral.source).toBe('Police');
    expect(v0.case.timeline).toHaveLength(1);
    // The first-contact deadline (2 working days from Monday 9 March) has passed: overdue.
    expect(v0.deadlines.find((d) => d.rule === 'first-contact-harmed')).toMatchObject({ due: '2026-03-11', status: 'overdue' });
    expect(Object.values(v0.consent).map((c) => c.state)).toEqual(['none', 'none']);
    expect(Object.values(v0.risk)).toEqual(['none', 'none']);
    expect(v0.processBlockers.length).toBeGreaterThan(0);

    let v = await toConsentStage(w, v0, { lead: w.staff.jo, co: w.staff.sian });
    expect(v.case.stage).toBe('consent');
    expect(Object.values(v.consent).map((c) => c.state)).toEqual(['complete', 'complete']);
    expect(Object.values(v.risk)).toEqual(['unsigned', 'unsigned']);
    expect(v.processBlockers.join(' ')).toMatch(/not signed off/);
    const early = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'advance', processKind: 'direct' } });
    expect(early.code).toBe('INVALID_INPUT');
    expect(early.details?.issues?.some((i) => /not signed off/.test(i.message))).toBe(true);

    const ref = await w.call('getCaseworkReference', {});
    const s = steps(ref);
    const p = people(v);
    // Signed off by Jo Whitfield, the coordinator, who is signed in.
    v = await applyAll(w, v, [s.signOff(p.harmed), s.signOff(p.responsible)]);
    expect(Object.values(v.risk)).toEqual(['signed-off', 'signed-off']);
    expect(v.processBlockers).toEqual([]);
    v = await apply(w, v, { type: 'advance', processKind: 'direct' });
    expect(v.case.stage).toBe('process');
    expect(v.case.processKind).toBe('direct');
    expect(v.deadlines.find((d) => d.rule === 'first-contact-harmed')).toMatchObject({ status: 'met', metOn: '2026-03-10' });

    // The summary row follows: stage, team and the next review date.
    const row = (await w.call('queryCaseload', { search: 'RJ-2026-0001' })).rows[0]!;
    expect(row).toMatchObject({ stage: 'process', leadFacilitatorId: w.staff.jo, coFacilitatorId: w.staff.sian, nextDue: '2026-06-11', revision: v.case.revision });
    // And it is what was saved: a fresh read gives the same case.
    expect((await w.call('getCaseView', { id: v.case.id })).case).toEqual(v.case);
  });

  it('ends a case with a withdrawal only with who withdrew (a reason is never demanded of them), then refuses changes until reopened', async () => {
    const w = await caseworkWorld();
    let v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    const p = people(v);
    // The service's own endings still need the service's reason.
    const noReason = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: 1, command: { type: 'exit', kind: 'no-contact' } });
    expect(noReason).toMatchObject({ code: 'INVALID_INPUT', message: 'Enter the reason the case is ending' });
    const noWho = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: 1, command: { type: 'exit', kind: 'withdrawn', reason: 'Moved away' } });
    expect(noWho).toMatchObject({ code: 'INVALID_INPUT', message: 'Say who withdrew.' });

    v = await apply(w, v, { type: 'exit', kind: 'withdrawn', withdrawnBy: p.harmed, reason: 'Does not want to revisit the offence.' });
    expect(v.case.exit).toMatchObject({ kind: 'withdrawn', withdrawnBy: p.harmed, on: '2026-03-16' });
    expect(v.processBlockers[0]).toMatch(/ended \(withdrawn\)/);
    expect(v.deadlines.find((d) => d.rule === 'first-contact-harmed')?.status).toBe('lapsed');
    const after = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'set-notes', notes: 'x' } });
    expect(after.code).toBe('INVALID_INPUT');
    expect(after.message).toMatch(/ended \(withdrawn\).*Reopen it/);

    const board = await w.call('getDashboard', {});
    expect(board.exited.withdrawn).toBe(1);
    expect(board.open).toBe(0);

    v = await apply(w, v, { type: 'reopen', reason: 'Got in touch again after six weeks.' });
    expect(v.case.exit).toBeUndefined();
    expect(v.case.stage).toBe('referral');
  });

  it('blocks a sensitive case until an Advanced lead, a co-facilitator and a sign-off by the approver role are in place', async () => {
    const w = await caseworkWorld();
    let v = await w.call('createReferral', { referral: referral({ offenceCategory: 'domestic-abuse', sensitive: ['domestic-abuse'] }), duplicatesSeen: false });
    expect(v.case.referral.sensitive).toEqual(['Domestic abuse']);
    v = await apply(w, v, { type: 'advance' });
    // An Intermediate lead is refused outright for a sensitive case.
    const weakLead = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'assign-team', leadId: w.staff.sian } });
    expect(weakLead.message).toMatch(/Advanced practitioner/);
    // An Advanced lead alone is not enough to move on: a co-facilitator is needed.
    v = await apply(w, v, { type: 'assign-team', leadId: w.staff.alex });
    const noCo = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'advance' } });
    expect(noCo.message).toMatch(/co-facilitator/);

    v = await toConsentStage(w, v, { lead: w.staff.alex, co: w.staff.fatima });
    expect(v.case.stage).toBe('consent');
    const ref = await w.call('getCaseworkReference', {});
    const s = steps(ref);
    const p = people(v);
    // A coordinator's sign-off is not enough for a sensitive case: the approver role (manager) signs.
    const coordinator = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: s.signOff(p.harmed) });
    expect(coordinator.message).toMatch(/sensitive case.*manager/);
    expect(v.processBlockers.join(' ')).toMatch(/not signed off/);
    const blocked = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'advance', processKind: 'direct' } });
    expect(blocked.code).toBe('INVALID_INPUT');

    // The manager signs in and signs off.
    await w.as('manager');
    v = await apply(w, v, s.signOff(p.harmed));
    expect(v.risk[p.harmed]).toBe('signed-off');
    expect(v.processBlockers.join(' ')).toMatch(/Kowalski's risk assessment is not signed off/);
    v = await apply(w, v, s.signOff(p.responsible));
    expect(v.processBlockers).toEqual([]);
    v = await apply(w, v, { type: 'advance', processKind: 'direct' });
    expect(v.case.stage).toBe('process');
  });

  it('lets the administrator change who signs off: then a coordinator may sign off a sensitive case', async () => {
    const w = await caseworkWorld();
    const settings = await w.call('updateCaseworkSettings', { riskApproverRole: 'coordinator' });
    expect(settings).toEqual({ referencePrefix: 'RJ', riskApproverRole: 'coordinator' });
    let v = await w.call('createReferral', { referral: referral({ offenceCategory: 'hate-crime', sensitive: ['hate-crime'] }), duplicatesSeen: false });
    v = await toConsentStage(w, v, { lead: w.staff.alex, co: w.staff.fatima });
    const p = people(v);
    const s = steps(await w.call('getCaseworkReference', {}));
    v = await applyAll(w, v, [s.signOff(p.harmed), s.signOff(p.responsible)]);
    expect(v.processBlockers).toEqual([]);
  });

  it('refuses every change to a closed case except reopening it', async () => {
    const w = await caseworkWorld();
    let v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    v = await toConsentStage(w, v, { lead: w.staff.jo, co: w.staff.sian });
    const s = steps(await w.call('getCaseworkReference', {}));
    const p = people(v);
    v = await applyAll(w, v, [
      s.signOff(p.harmed),
      s.signOff(p.responsible),
      { type: 'advance', processKind: 'indirect' },
      { type: 'advance' },
      { type: 'advance' },
      { type: 'close', closure: { outcome: 'completed-without-agreement', closedOn: w.clock.now.toISOString().slice(0, 10), summary: 'Agreement kept.' } },
    ]);
    expect(v.case.stage).toBe('closed');
    for (const command of [{ type: 'set-notes', notes: 'late note' }, s.contact(p.harmed), { type: 'advance' }] as const) {
      const e = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command });
      expect(e).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/closed/) });
    }
    expect((await w.call('getCaseView', { id: v.case.id })).case.revision).toBe(v.case.revision);
    v = await apply(w, v, { type: 'reopen', reason: 'Follow-up requested by the person harmed.' });
    expect(v.case.stage).toBe('monitoring');
  });
});
