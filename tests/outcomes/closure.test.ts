import { describe, expect, it } from 'vitest';
import type { OutcomeAgreement } from '../../src-main/domain/outcomes/agreement';
import { closeCase, reopenCase, suggestOutcome, type ClosureFacts } from '../../src-main/domain/outcomes/closure';
import { HARMED, LEAD, RESPONSIBLE } from '../support/process-fixtures';

const action = (status: 'pending' | 'done' | 'not-done', resolvedOn?: string) => ({
  id: `a_${status.replace('-', '')}${resolvedOn?.replace(/-/g, '') ?? 'open'}`.slice(0, 20),
  kind: 'apology' as const,
  description: 'x',
  byParticipantId: RESPONSIBLE,
  dueOn: '2026-06-01',
  completionShownBy: 'x',
  status,
  ...(resolvedOn ? { resolvedOn, evidenceNotes: 'x' } : {}),
});
const agreementWith = (...actions: ReturnType<typeof action>[]): Pick<OutcomeAgreement, 'actions' | 'signedOn'> => ({ signedOn: '2026-05-12', actions });

const facts = (over: Partial<ClosureFacts> = {}): ClosureFacts => ({
  today: '2026-09-01',
  referralReceivedOn: '2026-03-02',
  meetings: [{ kind: 'conference', date: '2026-05-12', status: 'held' }],
  participantIds: [HARMED, RESPONSIBLE],
  ...over,
});
const close = (outcome: string, f: ClosureFacts, extra: object = {}) => closeCase({ outcome, closedOn: '2026-08-31', summary: 'Closed after monitoring.', closedBy: LEAD, ...extra }, f);

describe('closeCase', () => {
  it('closes a completed agreement', () => {
    expect(close('agreement-completed', facts({ agreement: agreementWith(action('done', '2026-06-01')) }))).toMatchObject({ ok: true, value: { outcome: 'agreement-completed' } });
  });

  it('refuses a closure date before the referral, in the future, or before the last meeting', () => {
    expect(closeCase({ outcome: 'no-contact', closedOn: '2026-03-01', summary: 'x', closedBy: LEAD }, facts({ meetings: [] }))).toMatchObject({
      ok: false,
      problems: ['The date closed is before the referral was received (2 March 2026).'],
    });
    expect(closeCase({ outcome: 'no-contact', closedOn: '2026-09-02', summary: 'x', closedBy: LEAD }, facts())).toMatchObject({ ok: false, problems: ['The date closed cannot be in the future.'] });
    expect(closeCase({ outcome: 'completed-without-agreement', closedOn: '2026-05-11', summary: 'x', closedBy: LEAD }, facts())).toMatchObject({
      ok: false,
      problems: ['The date closed is before the last meeting held (12 May 2026).'],
    });
  });

  it('matches the outcome to the agreement', () => {
    const partly = agreementWith(action('done', '2026-06-01'), action('not-done', '2026-07-01'));
    expect(close('agreement-completed', facts({ agreement: partly }))).toMatchObject({ ok: false, problems: ['Not every action was done: choose "agreement partly completed".'] });
    expect(close('agreement-partly-completed', facts({ agreement: partly })).ok).toBe(true);
    expect(close('agreement-partly-completed', facts({ agreement: agreementWith(action('done', '2026-06-01')) }))).toMatchObject({ ok: false, problems: ['Every action was done: choose "agreement completed".'] });
    // The open action is named by its number, as the agreement lists it.
    expect(close('agreement-completed', facts({ agreement: agreementWith(action('pending')) }))).toMatchObject({ ok: false, problems: ['Action 1 is still open: record whether it was done before closing.'] });
    expect(close('agreement-completed', facts({ agreement: agreementWith(action('done', '2026-06-01'), action('pending'), action('pending')) }))).toMatchObject({ ok: false, problems: ['Actions 2 and 3 are still open: record whether each was done before closing.'] });
    expect(close('agreement-completed', facts())).toMatchObject({ ok: false, problems: ['There is no signed agreement: choose another outcome, or record the agreement first.'] });
    expect(close('agreement-completed', facts({ agreement: agreementWith(action('not-done', '2026-07-01')) }))).toMatchObject({ ok: false, problems: [expect.stringMatching(/^No action was done/)] });
    expect(close('completed-without-agreement', facts({ agreement: partly }))).toMatchObject({ ok: false });
    expect(close('agreement-completed', facts({ agreement: agreementWith(action('done', '2026-08-31')) }), { closedOn: '2026-08-30' })).toMatchObject({
      ok: false,
      problems: ['The date closed is before the last action was resolved (31 August 2026).'],
    });
  });

  it('asks for meetings still to come to be cancelled first', () => {
    expect(close('withdrawn', facts({ meetings: [{ kind: 'follow-up', date: '2026-09-10', status: 'confirmed' }] }))).toMatchObject({
      ok: false,
      problems: ['Cancel or record the follow-up meeting on 10 September 2026 before closing.'],
    });
    expect(close('withdrawn', facts({ meetings: [{ kind: 'follow-up', date: '2026-09-10', status: 'cancelled' }] })).ok).toBe(true);
  });

  it('checks who withdrew', () => {
    expect(close('withdrawn', facts(), { withdrawnBy: HARMED }).ok).toBe(true);
    expect(close('withdrawn', facts(), { withdrawnBy: 'p_stranger1' })).toMatchObject({ ok: false, problems: ['The person who withdrew is not in this case.'] });
    expect(close('no-contact', facts(), { withdrawnBy: HARMED })).toMatchObject({ ok: false, problems: ['Only a withdrawal names who withdrew: remove it, or choose "withdrawn"'] });
  });

  it('refuses bad input', () => {
    expect(closeCase({}, facts()).ok).toBe(false);
    expect(closeCase({ outcome: 'withdrawn', closedOn: '2026-08-31', summary: '', closedBy: LEAD }, facts())).toMatchObject({ ok: false, problems: ['Enter summary'] });
    expect(closeCase(JSON.parse(`{"__proto__":{},"outcome":"withdrawn","closedOn":"2026-08-31","summary":"x","closedBy":"${LEAD}"}`), facts())).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/Unknown field “__proto__”/)],
    });
  });
});

describe('suggestOutcome and reopenCase', () => {
  it('suggests an outcome from the agreement', () => {
    expect(suggestOutcome({ today: '2026-09-01', agreement: agreementWith(action('done', '2026-06-01')) })).toBe('agreement-completed');
    expect(suggestOutcome({ today: '2026-09-01' })).toBeUndefined();
  });
  it('reopens with a reason, not before the closure', () => {
    const closure = { outcome: 'withdrawn' as const, closedOn: '2026-08-31', summary: 'x', closedBy: LEAD };
    expect(reopenCase(closure, { on: '2026-09-01', reason: 'The person harmed asked to resume', by: LEAD }, '2026-09-01').ok).toBe(true);
    expect(reopenCase(closure, { on: '2026-09-01', reason: '', by: LEAD }, '2026-09-01')).toMatchObject({ ok: false, problems: ['Enter reason for reopening'] });
    expect(reopenCase(closure, { on: '2026-08-30', reason: 'x', by: LEAD }, '2026-09-01')).toMatchObject({ ok: false, problems: [expect.stringMatching(/closed on 31 August 2026/)] });
  });
});
