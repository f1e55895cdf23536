import { describe, expect, it } from 'vitest';
import { CaseSchema, summarise, type Case } from '../../src-main/domain/cases/case';
import { isCaseSummary } from '../../src-main/domain/cases/case-summary-check';
import { consentState } from '../../src-main/domain/consent/consent';
import { applyCommand, readinessForProcess, WorkflowCommandSchema, type WorkflowCommand } from '../../src-main/domain/cases/workflow';
import { allConsent, contact, ctx, elements, HARMED, lowRisk, newCase, readyCase, RESPONSIBLE, run, signIn, signOff, TODAY } from '../support/case-fixtures';

const refusal = (c: Case, cmd: unknown, context = ctx()) => {
  const r = applyCommand(c, cmd, context);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.reason;
};

describe('the happy path', () => {
  it('takes a case from referral to a direct process, one timeline event per change', () => {
    const c = readyCase();
    expect(c.stage).toBe('consent');
    expect(readinessForProcess(c, ctx())).toEqual({ ready: true, problems: [] });
    const started = run(c, [{ type: 'advance', processKind: 'direct' }]);
    expect(started.stage).toBe('process');
    expect(started.processKind).toBe('direct');
    expect(started.timeline.length).toBe(c.timeline.length + 1);
    expect(started.timeline.at(-1)).toMatchObject({ kind: 'stage.changed', by: 'Jo Whitfield' });
    const closed = run(started, [{ type: 'advance' }, { type: 'advance' }, { type: 'close', closure: { outcome: 'completed-without-agreement', closedOn: TODAY, summary: 'Process completed.' } }]);
    expect(closed.stage).toBe('closed');
    expect(CaseSchema.safeParse(closed).success).toBe(true);
    expect(isCaseSummary(summarise(closed))).toBe(true);
    expect(summarise(closed)).toMatchObject({ leadFacilitatorId: 's_advan1', coFacilitatorId: 's_facil1', leadFacilitator: 'Αλέξανδρος Παπαδόπουλος' });
  });
});

describe('advancing', () => {
  it('moves only to the next stage, and refuses to close by advancing', () => {
    const c = run(newCase(), [{ type: 'advance' }]);
    expect(c.stage).toBe('screening');
    expect(refusal({ ...newCase(), stage: 'monitoring' }, { type: 'advance' })).toMatch(/Close case/);
  });

  it('needs a lead facilitator and both parties before contact', () => {
    const c = run(newCase({ participants: [HARMED] }), [{ type: 'advance' }]);
    const why = refusal(c, { type: 'advance' });
    expect(why).toMatch(/no person responsible/);
    expect(why).toMatch(/lead facilitator/);
  });

  it('needs a contact with both parties before assessment', () => {
    const c = run(newCase(), [{ type: 'advance' }, { type: 'assign-team', leadId: 's_facil1' }, { type: 'advance' }, contact(HARMED.id)]);
    expect(refusal(c, { type: 'advance' })).toMatch(/person responsible first/);
  });

  it('refuses the process without consent, naming who and which elements', () => {
    const c = readyCase();
    const noConsent = run(c, [{ type: 'withdraw-consent', participantId: RESPONSIBLE.id, on: TODAY }]);
    expect(consentState(noConsent.participants[1]!, elements, TODAY)).toBe('withdrawn');
    expect(refusal(noConsent, { type: 'advance', processKind: 'direct' })).toMatch(/Łukasz Kowalski has withdrawn consent/);
    const partial = run(c, [{ type: 'record-consent', participantId: HARMED.id, elementId: 'voluntary', status: 'declined', on: TODAY, method: 'recorded-verbal' }]);
    expect(refusal(partial, { type: 'advance', processKind: 'direct' })).toMatch(/Siân Evans has not given consent to element 2/);
  });

  it('refuses the process without a signed-off, in-date risk assessment', () => {
    const c = readyCase();
    const reassessed = run(c, [lowRisk(HARMED)]);
    expect(refusal(reassessed, { type: 'advance', processKind: 'direct' })).toMatch(/not signed off/);
    expect(refusal(c, { type: 'advance', processKind: 'direct' }, ctx({ today: '2026-06-10', now: '2026-06-10T09:00:00.000Z' }))).toMatch(/due for review on 9 June 2026/);
    expect(refusal(c, { type: 'advance' })).toMatch(/direct or an indirect/);
  });

  it('allows only an indirect process when an assessment says indirect only', () => {
    const c = newCase();
    const base = run(c, [{ type: 'advance' }, { type: 'assign-team', leadId: 's_facil1' }, { type: 'advance' }, signIn('s_facil1'), contact(HARMED.id), contact(RESPONSIBLE.id), { type: 'advance' }, lowRisk(HARMED, { decision: 'indirect-only' }), lowRisk(RESPONSIBLE), { type: 'advance' }, ...allConsent(HARMED.id), ...allConsent(RESPONSIBLE.id), signIn('s_coord1'), signOff(HARMED.id), signOff(RESPONSIBLE.id), { type: 'advance' }]);
    expect(refusal(base, { type: 'advance', processKind: 'direct' })).toMatch(/indirect process only/);
    expect(run(base, [{ type: 'advance', processKind: 'indirect' }]).processKind).toBe('indirect');
  });

  it('refuses a participant assessed as not suitable from going on to preparation', () => {
    const c = run(newCase(), [{ type: 'advance' }, { type: 'assign-team', leadId: 's_facil1' }, { type: 'advance' }, contact(HARMED.id), contact(RESPONSIBLE.id), { type: 'advance' }, lowRisk(HARMED), lowRisk(RESPONSIBLE, { decision: 'not-suitable' })]);
    expect(refusal(c, { type: 'advance' })).toMatch(/not suitable/);
  });
});

