import { describe, expect, it } from 'vitest';
import type { Case, Participant } from '../../src-main/domain/cases/case';
import { DEFAULT_CASEWORK_SETTINGS } from '../../src-main/domain/casebook/casework-settings';
import { approverRoleRequired, assessRisk, currentAssessment, factorsFor, highestRating, overdueReviews, riskStatus, signOffRisk, type AssessRiskInput, type RiskContext } from '../../src-main/domain/risk/risk';
import { factors, HARMED, newCase, NOW, RESPONSIBLE, STAFF, TODAY } from '../support/case-fixtures';

const ctx: RiskContext = { today: TODAY, now: NOW, staff: STAFF, factors, settings: DEFAULT_CASEWORK_SETTINGS };

function input(p: Participant, over: Partial<AssessRiskInput> = {}, high = false): AssessRiskInput {
  return {
    participantId: p.id,
    assessedOn: '2026-03-10',
    assessedBy: 's_facil1',
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
    const r = assessRisk(newCase(), input(HARMED), ctx);
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
    ['an assessor who has left', (i: AssessRiskInput) => ({ ...i, assessedBy: 's_gone01' }), /no longer active/],
  ])('refuses %s', (_, change, pattern) => {
    const r = assessRisk(newCase(), change(input(HARMED)), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(pattern);
  });
});

describe('signing off', () => {
  it('an ordinary assessment by a coordinator or manager, not a facilitator', () => {
    const c = apply(newCase(), (assessRisk(newCase(), input(HARMED), ctx) as { value: Participant }).value);
    expect(signOffRisk(c, { participantId: HARMED.id, by: 's_facil1' }, ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/rj coordinator or manager/) });
    const r = signOffRisk(c, { participantId: HARMED.id, by: 's_coord1', note: 'Discussed in supervision.' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(currentAssessment(r.value)?.signOff).toEqual({ by: 's_coord1', role: 'coordinator', at: NOW, note: 'Discussed in supervision.' });
    expect(riskStatus(r.value, false, DEFAULT_CASEWORK_SETTINGS)).toBe('signed-off');
    expect(signOffRisk(apply(c, r.value), { participantId: HARMED.id, by: 's_manag1' }, ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/already signed off/) });
  });

  it('a high rating by the role in settings', () => {
    const p = (assessRisk(newCase(), input(HARMED, {}, true), ctx) as { value: Participant }).value;
    const c = apply(newCase(), p);
    expect(approverRoleRequired(currentAssessment(p)!, false, DEFAULT_CASEWORK_SETTINGS)).toBe('manager');
    expect(signOffRisk(c, { participantId: HARMED.id, by: 's_coord1' }, ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/a factor is rated high, the assessment must be signed off by a manager; Jo Whitfield is a rj coordinator/) });
    expect(signOffRisk(c, { participantId: HARMED.id, by: 's_manag1' }, ctx).ok).toBe(true);
    // The role is a setting.
    expect(signOffRisk(c, { participantId: HARMED.id, by: 's_coord1' }, { ...ctx, settings: { riskApproverRole: 'coordinator' } }).ok).toBe(true);
  });

  it('any assessment in a sensitive case by the role in settings', () => {
    const sensitive = newCase({ referral: { ...newCase().referral, sensitive: ['Stalking or harassment'] } });
    const c = apply(sensitive, (assessRisk(sensitive, input(HARMED), ctx) as { value: Participant }).value);
    expect(signOffRisk(c, { participantId: HARMED.id, by: 's_coord1' }, ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/sensitive case/) });
    const signed = signOffRisk(c, { participantId: HARMED.id, by: 's_manag1' }, ctx);
    expect(signed.ok && riskStatus(signed.value, true, DEFAULT_CASEWORK_SETTINGS)).toBe('signed-off');
  });

  it('a case that became sensitive after a coordinator signed needs the approver again', () => {
    const c = apply(newCase(), (assessRisk(newCase(), input(HARMED), ctx) as { value: Participant }).value);
    const r = signOffRisk(c, { participantId: HARMED.id, by: 's_coord1' }, ctx);
    expect(r.ok && riskStatus(r.value, true, DEFAULT_CASEWORK_SETTINGS)).toBe('needs-approver');
  });
});

describe('re-assessment and reviews', () => {
  it('makes a new, unsigned version and keeps the old one', () => {
    let c = apply(newCase(), (assessRisk(newCase(), input(HARMED), ctx) as { value: Participant }).value);
    c = apply(c, (signOffRisk(c, { participantId: HARMED.id, by: 's_coord1' }, ctx) as { value: Participant }).value);
    const r = assessRisk(c, input(HARMED, { decision: 'indirect-only', assessedOn: TODAY, reviewOn: '2026-06-16' }), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.risk).toHaveLength(2);
    expect(r.value.risk![0]!.signOff).toBeDefined();
    expect(currentAssessment(r.value)).toMatchObject({ version: 2, decision: 'indirect-only' });
    expect(riskStatus(r.value, false, DEFAULT_CASEWORK_SETTINGS)).toBe('unsigned');
  });

  it('flags reviews that are overdue, only for open cases and people taking part', () => {
    let c = apply(newCase(), (assessRisk(newCase(), input(HARMED, { reviewOn: '2026-03-13' }), ctx) as { value: Participant }).value);
    c = apply(c, (assessRisk(c, input(RESPONSIBLE, { reviewOn: '2026-03-16' }), ctx) as { value: Participant }).value);
    expect(overdueReviews(c, TODAY)).toEqual([{ participantId: HARMED.id, version: 1, reviewOn: '2026-03-13' }]);
    expect(overdueReviews(c, '2026-03-17').map((o) => o.participantId)).toEqual([HARMED.id, RESPONSIBLE.id]);
    expect(overdueReviews({ ...c, exit: { kind: 'declined', reason: 'x', on: TODAY } }, '2026-03-17')).toEqual([]);
    expect(overdueReviews({ ...c, participants: c.participants.map((p) => ({ ...p, takesPart: false })) }, '2026-03-17')).toEqual([]);
  });
});
