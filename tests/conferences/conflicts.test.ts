import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../src-main/domain/conferences/conflicts';
import { CO, HARMED, LEAD, meeting, RESPONSIBLE, ROOM1, ROOM2, SUPPORTER, venues } from '../support/process-fixtures';

const names: Record<string, string> = { [LEAD]: 'Amira Khan', [HARMED]: 'Siân Williams', [SUPPORTER]: 'Αλέξανδρος Παπαδόπουλος' };
const nameOf = (id: string) => names[id];

describe('findConflicts', () => {
  const booked = meeting({ id: 'm_booked01', date: '2026-05-12', start: '10:00', durationMinutes: 120, venueId: ROOM1 });

  it('reports nothing when nothing overlaps', () => {
    expect(findConflicts(meeting({ start: '12:00' }), [booked], venues)).toEqual([]);
    expect(findConflicts(meeting({ date: '2026-05-13' }), [booked], venues)).toEqual([]);
    expect(findConflicts(meeting(), [], venues)).toEqual([]);
  });

  it('treats times as half-open: ending at 12:00 does not clash with starting at 12:00', () => {
    expect(findConflicts(meeting({ start: '12:00' }), [booked], venues)).toEqual([]);
    expect(findConflicts(meeting({ start: '11:59' }), [booked], venues).length).toBeGreaterThan(0);
    expect(findConflicts(meeting({ start: '08:00', durationMinutes: 120 }), [booked], venues)).toEqual([]);
    expect(findConflicts(meeting({ start: '08:00', durationMinutes: 121 }), [booked], venues).length).toBeGreaterThan(0);
  });

  it('names each clash: who or what, and which meeting', () => {
    const c = meeting({ start: '11:00', coFacilitatorId: CO });
    const clashes = findConflicts(c, [booked], venues, { nameOf });
    expect(clashes.map((x) => [x.kind, x.id, x.meetingId])).toEqual([
      ['facilitator', LEAD, 'm_booked01'],
      ['participant', HARMED, 'm_booked01'],
      ['participant', RESPONSIBLE, 'm_booked01'],
      ['venue', ROOM1, 'm_booked01'],
    ]);
    expect(clashes[0]?.message).toBe('Amira Khan (facilitator) is already booked at that time: Conference on 12 May 2026, 10:00–12:00.');
    expect(clashes[2]?.message).toBe('A participant is already booked at that time: Conference on 12 May 2026, 10:00–12:00.');
    expect(clashes[3]?.message).toBe('Leamington Justice Centre, Room 1 is already booked at that time: Conference on 12 May 2026, 10:00–12:00.');
  });

  it('finds a co-facilitator, a supporter in either role, an interpreter and a venue', () => {
    const other = meeting({ id: 'm_other001', leadFacilitatorId: 's_other001', coFacilitatorId: LEAD, participantIds: [SUPPORTER], venueId: ROOM2, interpreter: { name: 'Şükrü Yılmaz', language: 'Turkish' } });
    const c = meeting({ participantIds: [HARMED], supporterIds: [SUPPORTER], interpreter: { name: 'ŞÜKRÜ  YILMAZ', language: 'Turkish' }, venueId: ROOM2 });
    const kinds = findConflicts(c, [other], venues, { nameOf }).map((x) => x.kind);
    expect(kinds).toEqual(['facilitator', 'supporter', 'interpreter', 'venue']);
    expect(findConflicts(c, [other], venues, { nameOf })[1]?.message).toMatch(/^Αλέξανδρος Παπαδόπουλος \(supporter\)/);
  });

  it('ignores postponed and cancelled meetings, and the candidate\'s own earlier version', () => {
    expect(findConflicts(meeting(), [{ ...booked, status: 'cancelled', statusReason: 'x' }], venues)).toEqual([]);
    expect(findConflicts(meeting(), [{ ...booked, status: 'postponed', statusReason: 'x' }], venues)).toEqual([]);
    expect(findConflicts({ ...booked, start: '11:00' }, [booked], venues)).toEqual([]);
    expect(findConflicts(meeting({ status: 'cancelled', statusReason: 'x' }), [booked], venues)).toEqual([]);
  });

  it('counts held and confirmed meetings: they took or will take the time', () => {
    expect(findConflicts(meeting(), [{ ...booked, status: 'held' }], venues).length).toBe(4);
    expect(findConflicts(meeting(), [{ ...booked, status: 'confirmed' }], venues).length).toBe(4);
  });

  it('compares real instants across the autumn clock change', () => {
    // 00:30 BST for 150 minutes ends at 02:00 GMT (01:00 UTC + 1h), not 03:00 as wall-clock sums suggest.
    const early = meeting({ id: 'm_early001', date: '2026-10-25', start: '00:30', durationMinutes: 150 });
    expect(findConflicts(meeting({ date: '2026-10-25', start: '02:00' }), [early], venues)).toEqual([]);
    expect(findConflicts(meeting({ date: '2026-10-25', start: '01:59' }), [early], venues).length).toBe(4);
    // 01:30 is taken as the first 01:30 (BST), which is inside the early meeting.
    expect(findConflicts(meeting({ date: '2026-10-25', start: '01:30', durationMinutes: 15 }), [early], venues).length).toBe(4);
  });

  it('compares real instants across the spring clock change', () => {
    // 00:30 GMT for 60 minutes ends at 01:30 UTC = 02:30 BST.
    const early = meeting({ id: 'm_early002', date: '2026-03-29', start: '00:30', durationMinutes: 60 });
    expect(findConflicts(meeting({ date: '2026-03-29', start: '02:30' }), [early], venues)).toEqual([]);
    expect(findConflicts(meeting({ date: '2026-03-29', start: '02:29' }), [early], venues).length).toBe(4);
  });

  it('finds a meeting that runs past midnight', () => {
    const late = meeting({ id: 'm_late0001', date: '2026-05-12', start: '23:00', durationMinutes: 120 });
    expect(findConflicts(meeting({ date: '2026-05-13', start: '00:30' }), [late], venues).length).toBe(4);
  });
});
