import { describe, expect, it } from 'vitest';
import { nextFreeMessage, nextFreeSlot, readNextFreeMessage } from '../../src-main/domain/conferences/next-free-slot';
import { findConflicts } from '../../src-main/domain/conferences/conflicts';
import { LEAD, meeting, ROOM1, ROOM2, venues } from '../support/process-fixtures';
import { holidays } from '../support/case-fixtures';

describe('the next free slot for the same people and room', () => {
  it('is the first time after the clash on the same day, in steps', () => {
    const booked = meeting({ id: 'm_booked01', date: '2026-05-12', start: '10:00', durationMinutes: 120, venueId: ROOM1 });
    const wanted = meeting({ date: '2026-05-12', start: '10:30', durationMinutes: 60, venueId: ROOM1 });
    expect(nextFreeSlot(wanted, [booked], venues, { holidays })).toEqual({ date: '2026-05-12', start: '12:00' });
    // Only the same people and room count: someone else's all-day meeting in another room is no obstacle.
    const elsewhere = meeting({ id: 'm_else0001', date: '2026-05-12', start: '10:00', durationMinutes: 480, leadFacilitatorId: 's_other001', participantIds: ['p_other0001'], venueId: ROOM2 });
    expect(nextFreeSlot(wanted, [elsewhere], venues, { holidays })).toEqual({ date: '2026-05-12', start: '10:45' });
  });

  it('skips the weekend and the Easter bank holidays', () => {
    // Thursday 2 April 2026 is full for the lead; Good Friday, the weekend and Easter Monday follow.
    const fullDay = meeting({ id: 'm_fullday1', date: '2026-04-02', start: '09:00', durationMinutes: 480, leadFacilitatorId: LEAD });
    const wanted = meeting({ date: '2026-04-02', start: '11:00', durationMinutes: 90 });
    expect(nextFreeSlot(wanted, [fullDay], venues, { holidays })).toEqual({ date: '2026-04-07', start: '09:00' });
  });

  it('compares real instants across the clocks going back (Sunday 25 October 2026)', () => {
    // Friday's afternoon is too short for two hours; Monday is in GMT, and its 09:00 is booked.
    const monday = meeting({ id: 'm_monday01', date: '2026-10-26', start: '09:00', durationMinutes: 120, venueId: ROOM1 });
    const wanted = meeting({ date: '2026-10-23', start: '16:00', durationMinutes: 120, venueId: ROOM1 });
    const slot = nextFreeSlot(wanted, [monday], venues, { holidays });
    expect(slot).toEqual({ date: '2026-10-26', start: '11:00' });
    expect(findConflicts({ ...wanted, ...slot! }, [monday], venues)).toEqual([]);
    // 10:00 GMT on Monday overlaps the 09:00–11:00 booking; 10:00 BST on Friday would be 09:00 GMT.
    expect(findConflicts({ ...wanted, date: '2026-10-26', start: '10:00' }, [monday], venues).length).toBeGreaterThan(0);
  });

  it('gives up (undefined) when nothing is free in the days searched, or past the bank holiday data', () => {
    const wanted = meeting({ date: '2026-05-12', start: '10:00', durationMinutes: 60 });
    const blocked = Array.from({ length: 5 }, (_, i) => meeting({ id: `m_block00${i}`, date: `2026-05-1${2 + i}`, start: '09:00', durationMinutes: 480 }));
    expect(nextFreeSlot(wanted, blocked, venues, { holidays, maxDays: 4 })).toBeUndefined();
    expect(nextFreeSlot(meeting({ date: '2099-05-12', start: '10:00' }), [], venues, { holidays })).toBeUndefined();
  });
});

describe('the slot offered in words', () => {
  it('reads back what it writes, so the form can offer "Use this time"', () => {
    for (const slot of [{ date: '2026-03-25', start: '11:00' }, { date: '2026-10-05', start: '09:15' }]) expect(readNextFreeMessage(nextFreeMessage(slot))).toEqual(slot);
    expect(nextFreeMessage({ date: '2026-03-25', start: '11:00' })).toBe('The next time these people and the venue are all free is 25 March 2026 at 11:00.');
    expect(readNextFreeMessage('Jo Whitfield (facilitator) is already booked at that time.')).toBeUndefined();
  });
});
