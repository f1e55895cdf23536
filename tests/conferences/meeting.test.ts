import { describe, expect, it } from 'vitest';
import { describeMeeting, meetingEnd, meetingInterval, MeetingSchema } from '../../src-main/domain/conferences/meeting';
import { VenueListSchema, VenueSchema } from '../../src-main/domain/conferences/venue';
import { CO, LEAD, meeting, SUPPORTER } from '../support/process-fixtures';

const messages = (input: unknown) => {
  const r = MeetingSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('MeetingSchema', () => {
  it('accepts a complete meeting', () => {
    const m = meeting({ coFacilitatorId: CO, supporterIds: [SUPPORTER], interpreter: { name: 'Łukasz Nowak', language: 'Polish' }, notes: 'Separate waiting rooms booked' });
    expect(MeetingSchema.parse(m)).toEqual(m);
  });

  it('refuses empty input and wrong types with messages that say what to fix', () => {
    expect(messages({})).toEqual(expect.arrayContaining(['Choose a meeting', 'Enter a time like 14:30', 'Enter the length of the meeting in minutes, like 90']));
    expect(messages(null)).toEqual(['The meeting must be a set of fields (an object)']);
    expect(messages('meeting')).toEqual(['The meeting must be a set of fields (an object)']);
    expect(messages(meeting({ durationMinutes: '90' as unknown as number }))).toEqual(['Enter the length of the meeting in minutes, like 90']);
    expect(messages(meeting({ durationMinutes: 90.5 }))).toEqual(['Enter the length in whole minutes']);
    expect(messages(meeting({ durationMinutes: 0 }))).toEqual(['A meeting lasts at least 5 minutes']);
    expect(messages(meeting({ durationMinutes: 10_000 }))).toEqual([expect.stringMatching(/at most 12 hours/)]);
    expect(messages(meeting({ participantIds: [] }))).toEqual(['Choose at least one participant for the meeting']);
    expect(messages(meeting({ start: '9am' }))).toEqual([expect.stringMatching(/HH:MM/)]);
    expect(messages(meeting({ date: '2026-02-30' }))).toEqual([expect.stringMatching(/real date/)]);
    expect(messages(meeting({ kind: 'party' as never }))).toEqual([expect.stringMatching(/^Choose the kind of meeting: preparation, conference, follow-up$/)]);
  });

  it('names unknown fields, including __proto__, instead of ignoring them', () => {
    expect(messages({ ...meeting(), nmae: 'x' })).toEqual([expect.stringMatching(/Unknown field “nmae” in the meeting/)]);
    const polluted = JSON.parse(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(meeting()).slice(1)}`);
    expect(messages(polluted)).toEqual([expect.stringMatching(/Unknown field “__proto__”/)]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses huge lists and huge text', () => {
    expect(messages(meeting({ participantIds: Array.from({ length: 51 }, (_, i) => `p_many${String(i).padStart(4, '0')}`) }))).toEqual(['At most 50 participants']);
    expect(messages(meeting({ notes: 'x'.repeat(20_001) }))).toEqual(['Notes must be at most 20000 characters']);
  });

  it('keeps script tags as typed (the UI renders text, never HTML) but refuses control characters', () => {
    expect(MeetingSchema.parse(meeting({ notes: '<script>alert(1)</script>' })).notes).toBe('<script>alert(1)</script>');
    expect(messages(meeting({ notes: 'bell\u0007' }))).toEqual(['Notes contains a control character; remove it']);
  });

  it('accepts interpreters named in many scripts and refuses markup as a name', () => {
    for (const name of ['Siân Williams', 'Łukasz Nowak', 'Zoë Brontë', 'Şükrü Yılmaz', 'Nguyễn Văn An', 'Αλέξανδρος Παπαδόπουλος', 'Алексей Иванов', "Seán O'Brien"]) {
      expect(messages(meeting({ interpreter: { name, language: 'Welsh' } }))).toEqual([]);
    }
    expect(messages(meeting({ interpreter: { name: '<b>x</b>', language: 'Welsh' } }))).toEqual([expect.stringMatching(/only letters/)]);
  });

  it('applies the rules that span fields', () => {
    expect(messages(meeting({ status: 'cancelled' }))).toEqual(['Say why the meeting was cancelled']);
    expect(messages(meeting({ status: 'postponed', statusReason: '   ' }))).toEqual(['Say why the meeting was postponed']);
    expect(messages(meeting({ status: 'postponed', statusReason: 'Participant unwell' }))).toEqual([]);
    expect(messages(meeting({ venueId: undefined }))).toEqual(['Choose a venue for a meeting in person']);
    expect(messages(meeting({ venueId: undefined, format: 'video' }))).toEqual([]);
    expect(messages(meeting({ coFacilitatorId: LEAD }))).toEqual(['The co-facilitator must be someone other than the lead facilitator']);
    expect(messages(meeting({ participantIds: ['p_harmed01', 'p_harmed01'] }))).toEqual(['A participant is chosen twice: remove the repeat']);
    expect(messages(meeting({ supporterIds: ['p_harmed01'] }))).toEqual(['Someone is chosen both as a participant and as a supporter: choose one']);
  });

  it('refuses a start in the hour skipped when the clocks go forward, with a clear message', () => {
    expect(messages(meeting({ date: '2026-03-29', start: '01:30' }))).toEqual([
      'The clocks go forward at 1am on 29 March 2026, so 01:30 does not exist that day in the UK; choose a time before 01:00 or from 02:00.',
    ]);
  });

  it('allows bank holidays and leap days: they do not stop a meeting being booked', () => {
    expect(messages(meeting({ date: '2026-12-25' }))).toEqual([]);
    expect(messages(meeting({ date: '2028-02-29' }))).toEqual([]);
    expect(messages(meeting({ date: '2027-02-29' }))).toEqual([expect.stringMatching(/real date/)]);
  });
});

describe('meeting times', () => {
  it('measures duration in elapsed time across the clock change', () => {
    const spring = meeting({ date: '2026-03-29', start: '00:30', durationMinutes: 120 });
    expect(meetingInterval(spring)).toEqual({ start: Date.parse('2026-03-29T00:30:00Z'), end: Date.parse('2026-03-29T02:30:00Z') });
    expect(meetingEnd(spring)).toEqual({ date: '2026-03-29', time: '03:30' });
    const autumn = meeting({ date: '2026-10-25', start: '00:30', durationMinutes: 120 });
    expect(meetingEnd(autumn)).toEqual({ date: '2026-10-25', time: '01:30' });
  });

  it('describes a meeting without names', () => {
    expect(describeMeeting(meeting({ date: '2026-05-12', start: '10:00', durationMinutes: 90 }))).toBe('Conference on 12 May 2026, 10:00–11:30');
    expect(describeMeeting(meeting({ kind: 'follow-up', date: '2026-05-12', start: '23:30', durationMinutes: 60 }))).toBe('Follow-up meeting on 12 May 2026, 23:30–00:30 on 13 May 2026');
  });
});

describe('VenueSchema', () => {
  it('accepts a venue and refuses duplicates in the list', () => {
    const v = { id: 'v_centre01', name: 'Canolfan Gymunedol, Ystafell 2', address: 'Stryd Fawr, Aberystwyth', accessibilityNotes: 'Separate waiting areas; hearing loop', separateWaitingAreas: true, stepFreeAccess: true, active: true };
    expect(VenueSchema.parse(v)).toEqual(v);
    expect(VenueListSchema.safeParse([v, v]).error?.issues[0]?.message).toBe('The venue id v_centre01 is used twice');
    expect(VenueSchema.safeParse({ ...v, active: 'yes' }).error?.issues[0]?.message).toBe('Say whether the venue is still in use (true or false)');
    expect(VenueSchema.safeParse({ ...v, name: '' }).error?.issues[0]?.message).toBe('Enter venue name');
  });
});
