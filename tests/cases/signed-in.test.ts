import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import type { AuditEntry } from '../../src-main/domain/casebook/audit';
import { currentAssessment } from '../../src-main/domain/risk/risk';
import { SIGNED_COMMANDS, type WorkflowCommand } from '../../src-main/domain/cases/workflow';
import type { MeetingInput } from '../../src-main/domain/cases/process-commands';
import { addVenues, agreementFor, apply, book, caseUntil, caseworkWorld, conferenceRecord, meetingFor, people, referral, refusal, type Venues, type World } from '../support/process';
import { toConsentStage } from '../support/journeys';
import { steps } from '../support/steps';

/**
 * Who signs is who is signed in, through the registry as the app calls it: for every command
 * whose record names who did it, the record names the signed-in person's staff record; the
 * old "by" fields are refused; only an administrator may record for someone else, and then
 * the record, the timeline and the audit trail say so. Role rules are judged on the person
 * who signs. (tests/cases/signed-commands.property.test.ts holds the same rules over the domain.)
 */
type Named = { by?: string | undefined; recordedOnBehalfBy?: string | undefined };
type Who = 'facilitator' | 'manager';

interface Row {
  type: (typeof SIGNED_COMMANDS)[number];
  /** A case ready for the command; `n` tells two such cases in one casebook apart. */
  ready(w: World, n: number): Promise<CaseView>;
  command(v: CaseView, w: World): WorkflowCommand;
  /** Where the signer used to be typed in: [the object inside the command, or none; the field]. */
  legacy: [string | undefined, string];
  named(v: CaseView): Named;
  /** Who records it without being an administrator: the facilitator, or the manager where only coordinators may (closing) or must (signing off). */
  caseworker: Who;
}

const harmed = (v: CaseView) => v.case.participants.find((p) => p.role === 'harmed')!;
const ref = (w: World) => w.call('getCaseworkReference', {});

const venuesOf = new WeakMap<World, Venues>();

/** A confirmed conference on 25 March 2026 (at 10:00, or 13:00 for the second case), and the clock on the day it is held. */
async function conference(w: World, n: number) {
  if (!venuesOf.has(w)) venuesOf.set(w, await addVenues(w));
  const venues = venuesOf.get(w)!;
  w.clock.set('2026-03-16T10:00:00Z');
  const v = await caseUntil(w, 'process');
  const meeting = meetingFor(v, { venueId: venues.centre, start: n === 0 ? '10:00' : '13:00' });
  const booked = await book(w, v, meeting, true);
  w.clock.set('2026-03-25T16:00:00Z');
  return { v: booked, meeting };
}
const held = async (w: World, n: number) => {
  const { v, meeting } = await conference(w, n);
  return apply(w, v, { type: 'record-conference', record: conferenceRecord(w, v, meeting) });
};
const drafted = async (w: World, n: number) => {
  const v = await held(w, n);
  return apply(w, v, { type: 'record-agreement', agreement: agreementFor(w, v, [{ kind: 'apology', dueOn: '2026-04-10' }], { meetingId: v.case.schedule![0]!.id }) });
};

