import { describe, expect, it } from 'vitest';
import { applyCommand, type WorkflowCommand } from '../../src-main/domain/cases/workflow';
import { CaseSchema, summariseWith, type Case } from '../../src-main/domain/cases/case';
import { caseFacts, CaseFactsSchema, figuresCaseOf, isEmptyFacts } from '../../src-main/domain/cases/case-facts';
import { isCaseSummary } from '../../src-main/domain/cases/case-summary-check';
import type { Venue } from '../../src-main/domain/conferences/venue';
import { computeFigures } from '../../src-main/domain/figures/figures';
import { ctx, HARMED, readyCase, RESPONSIBLE, run, TODAY } from '../support/case-fixtures';

/**
 * The restorative process as commands on a case (domain/case-process): the whole second half
 * of a case by the rules, and the refusals that protect it. Dates: the fixtures' today is
 * Monday 16 March 2026; meetings are booked a week later and recorded once the clock has moved.
 */
const VENUES: Venue[] = [
  { id: 'v_centre1', name: 'Northshire Centre, Room 1', address: '1 High St', separateWaitingAreas: true, active: true },
  { id: 'v_closed1', name: 'Old Library', address: '2 Low St', active: false },
];
const at = (today: string) => ctx({ today, now: `${today}T12:00:00.000Z`, venues: VENUES });
const refusal = (c: Case, cmd: WorkflowCommand, context = at(TODAY)) => {
  const r = applyCommand(c, cmd, context);
  if (r.ok) throw new Error(`${cmd.type} was accepted`);
  return r.reason;
};

const conference = (over: Record<string, unknown> = {}): WorkflowCommand =>
  ({
    type: 'schedule-meeting',
    meeting: {
      id: 'm_conf000001',
      kind: 'conference',
      format: 'in-person',
      date: '2026-03-23',
      start: '10:00',
      durationMinutes: 120,
      venueId: 'v_centre1',
      leadFacilitatorId: 's_advan1',
      coFacilitatorId: 's_facil1',
      participantIds: [HARMED.id, RESPONSIBLE.id],
      supporterIds: [],
      ...over,
    },
  }) as WorkflowCommand;

const held: WorkflowCommand = {
  type: 'record-conference',
  record: {
    meetingId: 'm_conf000001',
    heldOn: '2026-03-23',
    attendedIds: [HARMED.id, RESPONSIBLE.id],
    attendedStaffIds: ['s_advan1', 's_facil1'],
    groundRules: ['Everyone will have the chance to speak without being interrupted.'],
    summary: 'Both spoke; an apology was given and accepted.',
    result: 'agreement-reached',
  },
};

const agreement = (signedOn?: string): WorkflowCommand => ({
  type: 'record-agreement',
  agreement: {
    meetingId: 'm_conf000001',
    actions: [
      { id: 'a_letter0001', kind: 'letter', description: 'Write a letter of apology', byParticipantId: RESPONSIBLE.id, dueOn: '2026-04-10', completionShownBy: 'The facilitator reads it', status: 'pending' },
      { id: 'a_repair0001', kind: 'reparation', description: 'Repaint the fence', byParticipantId: RESPONSIBLE.id, dueOn: '2026-05-01', completionShownBy: 'A photograph', status: 'pending' },
    ],
    signatoryIds: [HARMED.id, RESPONSIBLE.id],
    ...(signedOn ? { signedOn } : {}),
  },
});

function started(): Case {
  return run(readyCase(), [{ type: 'advance', processKind: 'direct', processForm: 'face-to-face' }], at(TODAY));
}

