import { describe, expect, it } from 'vitest';
import type { Case, Participant } from '../../src-main/domain/cases/case';
import { DEFAULT_CASEWORK_SETTINGS } from '../../src-main/domain/casebook/casework-settings';
import { approverRoleRequired, assessRisk, currentAssessment, factorsFor, highestRating, overdueReviews, riskStatus, signOffRisk, type AssessRiskInput, type RiskContext } from '../../src-main/domain/risk/risk';
import { factors, HARMED, newCase, NOW, RESPONSIBLE, signedBy, TODAY } from '../support/case-fixtures';

const ctx: RiskContext = { today: TODAY, now: NOW, factors, settings: DEFAULT_CASEWORK_SETTINGS };
/** Assessments are made by Siân Prydderch (s_facil1), signed in. */
const FACIL = signedBy('s_facil1');
// The assessor's confirmation is given unless a test is about it (it is refused without; see below).
const signOff = (c: Case, participantId: string, by: string, settings = ctx, note?: string) => signOffRisk(c, { participantId, confirmSelfSignOff: true, ...(note ? { note } : {}) }, settings, signedBy(by));
const signedOff = (c: Case, participantId: string, by: string) => (signOffRisk(c, { participantId, confirmSelfSignOff: true }, ctx, signedBy(by)) as { value: { participant: Participant } }).value.participant;

function input(p: Participant, over: Partial<AssessRiskInput> = {}, high = false): AssessRiskInput {
  return {
    participantId: p.id,
    assessedOn: '2026-03-10',
    factors: factorsFor(factors, p.role).map((f, i) => (high && i === 0 ? { factorId: f.id, rating: 'high', mitigation: 'Separate arrival times.' } : { factorId: f.id, rating: 'low' })),
    decision: 'direct',
    reviewOn: '2026-04-10',
    ...over,
  };
}

function apply(c: Case, p: Participant): Case {
  return { ...c, participants: c.participants.map((x) => (x.id === p.id ? p : x)) };
}

describe('risk factors', () => {
  it('come from the template: fifteen, one only for the person responsible', () => {
    expect(factors).toHaveLength(15);
    expect(factorsFor(factors, 'responsible')).toHaveLength(15);
    expect(factorsFor(factors, 'harmed').map((f) => f.id)).not.toContain('acknowledgement');
    expect(factorsFor(factors, 'supporter')).toHaveLength(14);
  });
});

