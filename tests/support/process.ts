import type { MeetingInput } from '../../src-main/domain/cases/process-commands';
import type { ReferralInput } from '../../src-main/domain/referrals/referral';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import { apply, applyAll, CallFailed, caseworkWorld, people, referral, type World } from './casebook';
import { toConsentStage } from './journeys';
import { steps } from './steps';

export { apply, applyAll, caseworkWorld, people, referral, HARMED, RESPONSIBLE, type World } from './casebook';

/**
 * Cases taken to the restorative process through the registry, as the app does, and the
 * records of the process built the way its forms send them. Ids of new meetings and actions
 * are made here, as the forms make them.
 */
let counter = 0;
export const newId = (prefix: 'm' | 'a') => `${prefix}_t${String(++counter).padStart(6, '0')}${Math.random().toString(36).slice(2, 8).replace(/[^a-z0-9]/g, 'x')}`;

export interface Venues {
  centre: string;
  library: string;
}

/** Two rooms on the venue list. */
export async function addVenues(w: World): Promise<Venues> {
  await w.call('saveVenue', { name: 'Riverside Community Centre', address: '1 River Street, Northshire', separateWaitingAreas: true, stepFreeAccess: true, active: true });
  const list = await w.call('saveVenue', { name: 'Central Library, Room 2', address: 'Market Square, Northshire', active: true });
  const id = (name: string) => list.find((v) => v.name === name)!.id;
  return { centre: id('Riverside Community Centre'), library: id('Central Library, Room 2') };
}

export type Until = 'team' | 'consent' | 'process';

/**
 * A new referral taken as far as `until`: 'team' (screened, team assigned: nobody has consented
 * or been assessed), 'consent' (both parties contacted on 10 March 2026, assessed and
 * consenting, risk not yet signed off) or 'process' (risk signed off, a direct process under way).
 * The facilitator (Fatima Hussain) records the contacts, assessments and consent; the
 * administrator (Jo Whitfield) does the rest and is signed in at the end.
 */
export async function caseUntil(w: World, until: Until, o: { lead?: string; co?: string; referral?: Partial<ReferralInput> } = {}): Promise<CaseView> {
  const v0 = await w.call('createReferral', { referral: referral(o.referral), duplicatesSeen: true });
  const team = { lead: o.lead ?? w.staff.jo, co: o.co ?? w.staff.sian };
  if (until === 'team') return applyAll(w, v0, [{ type: 'advance' }, { type: 'assign-team', leadId: team.lead, coFacilitatorId: team.co }]);
  const v = await toConsentStage(w, v0, team);
  if (until === 'consent') return v;
  const s = steps(await w.call('getCaseworkReference', {}));
  const p = people(v);
  // Signed off by the administrator, Jo Whitfield (a coordinator on the staff list), who is signed in.
  return applyAll(w, v, [s.signOff(p.harmed), s.signOff(p.responsible), { type: 'advance', processKind: 'direct', processForm: 'face-to-face' }]);
}

export interface WithCase {
  w: World;
  venues: Venues;
  v: CaseView;
  /** A conference at Riverside Community Centre on 25 March 2026, 10:00–11:00, with both parties; not booked. */
  meeting: MeetingInput;
}

/** A new casebook with the two venues and one case taken as far as `until`. */
export async function withCase(until: Until): Promise<WithCase> {
  const w = await caseworkWorld();
  const venues = await addVenues(w);
  const v = await caseUntil(w, until);
  return { w, venues, v, meeting: meetingFor(v, { venueId: venues.centre }) };
}

/** The same, with the case's conference booked and confirmed. */
export async function withConference(): Promise<WithCase> {
  const x = await withCase('process');
  return { ...x, v: await book(x.w, x.v, x.meeting, true) };
}

/** A meeting with both parties of the case, a conference in person by default. */
export function meetingFor(v: CaseView, over: Partial<MeetingInput> = {}): MeetingInput {
  const p = people(v);
  return {
    id: newId('m'),
    kind: 'conference',
    format: 'in-person',
    date: '2026-03-25',
    start: '10:00',
    durationMinutes: 60,
    leadFacilitatorId: v.case.leadFacilitatorId!,
    participantIds: [p.harmed, p.responsible],
    supporterIds: [],
    ...over,
  };
}

export function book(w: World, v: CaseView, meeting: MeetingInput, confirm?: boolean): Promise<CaseView> {
  return apply(w, v, { type: 'schedule-meeting', meeting, ...(confirm === undefined ? {} : { confirm }) });
}

/** The refusal a command on the case as last seen answers with; fails the test if it is applied. */
export async function refusal(w: World, v: CaseView, command: unknown): Promise<{ code: string; message: string; problems: string[] }> {
  try {
    await w.call('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: command as never });
  } catch (e) {
    if (!(e instanceof CallFailed)) throw e;
    return { code: e.error.code, message: e.error.message, problems: (e.error.details?.issues ?? []).map((i) => i.message) };
  }
  throw new Error(`${(command as { type?: string }).type} was applied but was expected to be refused`);
}

/** The conference record form's answers for a meeting: everyone invited came. Who recorded it is whoever is signed in. */
export function conferenceRecord(_w: World, _v: CaseView, meeting: MeetingInput, over: Record<string, unknown> = {}) {
  return {
    meetingId: meeting.id,
    heldOn: meeting.date,
    attendedIds: [...meeting.participantIds],
    attendedStaffIds: [meeting.leadFacilitatorId],
    groundRules: ['Respect', 'No interruptions'],
    summary: 'Both spoke about the burglary and its effects; an apology was offered and accepted.',
    result: 'agreement-reached' as const,
    ...over,
  };
}

/** An agreement with one action per (kind, due date), by the person responsible, as a draft. Whoever is signed in countersigns. */
export function agreementFor(_w: World, v: CaseView, actions: { kind: 'apology' | 'reparation' | 'letter'; dueOn: string }[], o: { meetingId?: string; signedOn?: string } = {}) {
  const p = people(v);
  return {
    ...(o.meetingId ? { meetingId: o.meetingId } : {}),
    actions: actions.map((a) => ({
      id: newId('a'),
      kind: a.kind,
      description: `${a.kind} to the person harmed`,
      byParticipantId: p.responsible,
      dueOn: a.dueOn,
      completionShownBy: 'A copy kept on file',
      status: 'pending' as const,
    })),
    signatoryIds: [p.harmed, p.responsible],
    ...(o.signedOn ? { signedOn: o.signedOn } : {}),
  };
}
