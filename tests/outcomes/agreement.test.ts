import { describe, expect, it } from 'vitest';
import { addReview, agreementProgress, OutcomeAgreementSchema, overdueActions, updateAction, type OutcomeAgreement } from '../../src-main/domain/outcomes/agreement';
import { CASE, HARMED, LEAD, RESPONSIBLE } from '../support/process-fixtures';

const agreement: OutcomeAgreement = {
  caseId: CASE,
  meetingId: 'm_conf0001',
  signatoryIds: [HARMED, RESPONSIBLE],
  signedOn: '2026-05-12',
  countersignedBy: LEAD,
  actions: [
    { id: 'a_apology1', kind: 'apology', description: 'Written apology', byParticipantId: RESPONSIBLE, dueOn: '2026-05-26', completionShownBy: 'Copy of the letter', status: 'pending' },
    { id: 'a_repair01', kind: 'reparation', description: 'Repaint the fence', byParticipantId: RESPONSIBLE, dueOn: '2026-06-30', completionShownBy: 'Photographs', status: 'in-progress' },
    { id: 'a_inform01', kind: 'keep-informed', description: 'Updates on the course', byParticipantId: RESPONSIBLE, dueOn: '2026-08-31', completionShownBy: 'Facilitator log', status: 'pending' },
  ],
  reviews: [],
};

describe('OutcomeAgreementSchema', () => {
  it('accepts a signed agreement', () => {
    expect(OutcomeAgreementSchema.parse(agreement)).toEqual(agreement);
  });
  it('keeps its rules, in plain English', () => {
    const msgs = (x: unknown) => OutcomeAgreementSchema.safeParse(x).error?.issues.map((i) => i.message) ?? [];
    expect(msgs({ ...agreement, actions: [] })).toEqual(['Add at least one action']);
    expect(msgs({ ...agreement, signatoryIds: [HARMED] })).toEqual(Array(3).fill('The person doing this action must also sign the agreement'));
    expect(msgs({ ...agreement, signedOn: '2026-06-01' })).toEqual(['The due date is before the agreement was signed (1 June 2026)']);
    const { signedOn: _s, ...draft } = agreement;
    expect(msgs(draft)).toEqual(['Actions start once the agreement is signed: enter the date signed first']);
    expect(msgs({ ...agreement, actions: [{ ...agreement.actions[0], status: 'done' }] })).toEqual(['Enter the date the action was done', 'Say what showed the action was done']);
    expect(msgs({ ...agreement, actions: [{ ...agreement.actions[0], resolvedOn: '2026-05-20' }] })).toEqual(['An action still pending or in progress has no date resolved: remove it']);
    expect(msgs({ ...agreement, actions: [agreement.actions[0], agreement.actions[0]] })).toEqual(['The action id a_apology1 is used twice']);
    expect(msgs({ ...agreement, actions: [{ ...agreement.actions[0], kind: 'flogging' }] })).toEqual([expect.stringMatching(/^Choose the kind of action: apology, explanation/)]);
    expect(msgs({ ...agreement, reviews: [{ on: '2026-05-01', by: LEAD, note: 'x' }] })).toEqual(['The review is dated before the agreement was signed']);
    expect(msgs({ ...agreement, actions: Array.from({ length: 101 }, (_, i) => ({ ...agreement.actions[0], id: `a_many${String(i).padStart(4, '0')}` })) })).toEqual(['At most 100 actions']);
  });
});

describe('monitoring', () => {
  it('lists overdue actions, not counting the due day itself', () => {
    expect(overdueActions(agreement, '2026-05-26')).toEqual([]);
    expect(overdueActions(agreement, '2026-05-27').map((a) => a.id)).toEqual(['a_apology1']);
    expect(overdueActions(agreement, '2026-07-01').map((a) => a.id)).toEqual(['a_apology1', 'a_repair01']);
  });

  it('measures progress', () => {
    expect(agreementProgress(agreement, '2026-07-01')).toEqual({ total: 3, pending: 2, inProgress: 1, done: 0, notDone: 0, overdue: 2, percentDone: 0, state: 'open' });
    const { signedOn: _s, ...draft } = agreement;
    expect(agreementProgress(draft, '2026-07-01').state).toBe('draft');
  });

  it('records action progress through to completion', () => {
    let g = agreement;
    const step = (id: string, status: 'done' | 'not-done', on: string, notes: string) => {
      const r = updateAction(g, id, { status, resolvedOn: on, evidenceNotes: notes }, '2026-09-01');
      if (!r.ok) throw new Error(r.reason);
      g = r.value;
    };
    step('a_apology1', 'done', '2026-05-20', 'Letter seen by facilitator');
    step('a_repair01', 'done', '2026-06-15', 'Photographs on file');
    expect(agreementProgress(g, '2026-07-01')).toMatchObject({ done: 2, percentDone: 66, state: 'open' });
    step('a_inform01', 'not-done', '2026-08-31', 'Course not started');
    expect(agreementProgress(g, '2026-09-01')).toMatchObject({ state: 'partly-completed', resolvedOn: '2026-08-31', overdue: 0 });
    step('a_inform01', 'done', '2026-08-31', 'Updates passed on');
    expect(agreementProgress(g, '2026-09-01')).toMatchObject({ state: 'completed', percentDone: 100 });
  });

  it('refuses bad updates', () => {
    expect(updateAction(agreement, 'a_missing1', { status: 'done' }, '2026-06-01')).toMatchObject({ ok: false, reason: 'That action is not in this agreement.' });
    expect(updateAction(agreement, 'a_apology1', { status: 'done', resolvedOn: '2026-07-01', evidenceNotes: 'x' }, '2026-06-01')).toMatchObject({ ok: false });
    expect(updateAction(agreement, 'a_apology1', { status: 'done' }, '2026-06-01')).toMatchObject({ ok: false, problems: ['Enter the date the action was done', 'Say what showed the action was done'] });
  });

  it('adds monitoring reviews', () => {
    expect(addReview(agreement, { on: '2026-06-01', by: LEAD, note: 'Fence half painted' }, '2026-06-01')).toMatchObject({ ok: true, value: { reviews: [{ note: 'Fence half painted' }] } });
    expect(addReview(agreement, { on: '2026-06-02', by: LEAD, note: 'x' }, '2026-06-01')).toMatchObject({ ok: false });
  });
});