const consenting = (w: World) => caseUntil(w, 'consent');
const ROWS: Row[] = [
  { type: 'record-consent', ready: consenting, command: (v) => ({ type: 'record-consent', participantId: harmed(v).id, elementId: 'voluntary', status: 'given', on: '2026-03-16', method: 'recorded-verbal' }), legacy: [undefined, 'takenBy'], named: (v) => { const e = harmed(v).consent!.at(-1)!; return { by: e.takenBy, recordedOnBehalfBy: e.recordedOnBehalfBy }; }, caseworker: 'facilitator' },
  { type: 'withdraw-consent', ready: consenting, command: (v) => ({ type: 'withdraw-consent', participantId: harmed(v).id, on: '2026-03-16' }), legacy: [undefined, 'takenBy'], named: (v) => { const e = harmed(v).consent!.at(-1)!; return { by: e.takenBy, recordedOnBehalfBy: e.recordedOnBehalfBy }; }, caseworker: 'facilitator' },
  { type: 'assess-risk', ready: consenting, command: (v) => assess(v), legacy: [undefined, 'assessedBy'], named: (v) => { const a = currentAssessment(harmed(v))!; return { by: a.assessedBy, recordedOnBehalfBy: a.recordedOnBehalfBy }; }, caseworker: 'facilitator' },
  { type: 'sign-off-risk', ready: consenting, command: (v) => ({ type: 'sign-off-risk', participantId: harmed(v).id }), legacy: [undefined, 'by'], named: (v) => { const s = currentAssessment(harmed(v))!.signOff!; return { by: s.by, recordedOnBehalfBy: s.recordedOnBehalfBy }; }, caseworker: 'manager' },
  { type: 'record-contact', ready: consenting, command: (v) => ({ type: 'record-contact', participantId: harmed(v).id, entry: { kind: 'attempt', on: '2026-03-16', method: 'phone', outcome: 'left-message' } }), legacy: ['entry', 'by'], named: (v) => { const e = harmed(v).contacts!.at(-1)!; return { by: e.by, recordedOnBehalfBy: e.recordedOnBehalfBy }; }, caseworker: 'facilitator' },
  {
    type: 'reopen',
    ready: async (w) => apply(w, await w.call('createReferral', { referral: referral(), duplicatesSeen: true }), { type: 'exit', kind: 'declined', reason: 'Said no by letter.' }),
    command: () => ({ type: 'reopen', reason: 'They wrote again.' }),
    legacy: [undefined, 'by'],
    named: (v) => { const r = v.case.reopenings!.at(-1)!; return { by: r.by, recordedOnBehalfBy: r.recordedOnBehalfBy }; },
    caseworker: 'facilitator',
  },
  {
    type: 'record-conference',
    ready: async (w, n) => (await conference(w, n)).v,
    command: (v, w) => ({ type: 'record-conference', record: conferenceRecord(w, v, v.case.schedule![0]! as MeetingInput) }),
    legacy: ['record', 'recordedBy'],
    named: (v) => { const r = v.case.conferenceRecords!.at(-1)!; return { by: r.recordedBy, recordedOnBehalfBy: r.recordedOnBehalfBy }; },
    caseworker: 'facilitator',
  },
  { type: 'record-agreement', ready: held, command: (v, w) => ({ type: 'record-agreement', agreement: agreementFor(w, v, [{ kind: 'apology', dueOn: '2026-04-10' }]) }), legacy: ['agreement', 'countersignedBy'], named: (v) => ({ by: v.case.agreement!.countersignedBy, recordedOnBehalfBy: v.case.agreement!.recordedOnBehalfBy }), caseworker: 'facilitator' },
  { type: 'sign-agreement', ready: drafted, command: () => ({ type: 'sign-agreement', signedOn: '2026-03-25' }), legacy: [undefined, 'countersignedBy'], named: (v) => ({ by: v.case.agreement!.countersignedBy, recordedOnBehalfBy: v.case.agreement!.recordedOnBehalfBy }), caseworker: 'facilitator' },
  {
    type: 'add-review',
    ready: async (w, n) => apply(w, await drafted(w, n), { type: 'sign-agreement', signedOn: '2026-03-25' }),
    command: () => ({ type: 'add-review', review: { on: '2026-03-25', note: 'Both content with the plan.' } }),
    legacy: ['review', 'by'],
    named: (v) => { const r = v.case.agreement!.reviews.at(-1)!; return { by: r.by, recordedOnBehalfBy: r.recordedOnBehalfBy }; },
    caseworker: 'facilitator',
  },
  { type: 'close', ready: consenting, command: () => ({ type: 'close', closure: { outcome: 'declined', closedOn: '2026-03-16', summary: 'Both said no after all.' } }), legacy: ['closure', 'closedBy'], named: (v) => ({ by: v.case.closure!.closedBy, recordedOnBehalfBy: v.case.closure!.recordedOnBehalfBy }), caseworker: 'manager' },
  { type: 'record-feedback', ready: consenting, command: (v) => ({ type: 'record-feedback', feedback: { participantId: harmed(v).id, givenOn: '2026-03-16', answers: { feltSafe: 5 }, equalityConsent: false } }), legacy: ['feedback', 'enteredBy'], named: (v) => { const f = v.case.feedback!.at(-1)!; return { by: f.enteredBy, recordedOnBehalfBy: f.recordedOnBehalfBy }; }, caseworker: 'facilitator' },
];

/** A re-assessment of the person harmed, every factor low. */
function assess(v: CaseView): WorkflowCommand {
  return { type: 'assess-risk', participantId: harmed(v).id, assessedOn: '2026-03-16', factors: harmed(v).risk![0]!.factors, decision: 'direct', reviewOn: '2026-06-16' };
}

const withField = (command: WorkflowCommand, [inner, field]: Row['legacy'], id: string): unknown => {
  const c = command as unknown as Record<string, Record<string, unknown>>;
  return inner ? { ...c, [inner]: { ...c[inner], [field]: id } } : { ...c, [field]: id };
};

