import type { Meeting } from '../../src-main/domain/conferences/meeting';
import type { Venue } from '../../src-main/domain/conferences/venue';

/** Small builders for process tests: valid by default, changed by overrides. */
export const CASE = 'c_case000001';
export const HARMED = 'p_harmed01';
export const RESPONSIBLE = 'p_respon01';
export const SUPPORTER = 'p_suppor01';
export const LEAD = 's_lead0001';
export const CO = 's_cofac001';
export const ROOM1 = 'v_room0001';
export const ROOM2 = 'v_room0002';

export const venues: Venue[] = [
  { id: ROOM1, name: 'Leamington Justice Centre, Room 1', address: '1 High Street, Leamington Spa', separateWaitingAreas: true, active: true },
  { id: ROOM2, name: 'Warwick Library meeting room', address: 'Barrack Street, Warwick', active: true },
];

let n = 0;
export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  n++;
  return {
    id: `m_meet${String(n).padStart(6, '0')}`,
    caseId: CASE,
    kind: 'conference',
    format: 'in-person',
    date: '2026-05-12',
    start: '10:00',
    durationMinutes: 120,
    venueId: ROOM1,
    leadFacilitatorId: LEAD,
    participantIds: [HARMED, RESPONSIBLE],
    supporterIds: [],
    status: 'proposed',
    ...overrides,
  };
}