describe('assessing', () => {
  it('records a version with every factor rated', () => {
    const r = assessRisk(newCase(), input(HARMED), ctx, FACIL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = currentAssessment(r.value)!;
    expect(a).toMatchObject({ version: 1, decision: 'direct', reviewOn: '2026-04-10', recordedAt: NOW });
    expect(a.signOff).toBeUndefined();
    expect(highestRating(a)).toBe('low');
  });

  it.each([
    ['a missing factor', (i: AssessRiskInput) => ({ ...i, factors: i.factors.slice(1) }), /not yet rated: Physical safety/],
    ['a factor rated twice', (i: AssessRiskInput) => ({ ...i, factors: [...i.factors, i.factors[0]!] }), /rated twice/],
    ['an unknown factor', (i: AssessRiskInput) => ({ ...i, factors: [...i.factors, { factorId: 'astrology', rating: 'low' as const }] }), /"astrology" is not a risk factor/],
    ['a factor that does not apply to the role', (i: AssessRiskInput) => ({ ...i, factors: [...i.factors, { factorId: 'acknowledgement', rating: 'low' as const }] }), /not a risk factor for this participant/],
    ['a medium rating with no mitigation', (i: AssessRiskInput) => ({ ...i, factors: [{ factorId: 'physical-safety', rating: 'medium' as const }, ...i.factors.slice(1)] }), /Physical safety is rated medium: describe how the risk will be reduced/],
    ['not suitable with no reason', (i: AssessRiskInput) => ({ ...i, decision: 'not-suitable' as const }), /reason this participant is not suitable/],
    ['a review date before the assessment', (i: AssessRiskInput) => ({ ...i, reviewOn: '2026-03-10' }), /review date must be after/],
    ['a future assessment', (i: AssessRiskInput) => ({ ...i, assessedOn: '2026-03-17', reviewOn: '2026-05-01' }), /in the future/],
    ['an assessor who has left', (i: AssessRiskInput) => i, /no longer active/, 's_gone01'],
  ])('refuses %s', (_, change, pattern, assessor = 's_facil1') => {
    const r = assessRisk(newCase(), change(input(HARMED)), ctx, signedBy(assessor));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(pattern);
  });
});

describe('signing off', () => {
  it('an ordinary assessment by a coordinator or manager, not a facilitator', () => {
    const c = apply(newCase(), (assessRisk(newCase(), input(HARMED), ctx, FACIL) as { value: Participant }).value);
    expect(signOff(c, HARMED.id, 's_facil1')).toMatchObject({ ok: false, reason: expect.stringMatching(/rj coordinator or manager/) });
    const r = signOff(c, HARMED.id, 's_coord1', ctx, 'Discussed in supervision.');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(currentAssessment(r.value.participant)?.signOff).toEqual({ by: 's_coord1', role: 'coordinator', at: NOW, note: 'Discussed in supervision.' });
    expect(riskStatus(r.value.participant, false, DEFAULT_CASEWORK_SETTINGS)).toBe('signed-off');
    expect(signOff(apply(c, r.value.participant), HARMED.id, 's_manag1')).toMatchObject({ ok: false, reason: expect.stringMatching(/already signed off/) });
  });

  it('a high rating by the role in settings', () => {
    const p = (assessRisk(newCase(), input(HARMED, {}, true), ctx, FACIL) as { value: Participant }).value;
    const c = apply(newCase(), p);
    expect(approverRoleRequired(currentAssessment(p)!, false, DEFAULT_CASEWORK_SETTINGS)).toBe('manager');
    expect(signOff(c, HARMED.id, 's_coord1')).toMatchObject({ ok: false, reason: expect.stringMatching(/a factor is rated high, the assessment must be signed off by a manager; Jo Whitfield is a rj coordinator/) });
    expect(signOff(c, HARMED.id, 's_manag1').ok).toBe(true);
    // The role is a setting.
    expect(signOff(c, HARMED.id, 's_coord1', { ...ctx, settings: { riskApproverRole: 'coordinator' } }).ok).toBe(true);
  });

  it('any assessment in a sensitive case by the role in settings', () => {
    const sensitive = newCase({ referral: { ...newCase().referral, sensitive: ['Stalking or harassment'] } });
    const c = apply(sensitive, (assessRisk(sensitive, input(HARMED), ctx, FACIL) as { value: Participant }).value);
    expect(signOff(c, HARMED.id, 's_coord1')).toMatchObject({ ok: false, reason: expect.stringMatching(/sensitive case/) });
    const signed = signOff(c, HARMED.id, 's_manag1');
    expect(signed.ok && riskStatus(signed.value.participant, true, DEFAULT_CASEWORK_SETTINGS)).toBe('signed-off');
  });

  it('a case that became sensitive after a coordinator signed needs the approver again', () => {
    const c = apply(newCase(), (assessRisk(newCase(), input(HARMED), ctx, FACIL) as { value: Participant }).value);
    const r = signOff(c, HARMED.id, 's_coord1');
    expect(r.ok && riskStatus(r.value.participant, true, DEFAULT_CASEWORK_SETTINGS)).toBe('needs-approver');
  });
});

describe('signing off an assessment you made yourself', () => {
  const assessedBy = (c: Case, by: string, high = false) => apply(c, (assessRisk(c, input(HARMED, {}, high), ctx, signedBy(by)) as { value: Participant }).value);

  it('is refused in a sensitive case, whatever the signer\u2019s role', () => {
    const sensitive = newCase({ referral: { ...newCase().referral, sensitive: ['Domestic abuse'] } });
    const c = assessedBy(sensitive, 's_manag1');
    expect(signOff(c, HARMED.id, 's_manag1')).toMatchObject({ ok: false, reason: expect.stringMatching(/must not be the person who assessed the risk\. This is a sensitive case, and you assessed it/), marks: ['self-sign-off'] });
    // An administrator recording the manager's own sign-off is refused the same way, naming them.
    const forManager = signOffRisk(c, { participantId: HARMED.id }, ctx, { by: signedBy('s_manag1').by, recordedOnBehalfBy: signedBy('s_admin1').by });
    expect(forManager).toMatchObject({ ok: false, reason: expect.stringMatching(/and Şükrü Yılmaz assessed it/) });
  });

  it('is allowed otherwise, and the sign-off keeps the warning', () => {
    const c = assessedBy(newCase(), 's_coord1');
    const r = signOff(c, HARMED.id, 's_coord1');
    expect(r).toMatchObject({ ok: true, value: { sameAsAssessor: true } });
    expect(r.ok && currentAssessment(r.value.participant)?.signOff).toEqual({ by: 's_coord1', role: 'coordinator', at: NOW, sameAsAssessor: true });
    const unconfirmed = signOffRisk(c, { participantId: HARMED.id }, ctx, signedBy('s_coord1'));
    expect(unconfirmed).toMatchObject({ ok: false, reason: expect.stringMatching(/^You assessed this risk: confirm/) });
    const someoneElse = signOffRisk(c, { participantId: HARMED.id }, ctx, signedBy('s_manag1'));
    expect(someoneElse.ok && [someoneElse.value.sameAsAssessor, currentAssessment(someoneElse.value.participant)?.signOff?.sameAsAssessor]).toEqual([false, undefined]);
  });
});

describe('re-assessment and reviews', () => {
  it('makes a new, unsigned version and keeps the old one', () => {
    let c = apply(newCase(), (assessRisk(newCase(), input(HARMED), ctx, FACIL) as { value: Participant }).value);
    c = apply(c, signedOff(c, HARMED.id, 's_coord1'));
    const r = assessRisk(c, input(HARMED, { decision: 'indirect-only', assessedOn: TODAY, reviewOn: '2026-06-16' }), ctx, FACIL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.risk).toHaveLength(2);
    expect(r.value.risk![0]!.signOff).toBeDefined();
    expect(currentAssessment(r.value)).toMatchObject({ version: 2, decision: 'indirect-only' });
    expect(riskStatus(r.value, false, DEFAULT_CASEWORK_SETTINGS)).toBe('unsigned');
  });

  it('flags reviews that are overdue, only for open cases and people taking part', () => {
    let c = apply(newCase(), (assessRisk(newCase(), input(HARMED, { reviewOn: '2026-03-13' }), ctx, FACIL) as { value: Participant }).value);
    c = apply(c, (assessRisk(c, input(RESPONSIBLE, { reviewOn: '2026-03-16' }), ctx, FACIL) as { value: Participant }).value);
    expect(overdueReviews(c, TODAY)).toEqual([{ participantId: HARMED.id, version: 1, reviewOn: '2026-03-13' }]);
    expect(overdueReviews(c, '2026-03-17').map((o) => o.participantId)).toEqual([HARMED.id, RESPONSIBLE.id]);
    expect(overdueReviews({ ...c, exit: { kind: 'declined', reason: 'x', on: TODAY } }, '2026-03-17')).toEqual([]);
    expect(overdueReviews({ ...c, participants: c.participants.map((p) => ({ ...p, takesPart: false })) }, '2026-03-17')).toEqual([]);
  });
});