describe('sensitive cases', () => {
  const sensitive = (): Case => newCase({ referral: { ...newCase().referral, offenceCategory: 'Domestic abuse', sensitive: ['Domestic abuse'] } });

  it('need an Advanced lead and a co-facilitator before contact', () => {
    const c = run(sensitive(), [{ type: 'advance' }]);
    expect(refusal(c, { type: 'assign-team', leadId: 's_facil1' })).toMatch(/Advanced practitioner/);
    const led = run(c, [{ type: 'assign-team', leadId: 's_advan1' }]);
    expect(refusal(led, { type: 'advance' })).toMatch(/co-facilitator/);
    expect(run(led, [{ type: 'assign-team', coFacilitatorId: 's_facil2' }, { type: 'advance' }]).stage).toBe('contact');
  });

  it('are blocked from the process until a manager signs off every risk assessment', () => {
    expect(() => readyCase(sensitive().referral ? { referral: sensitive().referral } : {})).toThrow(/must be signed off by a manager/);
    const ok = readyCase({ referral: sensitive().referral }, 's_manag1');
    expect(run(ok, [{ type: 'advance', processKind: 'indirect' }]).stage).toBe('process');
  });

  it('re-check the lead when a case becomes sensitive after assignment', () => {
    const c = run(newCase(), [{ type: 'advance' }, { type: 'assign-team', leadId: 's_facil1' }, { type: 'update-referral', changes: { sensitive: ['Hate crime'] } }]);
    expect(refusal(c, { type: 'advance' })).toMatch(/Advanced practitioner/);
  });
});