/** The newest audit entry of this case (the administrator reads the trail). */
async function lastAudit(w: World, caseId: string): Promise<AuditEntry> {
  const { entries } = await w.service.listAudit({ offset: 0, limit: 50 });
  return entries.find((e) => e.entity.id === caseId)!;
}

describe('sign-off through every command that takes a "by"', () => {
  it('has a row for every signed command', () => {
    expect(ROWS.map((r) => r.type)).toEqual([...SIGNED_COMMANDS]);
  });

  it.each(ROWS.map((r) => [r.type, r] as const))('%s names the signed-in person; only an administrator records for someone else, and then both are named', async (type, row) => {
    const w = await caseworkWorld();
    const mine = await row.ready(w, 0);
    const theirs = await row.ready(w, 1);
    const me = row.caseworker === 'manager' ? w.staff.sukru : w.staff.fatima;
    await w.as(row.caseworker);

    // The old field, typed in with someone else's id, is refused; so is onBehalfOf from anyone but an administrator.
    const typed = await refusal(w, mine, withField(row.command(mine, w), row.legacy, w.staff.alex));
    expect(typed).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(new RegExp(`Unknown field.*\\b${row.legacy[1]}\\b`)) });
    const forged = await refusal(w, mine, { ...row.command(mine, w), onBehalfOf: w.staff.alex });
    expect(forged).toMatchObject({ code: 'FORBIDDEN', message: 'Only administrators may record something for someone else.' });
    expect((await w.call('getCaseView', { id: mine.case.id })).case.revision).toBe(mine.case.revision);

    // Sent plainly, it names whoever is signed in.
    const done = await apply(w, mine, row.command(mine, w));
    expect(row.named(done)).toEqual({ by: me, recordedOnBehalfBy: undefined });
    expect(done.case.timeline.at(-1)!.text).not.toMatch(/Recorded by/);

    // An administrator may record it for someone else: the record, the timeline and the trail name both.
    await w.as('admin');
    const forWhom = type === 'sign-off-risk' ? w.staff.sukru : w.staff.sian;
    const name = type === 'sign-off-risk' ? 'Şükrü Yılmaz' : 'Siân Prydderch';
    const recorded = await apply(w, theirs, { ...row.command(theirs, w), onBehalfOf: forWhom } as WorkflowCommand);
    expect(row.named(recorded)).toEqual({ by: forWhom, recordedOnBehalfBy: w.staff.jo });
    expect(recorded.case.timeline.at(-1)).toMatchObject({ by: 'Jo Whitfield', text: expect.stringContaining(`Recorded by Jo Whitfield for ${name}.`) });
    expect(await lastAudit(w, theirs.case.id)).toMatchObject({ action: `case.${type}`, userName: 'Jo Whitfield', fields: expect.arrayContaining(['on-behalf']) });
    expect((await lastAudit(w, mine.case.id)).fields).not.toContain('on-behalf');
  }, 120_000);
});

