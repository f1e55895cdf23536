import { formatDate } from '../time/dates';
import { refuse, type Decision } from '../shared/decision';
import { canConfirmConference, type ConfirmationOptions, type Readiness } from './confirmation';
import { MEETING_STATUS_LABELS, MeetingSchema, type Meeting, type MeetingStatus } from './meeting';

/**
 * How a meeting's status may change. Held and cancelled are final (a cancelled meeting is
 * replaced by a new one, so the record shows what happened). A postponed meeting is
 * rescheduled by giving it a new date and setting it back to proposed. A conference must be
 * confirmed, through the consent and risk check, before it can be held.
 */
export const STATUS_MOVES: Record<MeetingStatus, readonly MeetingStatus[]> = {
  proposed: ['confirmed', 'held', 'postponed', 'cancelled'],
  confirmed: ['proposed', 'held', 'postponed', 'cancelled'],
  postponed: ['proposed', 'confirmed', 'cancelled'],
  held: [],
  cancelled: [],
};

export interface StatusChange {
  to: MeetingStatus;
  /** Required when postponing or cancelling. */
  reason?: string;
}

export interface StatusContext {
  today: string;
  /** Needed to confirm a conference. */
  readiness?: Readiness;
  confirmation?: ConfirmationOptions;
}

export function changeMeetingStatus(meeting: Meeting, change: StatusChange, ctx: StatusContext): Decision<Meeting> {
  const from = meeting.status;
  if (!STATUS_MOVES[from].includes(change.to)) {
    return refuse(`A ${MEETING_STATUS_LABELS[from].toLowerCase()} meeting cannot be marked ${MEETING_STATUS_LABELS[change.to].toLowerCase()}.`);
  }
  if (change.to === 'held') {
    if (meeting.date > ctx.today) return refuse(`The meeting is on ${formatDate(meeting.date)}, which is still to come: it cannot be marked held yet.`);
    if (meeting.kind === 'conference' && from !== 'confirmed') return refuse('Confirm the conference before recording it as held.');
  }
  if (change.to === 'confirmed') {
    const ok = canConfirmConference(meeting, ctx.readiness ?? {}, ctx.confirmation);
    if (!ok.ok) return ok;
  }
  const { statusReason: _old, ...rest } = meeting;
  const next = MeetingSchema.safeParse({ ...rest, status: change.to, ...(change.reason ? { statusReason: change.reason } : {}) });
  if (!next.success) return refuse(...next.error.issues.map((i) => i.message));
  return { ok: true, value: next.data };
}
