import { displayName, type Case } from '../cases/case';
import { formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { canConfirmConference } from './confirmation';
import { findConflicts } from './conflicts';
import { nextFreeMessage, nextFreeSlot } from './next-free-slot';
import { describeMeeting, MEETING_STATUS_LABELS, MeetingSchema, type Meeting } from './meeting';
import { changeMeetingStatus } from './meeting-status';
import { findVenue } from './venue';
import { findStaff } from '../staff/staff';
import { isSensitive } from '../cases/workflow-gates';
import type { MeetingInput, ProcessCommand } from '../cases/process-commands';
import type { CaseChange, ProcessContext } from '../cases/process-context';
import { readinessOf } from './readiness';

type Cmd<T extends ProcessCommand['type']> = Extract<ProcessCommand, { type: T }>;

const issues = (r: { error: { issues: { message: string }[] } }) => [...new Set(r.error.issues.map((i) => i.message))];

/** Everything about a meeting that needs the case, the staff list and the venues. */
function bookingProblems(c: Case, m: Meeting, ctx: ProcessContext): string[] {
  const out: string[] = [];
  const inCase = new Set(c.participants.map((p) => p.id));
  if ([...m.participantIds, ...m.supporterIds].some((id) => !inCase.has(id))) out.push('Someone chosen for the meeting is not in this case.');
  for (const id of [m.leadFacilitatorId, ...(m.coFacilitatorId ? [m.coFacilitatorId] : [])]) {
    const s = findStaff(ctx.staff, id);
    if (!s) out.push('A facilitator chosen for the meeting is not on the staff list.');
    else if (!s.active) out.push(`${s.name} is no longer active: choose someone else.`);
  }
  if (m.venueId !== undefined) {
    const v = findVenue(ctx.venues ?? [], m.venueId);
    if (!v) out.push('The venue is not on the venue list: add it in Settings first.');
    else if (!v.active) out.push(`${v.name} is no longer in use: choose another venue.`);
  }
  if (m.date < c.referral.receivedOn) out.push(`The meeting is before the referral was received (${formatDate(c.referral.receivedOn)}).`);
  return out;
}

/** Double bookings against this case's other meetings and every other case's, named where we can. */
function clashes(c: Case, m: Meeting, ctx: ProcessContext): string[] {
  const names = new Map<string, string>();
  for (const p of c.participants) names.set(p.id, displayName(p.person));
  for (const s of ctx.staff) names.set(s.id, s.name);
  const nameOf = (id: string) => names.get(id);
  const others = ctx.otherMeetings ?? [];
  // Another case is named by its reference only, so the coordinator knows where to look (looked up only for a clash).
  const caseOf = (id: string) => others.find((o) => o.id === id)?.caseReference;
  const found = [...findConflicts(m, c.schedule ?? [], ctx.venues ?? [], { nameOf }), ...findConflicts(m, others, ctx.venues ?? [], { nameOf, caseOf })];
  const out = [...new Set(found.map((x) => x.message))];
  // A refusal that offers the way out: the next time the same people and room are all free.
  const free = found.length > 0 && ctx.holidays ? nextFreeSlot(m, [...(c.schedule ?? []), ...others], ctx.venues ?? [], { holidays: ctx.holidays }) : undefined;
  if (free) out.push(nextFreeMessage(free));
  return out;
}

function checked(c: Case, candidate: unknown, ctx: ProcessContext): Decision<Meeting> {
  const parsed = MeetingSchema.safeParse(candidate);
  if (!parsed.success) return refuse(...issues(parsed));
  const problems = [...bookingProblems(c, parsed.data, ctx), ...clashes(c, parsed.data, ctx)];
  return problems.length > 0 ? refuse(...problems) : allow(parsed.data);
}

function confirmIfAsked(c: Case, m: Meeting, confirm: boolean | undefined, ctx: ProcessContext): Decision<Meeting> {
  if (!confirm) return allow(m);
  return canConfirmConference(m, readinessOf(c, ctx), { coFacilitatorRequired: isSensitive(c) });
}

const withMeeting = (c: Case, m: Meeting): Case => {
  const list = c.schedule ?? [];
  return { ...c, schedule: list.some((x) => x.id === m.id) ? list.map((x) => (x.id === m.id ? m : x)) : [...list, m] };
};

export function scheduleMeeting(c: Case, cmd: Cmd<'schedule-meeting'>, ctx: ProcessContext): Decision<CaseChange> {
  if ((c.schedule ?? []).some((x) => x.id === cmd.meeting.id)) return refuse('A meeting with that id is already booked in this case.');
  const d = checked(c, { ...cmd.meeting, caseId: c.id, status: 'proposed' }, ctx);
  if (!d.ok) return d;
  const m = confirmIfAsked(c, d.value, cmd.confirm, ctx);
  if (!m.ok) return m;
  return allow({ next: withMeeting(c, m.value), kind: 'meeting.scheduled', text: `${describeMeeting(m.value)} booked (${MEETING_STATUS_LABELS[m.value.status].toLowerCase()}).` });
}

/**
 * Change a booked meeting's details. Held and cancelled meetings are the record of what
 * happened and stay as they are. A confirmed conference moved or re-invited (or a confirmed
 * meeting made a conference) is checked again, because consent or risk may have changed since.
 */
export function updateMeeting(c: Case, input: MeetingInput, ctx: ProcessContext, reschedule = false): Decision<CaseChange> {
  const before = (c.schedule ?? []).find((x) => x.id === input.id);
  if (!before) return refuse('That meeting is not booked in this case.');
  if (before.status === 'held' || before.status === 'cancelled') return refuse(`A ${before.status} meeting cannot be changed: book a new one.`);
  if (reschedule && before.status !== 'postponed') return refuse('Only a postponed meeting is rescheduled; change the details of this one instead.');
  const keep = reschedule ? { status: 'proposed' as const } : { status: before.status, ...(before.statusReason ? { statusReason: before.statusReason } : {}) };
  const d = checked(c, { ...input, caseId: c.id, ...keep }, ctx);
  if (!d.ok) return d;
  // Checked by what the meeting is now: a confirmed preparation meeting turned into a conference needs consent and risk too.
  const m = confirmIfAsked(c, d.value, before.status === 'confirmed', ctx);
  if (!m.ok) return m;
  const moved = before.date !== m.value.date || before.start !== m.value.start ? ` Was ${formatDate(before.date)} at ${before.start}.` : '';
  return allow({ next: withMeeting(c, m.value), kind: 'meeting.changed', text: `${describeMeeting(m.value)}: ${reschedule ? 'rescheduled (proposed)' : 'details changed'}.${moved}` });
}

export function setMeetingStatus(c: Case, cmd: Cmd<'set-meeting-status'>, ctx: ProcessContext): Decision<CaseChange> {
  const before = (c.schedule ?? []).find((x) => x.id === cmd.meetingId);
  if (!before) return refuse('That meeting is not booked in this case.');
  if (cmd.to === 'held' && before.kind === 'conference') return refuse('Record what happened at the conference on its record form; saving the record marks it held.');
  const d = changeMeetingStatus(before, { to: cmd.to, ...(cmd.reason ? { reason: cmd.reason } : {}) }, {
    today: ctx.today,
    readiness: readinessOf(c, ctx),
    confirmation: { coFacilitatorRequired: isSensitive(c) },
  });
  if (!d.ok) return d;
  // Back in the diary (proposed or confirmed again after postponement): it must not clash now.
  if (before.status === 'postponed') {
    const again = clashes(c, d.value, ctx);
    if (again.length > 0) return refuse(...again);
  }
  return allow({
    next: withMeeting(c, d.value),
    kind: 'meeting.status',
    text: `${describeMeeting(d.value)} marked ${MEETING_STATUS_LABELS[d.value.status].toLowerCase()}.${cmd.reason ? ` Reason: ${cmd.reason}` : ''}`,
  });
}

/**
 * A case that ends early (withdrawn, not suitable, no contact, declined) will hold none of the
 * meetings still in its diary: they are cancelled in the same change, with the reason, so
 * nobody turns up and their people and rooms are free for other cases. Held meetings stay.
 */
export function cancelOpenMeetings(c: Case, reason: string): Case {
  if (!(c.schedule ?? []).some((m) => m.status === 'proposed' || m.status === 'confirmed' || m.status === 'postponed')) return c;
  return {
    ...c,
    schedule: (c.schedule ?? []).map((m) => (m.status === 'proposed' || m.status === 'confirmed' || m.status === 'postponed' ? { ...m, status: 'cancelled' as const, statusReason: reason.slice(0, 2_000) } : m)),
  };
}