describe('role rules are judged on the person who signs', () => {
  it('a facilitator cannot put a manager\u2019s sign-off on a sensitive domestic-abuse case, whatever they send', async () => {
    const w = await caseworkWorld();
    let v = await w.call('createReferral', { referral: referral({ offenceCategory: 'domestic-abuse', sensitive: ['domestic-abuse'] }), duplicatesSeen: true });
    v = await toConsentStage(w, v, { lead: w.staff.alex, co: w.staff.fatima });
    const p = people(v);
    const signOff = (participantId: string, extra: object = {}) => ({ type: 'sign-off-risk', participantId, ...extra });

    await w.as('facilitator');
    expect(await refusal(w, v, signOff(p.harmed, { by: w.staff.sukru }))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Unknown field.*\bby\b/) });
    expect(await refusal(w, v, signOff(p.harmed, { onBehalfOf: w.staff.sukru }))).toMatchObject({ code: 'FORBIDDEN' });
    // Fatima assessed it too, and is not a manager.
    expect((await refusal(w, v, signOff(p.harmed))).message).toMatch(/must be signed off by a manager; Fatima Hussain is a facilitator/);

    // The administrator is a coordinator on the staff list: not the approver either.
    await w.as('admin');
    expect((await refusal(w, v, signOff(p.harmed))).message).toMatch(/must be signed off by a manager; Jo Whitfield is a rj coordinator/);
    expect((await w.call('getCaseView', { id: v.case.id })).case.revision).toBe(v.case.revision);
    // Recording the manager's paper sign-off is the administrator's explicit act, and names both.
    v = await apply(w, v, signOff(p.responsible, { onBehalfOf: w.staff.sukru }) as WorkflowCommand);
    expect(currentAssessment(v.case.participants.find((x) => x.id === p.responsible)!)!.signOff).toMatchObject({ by: w.staff.sukru, role: 'manager', recordedOnBehalfBy: w.staff.jo });

    // The manager, signed in, signs off.
    await w.as('manager');
    v = await apply(w, v, signOff(p.harmed) as WorkflowCommand);
    expect(currentAssessment(harmed(v))!.signOff).toEqual({ by: w.staff.sukru, role: 'manager', at: expect.any(String) });
    expect(v.processBlockers).toEqual([]);
  }, 120_000);

  it('refuses a sign-off of your own assessment on a sensitive case (kept in the trail), and elsewhere keeps it with a warning on the timeline and in the trail', async () => {
    const w = await caseworkWorld();
    const s = steps(await ref(w));
    let sensitive = await w.call('createReferral', { referral: referral({ offenceCategory: 'harassment', sensitive: ['stalking-harassment'] }), duplicatesSeen: true });
    sensitive = await toConsentStage(w, sensitive, { lead: w.staff.alex, co: w.staff.fatima });
    await w.as('manager');
    sensitive = await apply(w, sensitive, s.assess(people(sensitive).harmed, 'harmed'));
    const own = await refusal(w, sensitive, s.signOff(people(sensitive).harmed));
    expect(own.message).toMatch(/^The person who signs off must not be the person who assessed the risk\. This is a sensitive case, and you assessed it/);

    await w.as('admin');
    // The refusal changed nothing but is kept in the trail, by field name.
    expect(await lastAudit(w, sensitive.case.id)).toMatchObject({ action: 'case.sign-off-risk.refused', fields: ['self-sign-off'] });
    const before = (await w.service.listAudit({ offset: 0, limit: 1 })).total;
    let ordinary = await caseUntil(w, 'consent');
    ordinary = await apply(w, ordinary, s.assess(people(ordinary).harmed, 'harmed'));
    // Main asks for the assessor's confirmation itself: a renderer that skips the warning is refused.
    const unconfirmed = await refusal(w, ordinary, { type: 'sign-off-risk', participantId: people(ordinary).harmed });
    expect(unconfirmed.message).toMatch(/^You assessed this risk: confirm that the record will say it was signed off by the person who assessed it/);
    ordinary = await apply(w, ordinary, { type: 'sign-off-risk', participantId: people(ordinary).harmed, confirmSelfSignOff: true });
    expect(currentAssessment(harmed(ordinary))!.signOff).toMatchObject({ by: w.staff.jo, sameAsAssessor: true });
    expect(ordinary.case.timeline.at(-1)!.text).toMatch(/signed off by Jo Whitfield\. Warning: signed off by the same person who assessed it\./);
    expect(await lastAudit(w, ordinary.case.id)).toMatchObject({ action: 'case.sign-off-risk', fields: ['participants.risk', 'self-sign-off'] });
    // Nothing else was written for the sensitive case after its refusal.
    const { entries, total } = await w.service.listAudit({ offset: 0, limit: 500 });
    expect(entries.slice(0, total - before).some((e) => e.entity.id === sensitive.case.id)).toBe(false);
  }, 120_000);

  it('judges the Advanced lead on the lead named, not on who is signed in, and only coordinators choose', async () => {
    const w = await caseworkWorld();
    let v = await w.call('createReferral', { referral: referral({ offenceCategory: 'hate-crime', sensitive: ['hate-crime'] }), duplicatesSeen: true });
    v = await apply(w, v, { type: 'advance' });
    // Jo is an Advanced coordinator; Siân, whom she names, is Intermediate.
    expect((await refusal(w, v, { type: 'assign-team', leadId: w.staff.sian, coFacilitatorId: w.staff.lan })).message).toMatch(/led by an Advanced practitioner; Siân Prydderch is not/);
    await w.as('facilitator');
    expect((await refusal(w, v, { type: 'assign-team', leadId: w.staff.alex, coFacilitatorId: w.staff.fatima })).code).toBe('FORBIDDEN');
    // The manager is no practitioner at all, yet may choose an Advanced lead.
    await w.as('manager');
    v = await apply(w, v, { type: 'assign-team', leadId: w.staff.alex, coFacilitatorId: w.staff.fatima });
    expect(v.case).toMatchObject({ leadFacilitatorId: w.staff.alex, coFacilitatorId: w.staff.fatima });
  }, 120_000);
});