describe('exits, reopening and closing', () => {
  it('needs a reason for every exit but a withdrawal, which never demands one, and who withdrew for a withdrawal', () => {
    const c = newCase();
    expect(refusal(c, { type: 'exit', kind: 'declined', reason: '   ' })).toBe('Enter the reason the case is ending');
    expect(refusal(c, { type: 'exit', kind: 'not-suitable' })).toBe('Enter the reason the case is ending');
    // A person who withdraws does not have to say why: nothing typed records "No reason given".
    for (const reason of [undefined, '', '  ']) {
      const none = run(c, [{ type: 'exit', kind: 'withdrawn', withdrawnBy: HARMED.id, ...(reason === undefined ? {} : { reason }) }]);
      expect(none.exit).toMatchObject({ kind: 'withdrawn', reason: 'No reason given' });
      expect(none.timeline.at(-1)?.text).toMatch(/Reason: No reason given$/);
    }
    expect(refusal(c, { type: 'exit', kind: 'withdrawn', reason: 'Changed their mind.' })).toMatch(/who withdrew/);
    expect(refusal(c, { type: 'exit', kind: 'withdrawn', reason: 'x', withdrawnBy: 'p_nobody1' })).toMatch(/not in this case/);
    const out = run(c, [{ type: 'exit', kind: 'withdrawn', reason: 'Wants to focus on recovery.', withdrawnBy: HARMED.id }]);
    expect(out.exit).toEqual({ kind: 'withdrawn', reason: 'Wants to focus on recovery.', on: TODAY, withdrawnBy: HARMED.id });
    expect(out.timeline.at(-1)?.text).toMatch(/withdrawn by Siân Evans\. Reason: Wants to focus on recovery\./);
  });

  it('refuses every change to an ended case except reopening with a reason', () => {
    const exited = run(newCase(), [{ type: 'exit', kind: 'no-contact', reason: 'Three letters unanswered.' }]);
    expect(refusal(exited, { type: 'advance' })).toMatch(/ended \(no contact\)/);
    expect(refusal(exited, { type: 'set-notes', notes: 'x' })).toMatch(/Reopen/);
    expect(refusal(exited, { type: 'reopen', reason: '' })).toMatch(/reason/i);
    const reopened = run(exited, [{ type: 'reopen', reason: 'They replied.' }]);
    expect(reopened.exit).toBeUndefined();
    expect(reopened.stage).toBe('referral');

    const closed = run({ ...readyCase(), stage: 'monitoring' }, [{ type: 'close', closure: { outcome: 'completed-without-agreement', closedOn: TODAY, summary: 'Done.' } }]);
    for (const cmd of [{ type: 'advance' }, { type: 'set-notes', notes: 'late note' }, { type: 'exit', kind: 'declined', reason: 'x' }, { type: 'set-notes', notes: 'again' }, contact(HARMED.id), lowRisk(HARMED)] as WorkflowCommand[]) {
      expect(refusal(closed, cmd)).toMatch(/closed/);
    }
    expect(run(closed, [{ type: 'reopen', reason: 'Agreement broken; monitoring resumes.' }]).stage).toBe('monitoring');
  });

  it('records the date a case ended, which may be earlier than today but not before the referral', () => {
    expect(run(newCase(), [{ type: 'exit', kind: 'declined', reason: 'Said no by letter.', on: '2026-03-12' }]).exit?.on).toBe('2026-03-12');
    expect(refusal(newCase(), { type: 'exit', kind: 'declined', reason: 'x', on: '2026-03-17' })).toMatch(/future/);
    expect(refusal(newCase(), { type: 'exit', kind: 'declined', reason: 'x', on: '2026-03-01' })).toMatch(/before the referral/);
  });

  it('closes with an agreement outcome only once the restorative process has started', () => {
    expect(refusal(newCase(), { type: 'close', closure: { outcome: 'completed-without-agreement', closedOn: TODAY, summary: 'x' } })).toMatch(/has not started/);
    expect(refusal(newCase(), { type: 'close' } as WorkflowCommand)).toMatch(/closure/);
  });
});