describe('the restorative process on a case', () => {
  it('runs from booking the conference to closure and feedback, moving the stage on as it goes', () => {
    let c = run(started(), [conference(), { type: 'set-meeting-status', meetingId: 'm_conf000001', to: 'confirmed' }], at(TODAY));
    expect(c.stage).toBe('process');
    expect(c.processForm).toBe('face-to-face');
    expect(c.schedule![0]!.status).toBe('confirmed');

    c = run(c, [held], at('2026-03-23'));
    expect(c.stage).toBe('outcome');
    expect(c.schedule![0]!.status).toBe('held');

    c = run(c, [agreement(), { type: 'sign-agreement', signedOn: '2026-03-23' }], at('2026-03-23'));
    expect(c.stage).toBe('monitoring');
    c = run(
      c,
      [
        { type: 'update-action', actionId: 'a_letter0001', status: 'done', evidenceNotes: 'Letter read and passed on.', resolvedOn: '2026-04-02' },
        { type: 'update-action', actionId: 'a_repair0001', status: 'not-done', evidenceNotes: 'Moved away; did not do it.', resolvedOn: '2026-05-04' },
        { type: 'add-review', review: { on: '2026-05-05', note: 'One of two actions done.' } },
      ],
      at('2026-05-05'),
    );
    expect(refusal(c, { type: 'close', closure: { outcome: 'agreement-completed', closedOn: '2026-05-05', summary: 'x' } }, at('2026-05-05'))).toMatch(/partly completed/);
    c = run(c, [{ type: 'close', closure: { outcome: 'agreement-partly-completed', closedOn: '2026-05-05', summary: 'Letter done; reparation not.' } }], at('2026-05-05'));
    expect(c.stage).toBe('closed');
    expect(refusal(c, conference({ id: 'm_late000001', date: '2026-05-20' }), at('2026-05-06'))).toMatch(/closed/);

    // Feedback is asked for after closure, and still accepted then.
    c = run(c, [{ type: 'record-feedback', feedback: { participantId: HARMED.id, givenOn: '2026-05-10', answers: { satisfiedWithOutcome: 4, feltSafe: 5 }, overall: 8, equalityConsent: false } }], at('2026-05-10'));
    expect(c.feedback).toHaveLength(1);
    expect(CaseSchema.safeParse(c).success).toBe(true);
    expect(c.timeline.slice(-9).map((e) => e.kind)).toEqual([
      'meeting.status',
      'conference.recorded',
      'agreement.drafted',
      'agreement.signed',
      'agreement.action',
      'agreement.action',
      'agreement.review',
      'case.closed',
      'feedback.recorded',
    ]);

    // Reopening clears the closure (the timeline keeps it) and goes back to monitoring.
    const reopened = run(c, [{ type: 'reopen', reason: 'The reparation was done after all.' }], at('2026-05-12'));
    expect(reopened.stage).toBe('monitoring');
    expect(reopened.closure).toBeUndefined();
  });

  it('keeps the case list facts in step: meetings, agreement, closure, feedback and deadlines', () => {
    const c = run(run(started(), [conference()], at(TODAY)), [{ type: 'set-meeting-status', meetingId: 'm_conf000001', to: 'confirmed' }, held], at('2026-03-23'));
    const facts = caseFacts(c, [{ rule: 'r', title: 't', participantId: HARMED.id, due: '2026-03-05', status: 'met', metOn: '2026-03-03' }]);
    expect(CaseFactsSchema.safeParse(facts).success).toBe(true);
    expect(isEmptyFacts(facts)).toBe(false);
    expect(facts.meetings).toEqual([expect.objectContaining({ id: 'm_conf000001', status: 'held', venueId: 'v_centre1' })]);
    expect(facts.firstContactOn).toBe('2026-03-03');
    const row = summariseWith(c, { facts });
    expect(isCaseSummary(row)).toBe(true);
    const f = computeFigures([figuresCaseOf(row, facts, '2026-03-24')], { from: '2026-03-01', to: '2026-03-31' }, () => 3);
    expect(f.conferencesHeld).toBe(1);
    expect(f.workingDays.referralToConference.cases).toBe(1);
    expect(f.deadlines).toEqual({ decided: 1, metOnTime: 1, metPercent: 100 });
  });
});

