import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, type WorkflowCommand } from '../../src-main/domain/cases/workflow';
import { CaseSchema, type Case } from '../../src-main/domain/cases/case';
import { isActive, meetingInterval, peopleInvited, staffBooked, type Meeting } from '../../src-main/domain/conferences/meeting';
import type { Venue } from '../../src-main/domain/conferences/venue';
import { ctx, HARMED, readyCase, RESPONSIBLE, run } from '../support/case-fixtures';

/**
 * Model-based test of booking on a real case: random sequences of schedule, change,
 * reschedule and status commands (many of them clashing on purpose) are applied through the
 * workflow, with another case's bookings in the diary. Whatever is accepted, the case never
 * holds two active meetings that overlap and share a facilitator, a person or a room, and
 * never overlaps the other case's meetings on a facilitator or a room. Checked pair by pair
 * here, without the conflict code under test.
 */
const VENUES: Venue[] = [
  { id: 'v_venue0001', name: 'Room 1', address: 'Hub', active: true },
  { id: 'v_venue0002', name: 'Room 2', address: 'Hub', active: true },
];
const STAFF_IDS = ['s_advan1', 's_facil1', 's_coord1'];
const DATES = ['2026-03-23', '2026-03-29', '2026-03-30'];
const TODAY = '2026-03-16';

type Booked = Pick<Meeting, 'date' | 'start' | 'durationMinutes' | 'status' | 'venueId' | 'leadFacilitatorId' | 'coFacilitatorId' | 'participantIds' | 'supporterIds'>;

/** Another case's confirmed bookings: Room 1 with s_coord1 on the 23rd, 10:00–12:00. */
const OTHER: (Booked & { id: string; kind: 'conference'; format: 'in-person' })[] = [
  { id: 'm_other00001', kind: 'conference', format: 'in-person', date: '2026-03-23', start: '10:00', durationMinutes: 120, status: 'confirmed', venueId: 'v_venue0001', leadFacilitatorId: 's_coord1', participantIds: ['p_someone01'], supporterIds: [] },
];

const slot = fc.record({
  n: fc.integer({ min: 0, max: 5 }),
  date: fc.constantFrom(...DATES),
  start: fc.constantFrom('00:30', '01:30', '09:00', '09:30', '10:00', '11:00', '11:30', '14:00'),
  durationMinutes: fc.constantFrom(30, 60, 90, 120),
  venue: fc.constantFrom<string | undefined>('v_venue0001', 'v_venue0002', undefined),
  lead: fc.constantFrom(...STAFF_IDS),
  co: fc.constantFrom<string | undefined>(undefined, 's_facil1'),
  who: fc.constantFrom([HARMED.id], [RESPONSIBLE.id], [HARMED.id, RESPONSIBLE.id]),
});

const command: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: slot.map((s) => ({ op: 'schedule' as const, s })) },
  { weight: 2, arbitrary: slot.map((s) => ({ op: 'change' as const, s })) },
  { weight: 2, arbitrary: fc.record({ n: fc.integer({ min: 0, max: 5 }), to: fc.constantFrom('postponed', 'cancelled', 'proposed', 'confirmed') as fc.Arbitrary<'postponed'> }).map((x) => ({ op: 'status' as const, ...x })) },
);

interface Slot {
  n: number;
  date: string;
  start: string;
  durationMinutes: number;
  venue: string | undefined;
  lead: string;
  co: string | undefined;
  who: readonly string[];
}
type Step = { op: 'schedule'; s: Slot } | { op: 'change'; s: Slot } | { op: 'status'; n: number; to: 'postponed' | 'cancelled' | 'proposed' | 'confirmed' };

function meetingOf(s: Slot) {
  return {
    id: `m_prop0000${s.n}`,
    kind: 'preparation' as const,
    format: s.venue ? ('in-person' as const) : ('video' as const),
    date: s.date,
    start: s.start,
    durationMinutes: s.durationMinutes,
    ...(s.venue ? { venueId: s.venue } : {}),
    leadFacilitatorId: s.lead,
    ...(s.co && s.co !== s.lead ? { coFacilitatorId: s.co } : {}),
    participantIds: [...s.who],
    supporterIds: [],
  };
}

function toCommand(c: Case, x: Step): WorkflowCommand {
  if (x.op === 'schedule') return { type: 'schedule-meeting', meeting: meetingOf(x.s) };
  if (x.op === 'change') {
    const was = c.schedule?.find((m) => m.id === `m_prop0000${x.s.n}`);
    return { type: 'update-meeting', meeting: meetingOf(x.s), ...(was?.status === 'postponed' ? { reschedule: true } : {}) };
  }
  return { type: 'set-meeting-status', meetingId: `m_prop0000${x.n}`, to: x.to, ...(x.to === 'postponed' || x.to === 'cancelled' ? { reason: 'Illness' } : {}) };
}

function clash(a: Booked, b: Booked, people: boolean): boolean {
  if (!isActive(a) || !isActive(b)) return false;
  const x = meetingInterval(a);
  const y = meetingInterval(b);
  if (!x || !y || !(x.start < y.end && y.start < x.end)) return false;
  const shares = <T>(p: readonly T[], q: readonly T[]) => p.some((v) => q.includes(v));
  return shares(staffBooked(a), staffBooked(b)) || (a.venueId !== undefined && a.venueId === b.venueId) || (people && shares(peopleInvited(a), peopleInvited(b)));
}

describe('booking meetings on a case', () => {
  it('never leaves two active bookings of one facilitator, person or room at overlapping times', () => {
    const context = { ...ctx({ today: TODAY, now: `${TODAY}T12:00:00.000Z`, venues: VENUES }), otherMeetings: OTHER as never };
    const start = run(readyCase(), [{ type: 'advance', processKind: 'direct', processForm: 'face-to-face' }], context);
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), (commands) => {
        let c = start;
        for (const x of commands) {
          const r = applyCommand(c, toCommand(c, x), context);
          if (!r.ok) {
            refused++;
            expect(r.reason.length).toBeGreaterThan(0);
            continue;
          }
          accepted++;
          c = r.value;
          const mine = c.schedule ?? [];
          for (let i = 0; i < mine.length; i++) {
            for (let j = i + 1; j < mine.length; j++) expect(clash(mine[i]!, mine[j]!, true)).toBe(false);
            for (const o of OTHER) expect(clash(mine[i]!, o, false)).toBe(false);
          }
        }
        expect(CaseSchema.safeParse(c).success).toBe(true);
      }),
      { numRuns: 300 },
    );
    // The generator must exercise both sides.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
