import { describe, expect, it } from 'vitest';
import { agreementFor, apply, applyAll, book, caseUntil, caseworkWorld, conferenceRecord, meetingFor, people, refusal, withConference, type WithCase, type World } from '../support/process';
import type { FeedbackInput } from '../../src-main/domain/outcomes/feedback';
import type { ClosureOutcome } from '../../src-main/domain/outcomes/closure';

const overdueOnBoard = async (w: World) => (await w.call('getDashboard', {})).overdueActions;

/** Feedback as the form sends it: who entered it is whoever is signed in. */
function feedback(_w: World, participantId: string, over: Record<string, unknown> = {}): FeedbackInput {
  return { participantId, givenOn: '2026-04-02', answers: { feltSafe: 5, satisfiedWithOutcome: 4 }, overall: 8, equalityConsent: false, ...over } as FeedbackInput;
}

/** A direct case with its conference booked and confirmed for 25 March 2026; the person responsible declined to be asked for feedback. */
async function confirmedConference(): Promise<WithCase> {
  const x = await withConference();
  const v = await apply(x.w, x.v, { type: 'record-consent', participantId: people(x.v).responsible, elementId: 'feedback-contact', status: 'declined', on: '2026-03-13', method: 'recorded-verbal' });
  expect(v.case.schedule?.[0]?.status).toBe('confirmed');
  return { ...x, v };
}