describe('refusals', () => {
  it('refuses a form that does not belong to the kind of process', () => {
    expect(refusal(readyCase(), { type: 'advance', processKind: 'indirect', processForm: 'video' })).toMatch(/letter-exchange/);
    const c = started();
    expect(refusal(c, { type: 'choose-process', process: { kind: 'indirect', form: 'letter-exchange' } })).toMatch(/direct process has started/);
    expect(run(c, [{ type: 'choose-process', process: { kind: 'direct', form: 'video' } }], at(TODAY)).processForm).toBe('video');
  });

  it('refuses double bookings in this case and in others, and frees the slot when postponed', () => {
    const c = run(started(), [conference()], at(TODAY));
    expect(refusal(c, conference({ id: 'm_prep000001', kind: 'preparation', start: '11:00', participantIds: [HARMED.id] }))).toMatch(/Αλέξανδρος Παπαδόπουλος \(facilitator\) is already booked/);
    // Back to back is fine.
    run(c, [conference({ id: 'm_prep000001', kind: 'preparation', start: '12:00', participantIds: [HARMED.id] })], at(TODAY));
    // A room booked by another case, seen through the case list's facts.
    const other = { ...conference().valueOf() } as { meeting: Record<string, unknown> };
    const elsewhere = { ...other.meeting, id: 'm_other00001', leadFacilitatorId: 's_coord1', coFacilitatorId: undefined, participantIds: ['p_someone1'], status: 'confirmed', start: '13:00', date: '2026-03-24' };
    const withOther = at(TODAY);
    withOther.otherMeetings = [elsewhere as never];
    expect(refusal(c, conference({ id: 'm_prep000002', kind: 'preparation', date: '2026-03-24', start: '13:30', leadFacilitatorId: 's_facil1', coFacilitatorId: undefined, participantIds: [HARMED.id] }), withOther)).toMatch(/Northshire Centre, Room 1 is already booked/);
    const postponed = run(c, [{ type: 'set-meeting-status', meetingId: 'm_conf000001', to: 'postponed', reason: 'Illness' }], at(TODAY));
    run(postponed, [conference({ id: 'm_prep000001', kind: 'preparation', start: '10:30', participantIds: [HARMED.id] })], at(TODAY));
  });

  it('refuses an inactive venue, someone not in the case, and an hour the clocks skip', () => {
    const c = started();
    expect(refusal(c, conference({ venueId: 'v_closed1' }))).toMatch(/no longer in use/);
    expect(refusal(c, conference({ participantIds: ['p_strange1'] }))).toMatch(/not in this case/);
    expect(refusal(c, conference({ date: '2026-03-29', start: '01:30' }))).toMatch(/01:30|clocks/);
  });

  it('will not confirm a conference until everyone invited has consented and been risk-assessed', () => {
    const c = started();
    const unsigned: Case = { ...c, participants: c.participants.map((p) => (p.id === RESPONSIBLE.id ? { ...p, risk: p.risk?.map(({ signOff: _s, ...a }) => a) } : p)) };
    const booked = run(unsigned, [conference()], at(TODAY));
    expect(refusal(booked, { type: 'set-meeting-status', meetingId: 'm_conf000001', to: 'confirmed' })).toMatch(/Łukasz Kowalski's risk assessment has not been signed off/);
    expect(refusal(booked, { type: 'record-conference', record: (held as { record: object }).record } as WorkflowCommand, at('2026-03-23'))).toMatch(/confirmed/);
  });

  it('keeps a signed agreement fixed and monitoring after signature', () => {
    const c = run(run(started(), [conference(), { type: 'set-meeting-status', meetingId: 'm_conf000001', to: 'confirmed' }], at(TODAY)), [held, agreement('2026-03-23')], at('2026-03-23'));
    expect(c.stage).toBe('monitoring');
    expect(refusal(c, agreement(), at('2026-03-24'))).toMatch(/has been signed/);
    expect(refusal(c, { type: 'update-action', actionId: 'a_letter0001', status: 'done', resolvedOn: '2026-03-24' }, at('2026-03-24'))).toMatch(/what showed/);
    expect(refusal(c, { type: 'update-action', actionId: 'a_nothere01', status: 'in-progress' }, at('2026-03-24'))).toMatch(/not in this agreement/);
  });

  it('refuses feedback from someone who declined to be contacted for it, and equality answers without consent', () => {
    const c = run(started(), [{ type: 'record-consent', participantId: RESPONSIBLE.id, elementId: 'feedback-contact', status: 'declined', on: TODAY, method: 'recorded-verbal' }], at(TODAY));
    const fb = (participantId: string, extra: object = {}): WorkflowCommand => ({ type: 'record-feedback', feedback: { participantId, givenOn: TODAY, answers: {}, equalityConsent: false, ...extra } });
    expect(refusal(c, fb(RESPONSIBLE.id))).toMatch(/did not agree to be contacted for feedback/);
    expect(refusal(c, fb(HARMED.id, { equality: { ageBand: '25–34' } }))).toMatch(/agreed to give them/);
  });

  it('maps an early-exit outcome to the exit the case list knows, at any stage', () => {
    const c = readyCase();
    const closed = run(c, [{ type: 'close', closure: { outcome: 'withdrawn', closedOn: TODAY, summary: 'Changed their mind.', withdrawnBy: RESPONSIBLE.id } }], at(TODAY));
    expect(closed.exit).toMatchObject({ kind: 'withdrawn', withdrawnBy: RESPONSIBLE.id, on: TODAY });
    expect(closed.closure?.outcome).toBe('withdrawn');
    const early = { ...c, stage: 'contact' as const };
    expect(refusal(early, { type: 'close', closure: { outcome: 'completed-without-agreement', closedOn: TODAY, summary: 'x' } })).toMatch(/has not started/);
  });

  it('rejects stored records that point at nothing', () => {
    const c = run(started(), [conference()], at(TODAY));
    const bad = { ...c, conferenceRecords: [{ ...(held as { record: object }).record, recordedBy: 's_advan1', meetingId: 'm_missing001' }] };
    expect(CaseSchema.safeParse(bad).success).toBe(false);
    const wrongCase = { ...c, schedule: c.schedule!.map((m) => ({ ...m, caseId: 'c_someoneelse1' })) };
    expect(CaseSchema.safeParse(wrongCase).success).toBe(false);
  });
});

describe('agreement checks', () => {
  const booked = () => run(run(started(), [conference(), { type: 'set-meeting-status', meetingId: 'm_conf000001', to: 'confirmed' }], at(TODAY)), [held], at('2026-03-23'));

  it('refuses signatories or doers who are not taking part, and a signature dated before the conference', () => {
    const c = booked();
    const g = (agreement() as { agreement: { signatoryIds: string[] } }).agreement;
    expect(refusal(c, { type: 'record-agreement', agreement: { ...g, signatoryIds: [...g.signatoryIds, 'p_stranger1'] } } as WorkflowCommand, at('2026-03-23'))).toMatch(/taking part/);
    expect(refusal(c, agreement('2026-03-20'), at('2026-03-23'))).toMatch(/before the conference/);
    const drafted = run(c, [agreement()], at('2026-03-23'));
    expect(refusal(drafted, { type: 'sign-agreement', signedOn: '2026-03-22' }, at('2026-03-23'))).toMatch(/before the conference/);
  });

  it('counts nothing overdue on a draft', async () => {
    const { agreementProgress } = await import('../../src-main/domain/outcomes/agreement');
    const c = run(booked(), [agreement()], at('2026-03-23'));
    expect(agreementProgress(c.agreement!, '2026-12-01').overdue).toBe(0);
    const signed = run(c, [{ type: 'sign-agreement', signedOn: '2026-03-23' }], at('2026-03-23'));
    expect(agreementProgress(signed.agreement!, '2026-12-01').overdue).toBe(2);
  });
});

describe('rescheduling and the process form', () => {
  it('puts a postponed meeting back in the diary with its new time in one change, checking clashes', () => {
    const c = run(started(), [conference(), { type: 'set-meeting-status', meetingId: 'm_conf000001', to: 'postponed', reason: 'Illness' }], at(TODAY));
    const m = (conference({ date: '2026-03-30' }) as { meeting: object }).meeting;
    expect(refusal(run(started(), [conference()], at(TODAY)), { type: 'update-meeting', meeting: m, reschedule: true } as WorkflowCommand)).toMatch(/Only a postponed meeting/);
    const again = run(c, [{ type: 'update-meeting', meeting: m, reschedule: true } as WorkflowCommand], at(TODAY));
    expect(again.schedule![0]).toMatchObject({ status: 'proposed', date: '2026-03-30' });
    expect(again.schedule![0]!.statusReason).toBeUndefined();
    expect(again.timeline.at(-1)!.text).toMatch(/rescheduled/);
  });

  it('never keeps a form that does not belong to the kind', () => {
    const chosen = run(readyCase(), [{ type: 'choose-process', process: { kind: 'indirect', form: 'letter-exchange' } }], at(TODAY));
    const direct = run(chosen, [{ type: 'advance', processKind: 'direct' }], at(TODAY));
    expect(direct.processKind).toBe('direct');
    expect(direct.processForm).toBeUndefined();
    const kept = run(chosen, [{ type: 'advance', processKind: 'indirect' }], at(TODAY));
    expect(kept.processForm).toBe('letter-exchange');
  });
});
