import { describe, expect, it } from 'vitest';
import { addVenues, book, caseworkWorld, meetingFor, refusal, withCase } from '../support/process';

describe('venues through the service', () => {
  it('adds and changes venues, refuses a second venue of the same name, and records field names only', async () => {
    const w = await caseworkWorld();
    const added = await w.call('saveVenue', { name: 'Riverside Community Centre', address: '1 River Street', separateWaitingAreas: true, active: true });
    expect(added).toEqual([{ id: expect.stringMatching(/^v_[a-z0-9]+$/), name: 'Riverside Community Centre', address: '1 River Street', separateWaitingAreas: true, active: true }]);
    const venue = added[0]!;

    const changed = await w.call('saveVenue', { ...venue, address: '3 River Street', accessibilityNotes: 'Ramp at the side entrance' });
    expect(changed).toEqual([{ ...venue, address: '3 River Street', accessibilityNotes: 'Ramp at the side entrance' }]);
    const before = (await w.service.listAudit({ offset: 0, limit: 1 })).total;
    // Saving it unchanged writes nothing.
    await w.call('saveVenue', changed[0]!);
    const { entries, total } = await w.service.listAudit({ offset: 0, limit: 2 });
    expect(total).toBe(before);
    expect(entries.map((e) => [e.action, e.entity, e.fields])).toEqual([
      ['venue.update', { type: 'venue', id: venue.id }, ['address', 'accessibilityNotes']],
      ['venue.add', { type: 'venue', id: venue.id }, ['name', 'address', 'separateWaitingAreas', 'active']],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/River|Ramp/);

    // The same name however it is typed: refused; renaming the one there is fine.
    for (const name of ['riverside community centre', '  RIVERSIDE Community Centre ']) {
      const dup = await w.fails('saveVenue', { name, address: 'Elsewhere', active: true });
      expect(dup).toMatchObject({ code: 'CONFLICT', details: { issues: [{ path: 'name', message: 'There is already a venue with that name' }] } });
    }
    const other = (await w.call('saveVenue', { name: 'Central Library', address: 'Market Square', active: true })).find((v) => v.name === 'Central Library')!;
    const clash = await w.fails('saveVenue', { ...other, name: 'Riverside Community Centre' });
    expect(clash.code).toBe('CONFLICT');
    expect((await w.call('saveVenue', { ...other, name: 'Central Library, Room 2' })).map((v) => v.name)).toEqual(['Riverside Community Centre', 'Central Library, Room 2']);
    expect(await w.fails('saveVenue', { id: 'v_nosuchvenue1', name: 'Town Hall', address: '', active: true })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only administrators and coordinators change venues', async () => {
    const w = await caseworkWorld();
    await addVenues(w);
    const input = { name: 'Town Hall', address: 'High Street', active: true };
    await w.as('facilitator');
    expect(await w.fails('saveVenue', input)).toMatchObject({ code: 'FORBIDDEN' });
    // The service checks too, for callers that do not come through the registry (the CLI).
    await expect(w.service.conferences.saveVenue(input)).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Only administrators and coordinators may add or change venues.' });
    // A facilitator still sees the calendar.
    expect(await w.call('getCalendar', { from: '2026-03-01', to: '2026-03-31' })).toEqual([]);
    await w.as('quality-lead');
    expect(await w.fails('saveVenue', input)).toMatchObject({ code: 'FORBIDDEN' });
    await w.as('admin');
    expect((await w.call('saveVenue', input)).map((v) => v.name)).toContain('Town Hall');
  });

  it('refuses a booking at a venue no longer in use or not on the list, and keeps meetings already booked there', async () => {
    const x = await withCase('team');
    const { w, venues, meeting: booked } = x;
    let v = await book(w, x.v, booked);
    const centre = (await w.call('getCaseworkReference', {})).venues.find((x) => x.id === venues.centre)!;
    const list = await w.call('saveVenue', { ...centre, active: false });
    expect(list.find((x) => x.id === venues.centre)?.active).toBe(false);

    const closed = await refusal(w, v, { type: 'schedule-meeting', meeting: meetingFor(v, { date: '2026-04-01', venueId: venues.centre }) });
    expect(closed.problems).toEqual(['Riverside Community Centre is no longer in use: choose another venue.']);
    const unknown = await refusal(w, v, { type: 'schedule-meeting', meeting: meetingFor(v, { date: '2026-04-01', venueId: 'v_notonthelist' }) });
    expect(unknown.problems).toEqual(['The venue is not on the venue list: add it in Settings first.']);
    const nowhere = await refusal(w, v, { type: 'schedule-meeting', meeting: meetingFor(v, { date: '2026-04-01' }) });
    expect(nowhere.problems).toEqual(['Choose a venue for a meeting in person']);
    // The meeting already there stays on the calendar, with the venue's name.
    const cal = await w.call('getCalendar', { from: '2026-03-25', to: '2026-03-25' });
    expect(cal.map((m) => [m.meeting.id, m.venueName])).toEqual([[booked.id, 'Riverside Community Centre']]);
    // A video meeting needs no venue.
    v = await book(w, v, meetingFor(v, { date: '2026-04-01', format: 'video' }));
    expect(v.case.schedule).toHaveLength(2);
  });
});
