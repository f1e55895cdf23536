import { describe, expect, it } from 'vitest';
import { steps } from '../support/steps';
import { addVenues, apply, applyAll, book, caseUntil, caseworkWorld, meetingFor, people, refusal, withCase, withConference } from '../support/process';

/** ICS lines are folded at 75 octets; unfold before looking for text. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('scheduling meetings through the service', () => {
  it('books a conference, refuses double bookings of a facilitator or a venue across cases offering the next free time, allows back-to-back, and frees a postponed slot', async () => {
    const w = await caseworkWorld();
    const venues = await addVenues(w);
    let a = await caseUntil(w, 'team', { lead: w.staff.jo });
    let b = await caseUntil(w, 'team', { lead: w.staff.alex });

    const first = meetingFor(a, { venueId: venues.centre, leadFacilitatorId: w.staff.jo });
    a = await book(w, a, first);
    expect(a.case.schedule).toEqual([expect.objectContaining({ id: first.id, status: 'proposed', caseId: a.case.id })]);
    expect(a.case.timeline.at(-1)).toMatchObject({ kind: 'meeting.scheduled', text: 'Conference on 25 March 2026, 10:00–11:00 booked (proposed).' });

    // Jo leads a meeting in another case half an hour into the first one, elsewhere: refused, naming Jo and the meeting.
    const joClash = await refusal(w, b, { type: 'schedule-meeting', meeting: meetingFor(b, { start: '10:30', venueId: venues.library, leadFacilitatorId: w.staff.jo }) });
    expect(joClash.code).toBe('INVALID_INPUT');
    expect(joClash.problems).toEqual([`Jo Whitfield (facilitator) is already booked at that time: Conference on 25 March 2026, 10:00–11:00 (case ${a.case.reference}).`, 'The next time these people and the venue are all free is 25 March 2026 at 11:00.']);
    // Jo as co-facilitator counts too.
    const asCo = await refusal(w, b, { type: 'schedule-meeting', meeting: meetingFor(b, { start: '09:30', venueId: venues.library, coFacilitatorId: w.staff.jo }) });
    expect(asCo.problems).toEqual([`Jo Whitfield (facilitator) is already booked at that time: Conference on 25 March 2026, 10:00–11:00 (case ${a.case.reference}).`, 'The next time these people and the venue are all free is 25 March 2026 at 11:00.']);
    // Someone else in the same room at the same time: refused, naming the venue.
    const roomClash = await refusal(w, b, { type: 'schedule-meeting', meeting: meetingFor(b, { start: '10:59', venueId: venues.centre }) });
    expect(roomClash.problems).toEqual([`Riverside Community Centre is already booked at that time: Conference on 25 March 2026, 10:00–11:00 (case ${a.case.reference}).`, 'The next time these people and the venue are all free is 25 March 2026 at 11:00.']);
    // Nothing was saved by the refusals.
    expect((await w.call('getCaseView', { id: b.case.id })).case.revision).toBe(b.case.revision);

    // Back to back, same facilitator and same room: the first ends at 11:00 as the next starts.
    const next = meetingFor(b, { kind: 'preparation', participantIds: [people(b).harmed], start: '11:00', venueId: venues.centre, leadFacilitatorId: w.staff.jo });
    b = await book(w, b, next);
    expect(b.case.schedule?.map((m) => m.start)).toEqual(['11:00']);

    // Postponing the first frees Jo and the room at 10:00 for the other case.
    a = await apply(w, a, { type: 'set-meeting-status', meetingId: first.id, to: 'postponed', reason: 'The person harmed is unwell.' });
    expect(a.case.schedule?.[0]).toMatchObject({ status: 'postponed', statusReason: 'The person harmed is unwell.' });
    const taken = meetingFor(b, { kind: 'preparation', participantIds: [people(b).responsible], start: '10:00', venueId: venues.centre, leadFacilitatorId: w.staff.jo });
    b = await book(w, b, taken);
    // And the postponed meeting cannot come back into that slot now.
    const back = await refusal(w, a, { type: 'set-meeting-status', meetingId: first.id, to: 'proposed' });
    expect(back.problems).toEqual([
      `Jo Whitfield (facilitator) is already booked at that time: Preparation meeting on 25 March 2026, 10:00–11:00 (case ${b.case.reference}).`,
      `Riverside Community Centre is already booked at that time: Preparation meeting on 25 March 2026, 10:00–11:00 (case ${b.case.reference}).`,
      // The refusal offers the next time Jo, the people and the room are all free (11:00 is Jo's next booking).
      'The next time these people and the venue are all free is 25 March 2026 at 12:00.',
    ]);
    // Moved to the afternoon, it is free.
    a = await apply(w, a, { type: 'update-meeting', meeting: { ...first, start: '14:00' } });
    a = await apply(w, a, { type: 'set-meeting-status', meetingId: first.id, to: 'proposed' });
    expect(a.case.schedule?.[0]).toMatchObject({ start: '14:00', status: 'proposed' });
    expect(a.case.schedule?.[0]?.statusReason).toBeUndefined();
  });

  it('refuses a time that does not exist because the clocks go forward, and one in a meeting of the same case', async () => {
    const x = await withCase('team');
    const { w, venues } = x;
    let v = x.v;
    const gap = await refusal(w, v, { type: 'schedule-meeting', meeting: meetingFor(v, { date: '2026-03-29', start: '01:30', venueId: venues.centre }) });
    expect(gap.code).toBe('INVALID_INPUT');
    expect(gap.problems).toEqual(['The clocks go forward at 1am on 29 March 2026, so 01:30 does not exist that day in the UK; choose a time before 01:00 or from 02:00.']);
    // 00:30 and 02:00 that day exist; a meeting from 00:30 to 02:30 lasts one hour by the clock on the wall plus the lost hour.
    const early = meetingFor(v, { kind: 'preparation', date: '2026-03-29', start: '00:30', durationMinutes: 60, venueId: venues.centre });
    v = await book(w, v, early);
    expect(v.case.timeline.at(-1)?.text).toBe('Preparation meeting on 29 March 2026, 00:30–02:30 booked (proposed).');
    // The same people at 02:00 clash with it (it ends at 02:30 BST).
    const clash = await refusal(w, v, { type: 'schedule-meeting', meeting: meetingFor(v, { date: '2026-03-29', start: '02:00', venueId: venues.library }) });
    expect(clash.problems).toContain('Jo Whitfield (facilitator) is already booked at that time: Preparation meeting on 29 March 2026, 00:30–02:30.');
    expect(clash.problems).toContain('Siân Evans (participant) is already booked at that time: Preparation meeting on 29 March 2026, 00:30–02:30.');
  });

  it('confirms a conference only when everyone invited has consented and has signed-off risk, saying who is missing what', async () => {
    const w = await caseworkWorld();
    const venues = await addVenues(w);
    // Nobody has consented or been assessed yet.
    const early = await caseUntil(w, 'team');
    const none = await refusal(w, early, { type: 'schedule-meeting', meeting: meetingFor(early, { venueId: venues.centre }), confirm: true });
    expect(none.problems).toEqual([
      'Siân Evans has not yet given consent to take part in the conference.',
      "Siân Evans's risk assessment has not been signed off.",
      'Łukasz Kowalski has not yet given consent to take part in the conference.',
      "Łukasz Kowalski's risk assessment has not been signed off.",
    ]);

    // Consent given by both, risk assessed but not signed off: booked as proposed, confirmation refused.
    let v = await caseUntil(w, 'consent');
    const conference = meetingFor(v, { date: '2026-03-26', venueId: venues.centre });
    v = await book(w, v, conference);
    expect(v.case.schedule?.[0]?.status).toBe('proposed');
    const unsigned = await refusal(w, v, { type: 'set-meeting-status', meetingId: conference.id, to: 'confirmed' });
    expect(unsigned.problems).toEqual(["Siân Evans's risk assessment has not been signed off.", "Łukasz Kowalski's risk assessment has not been signed off."]);

    const s = steps(await w.call('getCaseworkReference', {}));
    const p = people(v);
    v = await apply(w, v, s.signOff(p.harmed));
    const half = await refusal(w, v, { type: 'set-meeting-status', meetingId: conference.id, to: 'confirmed' });
    expect(half.problems).toEqual(["Łukasz Kowalski's risk assessment has not been signed off."]);

    v = await applyAll(w, v, [s.signOff(p.responsible), { type: 'set-meeting-status', meetingId: conference.id, to: 'confirmed' }]);
    expect(v.case.schedule?.[0]?.status).toBe('confirmed');
    // A preparation meeting is never held up by consent: it is how consent is taken.
    const prep = meetingFor(early, { kind: 'preparation', participantIds: [people(early).harmed], venueId: venues.library });
    expect((await book(w, early, prep, true)).case.schedule?.[0]?.status).toBe('confirmed');
  });

  it('checks consent and risk again when a confirmed preparation meeting is made a conference', async () => {
    const x = await withCase('team');
    const { w, venues } = x;
    let v = x.v;
    const prep = meetingFor(v, { kind: 'preparation', venueId: venues.centre });
    v = await book(w, v, prep, true);
    expect(v.case.schedule?.[0]).toMatchObject({ kind: 'preparation', status: 'confirmed' });
    const made = await refusal(w, v, { type: 'update-meeting', meeting: { ...prep, kind: 'conference' } });
    expect(made.problems).toContain('Siân Evans has not yet given consent to take part in the conference.');
    expect(made.problems).toContain("Łukasz Kowalski's risk assessment has not been signed off.");
    // Other changes to the confirmed preparation meeting are fine.
    v = await apply(w, v, { type: 'update-meeting', meeting: { ...prep, start: '11:00' } });
    expect(v.case.schedule?.[0]).toMatchObject({ kind: 'preparation', status: 'confirmed', start: '11:00' });
  });

  it('cancels the meetings still booked in a case that ends early, freeing their people and room', async () => {
    const { w, venues, v } = await withConference();
    let a = await apply(w, v, { type: 'exit', kind: 'withdrawn', withdrawnBy: people(v).harmed, reason: 'Does not want to meet after all.' });
    expect(a.case.schedule?.[0]).toMatchObject({ status: 'cancelled', statusReason: 'Case ended: withdrawn' });
    expect(a.case.timeline.at(-1)!.text).toMatch(/One meeting still booked was cancelled/);
    const cal = await w.call('getCalendar', { from: '2026-03-25', to: '2026-03-25' });
    expect(cal.map((c) => c.meeting.status)).toEqual(['cancelled']);
    expect(await w.call('getCalendar', { from: '2026-03-25', to: '2026-03-25', hideInactive: true })).toEqual([]);
    await w.call('saveCalendar', { from: '2026-03-25', to: '2026-03-25' });
    expect(w.files.lastText()).toContain('STATUS:CANCELLED');
    // Another case can now have the same people's facilitator and room at that time.
    let b = await caseUntil(w, 'team');
    b = await book(w, b, meetingFor(b, { venueId: venues.centre }));
    expect(b.case.schedule).toHaveLength(1);
    // Reopening does not bring a cancelled meeting back: it is booked again if still wanted.
    a = await apply(w, a, { type: 'reopen', reason: 'Changed their mind again.' });
    expect(a.case.schedule?.[0]?.status).toBe('cancelled');
  });

  it('shows meetings of every case on the calendar, filtered by facilitator, and exports them to iCalendar in UTC without names unless asked', async () => {
    const w = await caseworkWorld();
    const venues = await addVenues(w);
    let a = await caseUntil(w, 'team', { lead: w.staff.jo });
    let b = await caseUntil(w, 'team', { lead: w.staff.alex, co: w.staff.lan });
    const gmt = meetingFor(a, { venueId: venues.centre });
    const bst = meetingFor(b, { date: '2026-03-30', start: '10:00', durationMinutes: 90, venueId: venues.centre, coFacilitatorId: w.staff.lan });
    const video = meetingFor(a, { kind: 'preparation', format: 'video', participantIds: [people(a).harmed], date: '2026-04-20', start: '16:00' });
    a = await book(w, a, gmt);
    b = await book(w, b, bst);
    a = await book(w, a, video);

    const all = await w.call('getCalendar', { from: '2026-03-01', to: '2026-04-30' });
    expect(all.map((m) => [m.reference, m.meeting.date, m.meeting.start, m.venueName, m.leadName])).toEqual([
      ['RJ-2026-0001', '2026-03-25', '10:00', 'Riverside Community Centre', 'Jo Whitfield'],
      ['RJ-2026-0002', '2026-03-30', '10:00', 'Riverside Community Centre', 'Αλέξανδρος Παπαδόπουλος'],
      ['RJ-2026-0001', '2026-04-20', '16:00', undefined, 'Jo Whitfield'],
    ]);
    expect(all[1]).toMatchObject({ caseId: b.case.id, coName: 'Nguyễn Thị Lan', sensitive: false });
    // The calendar names cases by reference only: nobody taking part is named.
    expect(JSON.stringify(all)).not.toMatch(/Siân|Evans|Łukasz|Kowalski/);

    const lan = await w.call('getCalendar', { from: '2026-03-01', to: '2026-04-30', facilitatorId: w.staff.lan });
    expect(lan.map((m) => m.meeting.id)).toEqual([bst.id]);
    const jo = await w.call('getCalendar', { from: '2026-03-01', to: '2026-04-30', facilitatorId: w.staff.jo });
    expect(jo.map((m) => m.meeting.id)).toEqual([gmt.id, video.id]);
    expect(await w.call('getCalendar', { from: '2026-03-26', to: '2026-03-29' })).toEqual([]);
    expect((await w.fails('getCalendar', { from: '2026-04-30', to: '2026-03-01' })).message).toMatch(/before the start date/);

    await w.call('saveCalendar', { from: '2026-03-01', to: '2026-04-30' });
    const plain = unfold(w.files.lastText());
    expect(plain).toContain('DTSTART:20260325T100000Z'); // GMT: 10:00 is 10:00 UTC
    expect(plain).toContain('DTSTART:20260330T090000Z'); // BST: 10:00 is 09:00 UTC
    expect(plain).toContain('DTEND:20260330T103000Z');
    expect(plain).not.toMatch(/TZID|VTIMEZONE/);
    expect(plain).toContain('SUMMARY:RJ conference RJ-2026-0001\r\n');
    expect(plain).toContain('LOCATION:Video call');
    expect(plain).not.toMatch(/Siân|Evans|Łukasz|Kowalski/);

    const namedFile = await w.call('saveCalendar', { from: '2026-03-01', to: '2026-04-30', facilitatorId: w.staff.alex, includeFirstNames: true });
    const named = { meetings: namedFile.meetings, ics: w.files.lastText() };
    expect(named.meetings).toBe(1);
    const text = unfold(named.ics);
    expect(text).toContain('SUMMARY:RJ conference RJ-2026-0002 (Siân\\, Łukasz)');
    expect(text).not.toMatch(/Evans|Kowalski/);
  });
});