describe('the outcome of a case through the service', () => {
  it('records the conference, drafts and signs the agreement, monitors its actions, and closes only when none is open', async () => {
    const booked = await confirmedConference();
    const { w, meeting } = booked;
    let v = booked.v;
    const p = people(v);

    // Not before the day it happens.
    const early = await refusal(w, v, { type: 'record-conference', record: conferenceRecord(w, v, meeting) });
    expect(early.problems).toEqual(['The date held, 25 March 2026, is in the future.']);

    w.clock.set('2026-03-25T15:00:00Z');
    v = await apply(w, v, { type: 'record-conference', record: conferenceRecord(w, v, meeting) });
    expect(v.case.stage).toBe('outcome');
    expect(v.case.schedule?.[0]?.status).toBe('held');
    expect(v.case.conferenceRecords).toHaveLength(1);
    expect(v.case.timeline.at(-1)).toMatchObject({ kind: 'conference.recorded', text: 'Conference held on 25 March 2026: agreement reached.' });
    const twice = await refusal(w, v, { type: 'record-conference', record: conferenceRecord(w, v, meeting) });
    expect(twice.problems).toEqual(['This conference already has a record.']);

    // Drafted: stays at the outcome stage until signed.
    const draft = agreementFor(w, v, [{ kind: 'apology', dueOn: '2026-03-27' }, { kind: 'reparation', dueOn: '2026-04-10' }], { meetingId: meeting.id });
    v = await apply(w, v, { type: 'record-agreement', agreement: draft });
    expect(v.case.stage).toBe('outcome');
    expect(v.case.agreement?.signedOn).toBeUndefined();
    expect(v.case.timeline.at(-1)?.kind).toBe('agreement.drafted');
    const [apology, reparation] = draft.actions.map((a) => a.id) as [string, string];
    const tooEarly = await refusal(w, v, { type: 'update-action', actionId: apology, status: 'in-progress' });
    expect(tooEarly.problems).toEqual(['Progress is recorded once the agreement is signed.']);
    expect((await refusal(w, v, { type: 'sign-agreement', signedOn: '2026-03-26' })).problems).toEqual(['The date signed cannot be in the future.']);

    v = await apply(w, v, { type: 'sign-agreement', signedOn: '2026-03-25' });
    expect(v.case.stage).toBe('monitoring');
    expect(v.case.agreement?.signedOn).toBe('2026-03-25');
    const resign = await refusal(w, v, { type: 'record-agreement', agreement: draft });
    expect(resign.problems).toEqual(['The agreement has been signed: record progress on each action instead of changing it.']);

    v = await apply(w, v, { type: 'update-action', actionId: apology, status: 'in-progress' });
    expect(v.case.timeline.at(-1)?.text).toBe('Action 1 (apology) marked in progress. 0 of 2 done.');

    // Due on the 27th: not overdue that day, overdue the day after.
    w.clock.set('2026-03-27T12:00:00Z');
    expect(await overdueOnBoard(w)).toEqual({ count: 0, rows: [] });
    w.clock.set('2026-03-30T09:00:00Z');
    expect(await overdueOnBoard(w)).toEqual({ count: 1, rows: [{ caseId: v.case.id, reference: v.case.reference, leadFacilitator: 'Jo Whitfield', overdue: 1, earliestDue: '2026-03-27' }] });

    const noEvidence = await refusal(w, v, { type: 'update-action', actionId: apology, status: 'done', resolvedOn: '2026-03-29' });
    expect(noEvidence.problems).toEqual(['Say what showed the action was done']);
    v = await apply(w, v, { type: 'update-action', actionId: apology, status: 'done', resolvedOn: '2026-03-29', evidenceNotes: 'Letter of apology seen; copy on file.' });
    expect(await overdueOnBoard(w)).toEqual({ count: 0, rows: [] });

    v = await apply(w, v, { type: 'add-review', review: { on: '2026-03-30', note: 'Spoke to both; the reparation is booked for April.' } });
    expect(v.case.agreement?.reviews).toEqual([{ on: '2026-03-30', by: w.staff.jo, note: 'Spoke to both; the reparation is booked for April.' }]);
    expect((await refusal(w, v, { type: 'add-review', review: { on: '2026-03-31', note: 'x' } })).problems).toEqual(['A review cannot be dated in the future.']);

    const closure = (outcome: ClosureOutcome) => ({ outcome, closedOn: '2026-03-30', summary: 'Apology given; reparation not carried out.' });
    const open = await refusal(w, v, { type: 'close', closure: closure('agreement-partly-completed') });
    expect(open.problems).toEqual(['Action 2 is still open: record whether it was done before closing.']);

    v = await apply(w, v, { type: 'update-action', actionId: reparation, status: 'not-done', resolvedOn: '2026-03-30', evidenceNotes: 'Did not attend the garden work twice.' });
    const notAll = await refusal(w, v, { type: 'close', closure: closure('agreement-completed') });
    expect(notAll.problems).toEqual(['Not every action was done: choose "agreement partly completed".']);
    v = await apply(w, v, { type: 'close', closure: closure('agreement-partly-completed') });
    expect(v.case.stage).toBe('closed');
    expect(v.case.closure).toMatchObject({ outcome: 'agreement-partly-completed', closedOn: '2026-03-30' });
    expect(v.case.exit).toBeUndefined();

    // A closed case takes no new meetings, but feedback is asked for after closure.
    const after = await refusal(w, v, { type: 'schedule-meeting', meeting: meetingFor(v, { date: '2026-04-20', format: 'video' }) });
    expect(after.message).toMatch(/closed\. Reopen it/);
    w.clock.set('2026-04-03T09:00:00Z');
    v = await apply(w, v, { type: 'record-feedback', feedback: feedback(w, p.harmed, { comments: 'I felt heard.' }) });
    expect(v.case.feedback).toEqual([expect.objectContaining({ participantId: p.harmed, overall: 8, comments: 'I felt heard.' })]);
    expect(v.case.stage).toBe('closed');
    const again = await refusal(w, v, { type: 'record-feedback', feedback: feedback(w, p.harmed) });
    expect(again.problems).toEqual(['This participant has already given feedback: change that instead.']);

    // The person responsible said no to being contacted for feedback.
    const declined = await refusal(w, v, { type: 'record-feedback', feedback: feedback(w, p.responsible) });
    expect(declined.problems).toEqual(['This participant did not agree to be contacted for feedback.']);
  });

  it('refuses equality answers without the person’s consent to that part, and keeps them with it', async () => {
    const w = await caseworkWorld();
    let v = await caseUntil(w, 'process');
    const p = people(v);
    const equality = { ageBand: '35 to 44', ethnicity: 'White: Welsh' };
    const noConsent = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'record-feedback', feedback: feedback(w, p.harmed, { givenOn: '2026-03-16', equality }) } as never });
    expect(noConsent.code).toBe('INVALID_INPUT');
    expect(noConsent.details?.issues).toEqual([
      {
        path: 'command.feedback.equality',
        message: 'Equality monitoring answers can only be kept when the person agreed to give them: remove the answers, or record their consent',
      },
    ]);
    v = await apply(w, v, { type: 'record-feedback', feedback: feedback(w, p.harmed, { givenOn: '2026-03-16', equality, equalityConsent: true }) });
    expect(v.case.feedback?.[0]?.equality).toEqual(equality);
  });

  it('moves an adjourned conference on nowhere, and one without agreement to the outcome stage', async () => {
    const booked = await confirmedConference();
    const { w, meeting } = booked;
    let v = booked.v;
    w.clock.set('2026-03-25T15:00:00Z');
    const adjourned = await applyAll(w, v, [{ type: 'record-conference', record: conferenceRecord(w, v, meeting, { result: 'adjourned', resumesOn: '2026-04-01' }) }]);
    expect(adjourned.case.stage).toBe('process');
    const other = await caseUntil(w, 'process', { referral: { receivedOn: '2026-03-10' } });
    const m2 = meetingFor(other, { start: '13:00', venueId: meeting.venueId! });
    v = await book(w, other, m2, true);
    v = await apply(w, v, { type: 'record-conference', record: conferenceRecord(w, v, m2, { result: 'no-agreement' }) });
    expect(v.case.stage).toBe('outcome');
  });
});
