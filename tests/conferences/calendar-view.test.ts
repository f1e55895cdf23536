import { describe, expect, it } from 'vitest';
import { monthView, weekStart, weekView } from '../../src-main/domain/conferences/calendar-view';
import { CO, LEAD, meeting } from '../support/process-fixtures';

describe('weekView', () => {
  it('starts on Monday and runs seven days', () => {
    expect(weekStart('2026-03-29')).toBe('2026-03-23'); // a Sunday belongs to the week before
    expect(weekStart('2026-03-30')).toBe('2026-03-30');
    const w = weekView([], '2026-03-26');
    expect(w.start).toBe('2026-03-23');
    expect(w.end).toBe('2026-03-29');
    expect(w.days.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('places meetings on their day in start order, with local end times across the clock change', () => {
    const a = meeting({ id: 'm_week0001', date: '2026-03-29', start: '09:00' });
    const b = meeting({ id: 'm_week0002', date: '2026-03-29', start: '00:30', durationMinutes: 120, kind: 'preparation' });
    const c = meeting({ id: 'm_week0003', date: '2026-03-30' });
    const w = weekView([a, b, c], '2026-03-29', {}, '2026-03-29');
    const sunday = w.days[6];
    expect(sunday?.isToday).toBe(true);
    expect(sunday?.entries.map((e) => [e.meeting.id, e.start, e.end])).toEqual([
      ['m_week0002', '00:30', '03:30'],
      ['m_week0001', '09:00', '11:00'],
    ]);
    expect(w.days.flatMap((d) => d.entries).map((e) => e.meeting.id)).not.toContain('m_week0003');
  });

  it('marks a meeting that ends the next day', () => {
    const late = meeting({ date: '2026-05-12', start: '23:00', durationMinutes: 90 });
    expect(weekView([late], '2026-05-12').days[1]?.entries[0]).toMatchObject({ end: '00:30', endsOn: '2026-05-13' });
  });

  it('filters by facilitator, lead or co-facilitator, and can hide cancelled meetings', () => {
    const mine = meeting({ date: '2026-05-12' });
    const asCo = meeting({ date: '2026-05-13', leadFacilitatorId: 's_other001', coFacilitatorId: LEAD });
    const other = meeting({ date: '2026-05-14', leadFacilitatorId: 's_other001', coFacilitatorId: CO });
    const off = meeting({ date: '2026-05-15', status: 'cancelled', statusReason: 'x' });
    const ids = (f: Parameters<typeof weekView>[2]) => weekView([mine, asCo, other, off], '2026-05-12', f).days.flatMap((d) => d.entries.map((e) => e.meeting.id));
    expect(ids({ facilitatorId: LEAD })).toEqual([mine.id, asCo.id, off.id]);
    expect(ids({ facilitatorId: LEAD, hideInactive: true })).toEqual([mine.id, asCo.id]);
    expect(ids({})).toHaveLength(4);
    expect(ids({ facilitatorId: 's_nobody01' })).toEqual([]);
  });

  it('refuses a date that is not real', () => {
    expect(() => weekView([], '2026-02-30')).toThrow(/real date/);
  });
});

describe('monthView', () => {
  it('fills whole Monday-to-Sunday weeks', () => {
    const feb2027 = monthView([], 2027, 2); // 1 February 2027 is a Monday, 28 days: exactly four rows
    expect(feb2027.weeks).toHaveLength(4);
    expect(feb2027.weeks[0]?.[0]?.date).toBe('2027-02-01');
    expect(feb2027.weeks.flat().every((d) => d.inPeriod)).toBe(true);

    const mar2026 = monthView([], 2026, 3); // 1 March 2026 is a Sunday: six rows
    expect(mar2026.weeks).toHaveLength(6);
    expect(mar2026.weeks[0]?.[0]).toMatchObject({ date: '2026-02-23', inPeriod: false });
    expect(mar2026.weeks[0]?.[6]).toMatchObject({ date: '2026-03-01', inPeriod: true });
    expect(mar2026.weeks[5]?.[6]).toMatchObject({ date: '2026-04-05', inPeriod: false });
  });

  it('includes the leap day', () => {
    const feb2028 = monthView([meeting({ id: 'm_leap0001', date: '2028-02-29' })], 2028, 2);
    const days = feb2028.weeks.flat().filter((d) => d.inPeriod);
    expect(days).toHaveLength(29);
    expect(days[28]).toMatchObject({ date: '2028-02-29', weekday: 1 });
    expect(days[28]?.entries.map((e) => e.meeting.id)).toEqual(['m_leap0001']);
  });

  it('shows meetings on the padding days too, and bank holidays like any day', () => {
    const m = monthView([meeting({ id: 'm_xmas0001', date: '2026-12-25' }), meeting({ id: 'm_pad00001', date: '2027-01-02' })], 2026, 12);
    const all = m.weeks.flat();
    expect(all.find((d) => d.date === '2026-12-25')?.entries).toHaveLength(1);
    expect(all.find((d) => d.date === '2027-01-02')).toMatchObject({ inPeriod: false, entries: [{ meeting: { id: 'm_pad00001' } }] });
  });

  it('refuses a month that does not exist', () => {
    expect(() => monthView([], 2026, 13)).toThrow(/month from 1 to 12/);
    expect(() => monthView([], 2026.5, 1)).toThrow();
  });
});