describe('the team', () => {
  it('changes only what the command names, keeping an older case\u2019s lead recorded by name', () => {
    const legacy = newCase({ stage: 'screening', leadFacilitator: 'Pat Former' });
    const c = run(legacy, [{ type: 'assign-team', coFacilitatorId: 's_facil2' }]);
    expect(c).toMatchObject({ leadFacilitator: 'Pat Former', coFacilitatorId: 's_facil2' });
    expect(c.leadFacilitatorId).toBeUndefined();
    expect(c.timeline.at(-1)?.text).toBe('Lead facilitator: Pat Former; co-facilitator: Łukasz Nowak.');
    const replaced = run(c, [{ type: 'assign-team', leadId: 's_facil1' }]);
    expect(replaced).toMatchObject({ leadFacilitator: 'Siân Prydderch', leadFacilitatorId: 's_facil1', coFacilitatorId: 's_facil2' });
    const cleared = run(replaced, [{ type: 'assign-team', leadId: null, coFacilitatorId: null }]);
    expect([cleared.leadFacilitator, cleared.leadFacilitatorId, cleared.coFacilitatorId]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses people who cannot facilitate', () => {
    const c = newCase();
    expect(refusal(c, { type: 'assign-team', leadId: 's_manag1' })).toMatch(/not a registered practitioner/);
    expect(refusal(c, { type: 'assign-team', leadId: 's_gone01' })).toMatch(/no longer active/);
    expect(refusal(c, { type: 'assign-team', leadId: 's_nobody1' })).toMatch(/not on the staff list/);
    expect(refusal(c, { type: 'assign-team', leadId: 's_facil1', coFacilitatorId: 's_facil1' })).toMatch(/someone other than the lead/);
  });

  it('a lead who has left stops the case moving on until someone else is assigned', () => {
    const c = run(newCase(), [{ type: 'advance' }, { type: 'assign-team', leadId: 's_facil1' }]);
    const staff = ctx().staff.map((s) => (s.id === 's_facil1' ? { ...s, active: false } : s));
    expect(refusal(c, { type: 'advance' }, ctx({ staff }))).toMatch(/no longer active; assign another/);
  });
});

describe('participants and the process', () => {
  it('keeps newcomers out of a process that has started', () => {
    const started = run(readyCase(), [{ type: 'advance', processKind: 'direct' }]);
    const p = { id: 'p_newone01', role: 'supporter' as const, person: { givenName: 'Zoë', familyName: 'Ng' } };
    expect(refusal(started, { type: 'add-participant', participant: p })).toMatch(/cannot take part/);
    expect(run(started, [{ type: 'add-participant', participant: { ...p, takesPart: false } }]).participants).toHaveLength(3);
  });

  it('marks an under-18 with enhanced rights when added', () => {
    const c = run(newCase(), [{ type: 'add-participant', participant: { id: 'p_child001', role: 'harmed', person: { givenName: 'Amélie', familyName: 'Évora', dateOfBirth: '2012-06-01' } } }]);
    expect(c.participants[2]?.person.enhancedRights).toBe(true);
  });
});

describe('bad commands', () => {
  const bad: unknown[] = [
    null,
    undefined,
    42,
    'advance',
    [],
    {},
    { type: 'teleport' },
    { type: 'advance', extra: true },
    { type: 'exit', kind: 'withdrawn', reason: 'x'.repeat(2_001), withdrawnBy: 'p_harmed1' },
    { type: 'exit', kind: 'vanished', reason: 'x' },
    JSON.parse('{"type":"advance","__proto__":{"polluted":true}}'),
    { type: 'set-notes', notes: 'bell\u0007' },
    { type: 'record-consent', participantId: HARMED.id, elementId: 'voluntary', status: 'given', on: '2026-02-31', method: 'signed-form' },
    { type: 'record-consent', participantId: HARMED.id, elementId: 'voluntary', status: 'given', on: '2026-03-20', method: 'signed-form' },
    { type: 'assign-team', leadId: 42 },
  ];
  it.each(bad.map((b) => [JSON.stringify(b)?.slice(0, 60) ?? String(b), b]))('refuses %s with a reason', (_, cmd) => {
    const c = newCase();
    const r = applyCommand(c, cmd, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stores script tags as typed: they are text, never markup', () => {
    const c = run(newCase(), [{ type: 'set-notes', notes: '<script>alert(1)</script>' }]);
    expect(c.notes).toBe('<script>alert(1)</script>');
  });

  it('every command type in the schema is handled', () => {
    const types = WorkflowCommandSchema.options.map((o) => o.shape.type.value);
    expect(new Set(types).size).toBe(types.length);
    // 16 casework commands and 12 of the restorative process (issue 5), less the old close.
    expect(types.length).toBe(27);
  });
});
