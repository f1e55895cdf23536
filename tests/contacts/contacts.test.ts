import { describe, expect, it } from 'vitest';
import { contactHistory, ContactEntrySchema, firstContactOn, meetingsWith, recordContact, recordMeeting, rjInformationOn, type ContactContext, type RecordContactInput } from '../../src-main/domain/contacts/contacts';
import { HARMED, newCase, NOW, RESPONSIBLE, signedBy, STAFF, TODAY } from '../support/case-fixtures';

const ctx: ContactContext = { today: TODAY, now: NOW, staff: STAFF };
const attempt: RecordContactInput = { participantId: HARMED.id, entry: { kind: 'attempt', on: '2026-03-03', time: '09:15', method: 'phone', outcome: 'no-answer' } };
/** Contacts are made by Siân Prydderch (s_facil1), signed in, unless a test says otherwise. */
const FACIL = signedBy('s_facil1');

describe('contacts', () => {
  it('records attempts and contacts, and finds the first real contact and RJ information', () => {
    const c = newCase();
    const a = recordContact(c, attempt, ctx, FACIL);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(firstContactOn(a.value)).toBeUndefined();
    const c2 = { ...c, participants: [a.value, RESPONSIBLE] };
    const b = recordContact(c2, { participantId: HARMED.id, entry: { kind: 'attempt', on: '2026-03-04', method: 'letter', outcome: 'letter-sent', rjInformationGiven: true, notes: 'Leaflet in Welsh and English.' } }, ctx, FACIL);
    const c3 = { ...c, participants: [(b as { value: typeof HARMED }).value, RESPONSIBLE] };
    const d = recordContact(c3, { participantId: HARMED.id, entry: { kind: 'contact', on: '2026-03-05', method: 'phone', outcome: 'interested' } }, ctx, signedBy('s_facil2'));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(firstContactOn(d.value)).toBe('2026-03-05');
    expect(rjInformationOn(d.value)).toBe('2026-03-04');
    expect(contactHistory(d.value).map((e) => e.on)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
    expect(d.value.contacts!.every((e) => e.recordedAt === NOW)).toBe(true);
  });

  it.each([
    ['an outcome that does not fit the kind', { entry: { ...attempt.entry, outcome: 'interested' as const } }, /not an outcome of an attempt/],
    ['RJ information from an unanswered call', { entry: { ...attempt.entry, rjInformationGiven: true } }, /Information about RJ can only be given/],
    ['a future date', { entry: { ...attempt.entry, on: '2026-03-20' } }, /in the future/],
    ['a date before the referral', { entry: { ...attempt.entry, on: '2026-02-01' } }, /before the referral/],
    ['a bad time', { entry: { ...attempt.entry, time: '25:00' } }, /time like 14:30/],
    ['an unknown participant', { participantId: 'p_nobody1' }, /not in this case/],
  ])('refuses %s', (_, over, pattern) => {
    const r = recordContact(newCase(), { ...attempt, ...over }, ctx, FACIL);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(pattern);
  });

  it('checks stored entries with the same rules', () => {
    expect(ContactEntrySchema.safeParse({ ...attempt.entry, by: 's_facil1', recordedAt: NOW }).success).toBe(true);
    expect(ContactEntrySchema.safeParse({ ...attempt.entry, by: 's_facil1', outcome: 'declined', recordedAt: NOW }).success).toBe(false);
    expect(ContactEntrySchema.safeParse({ ...attempt.entry, by: 's_facil1', recordedAt: NOW, colour: 'blue' }).success).toBe(false);
  });
});

describe('preparation meetings', () => {
  it('records a meeting with participants and staff', () => {
    const r = recordMeeting(newCase(), { on: '2026-03-12', format: 'in-person', participantIds: [HARMED.id], staffIds: ['s_facil1', 's_advan1'], venue: 'Community centre, side room', notes: 'Talked through the process.' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(meetingsWith({ meetings: [r.value] }, HARMED.id)).toHaveLength(1);
    expect(meetingsWith({ meetings: [r.value] }, RESPONSIBLE.id)).toHaveLength(0);
  });

  it('refuses unknown people and future dates, listing each problem once', () => {
    const r = recordMeeting(newCase(), { on: '2026-04-01', format: 'video', participantIds: ['p_nobody1', 'p_nobody2', HARMED.id, HARMED.id], staffIds: ['s_nobody1'] }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual(['The meeting date 1 April 2026 is in the future.', 'A participant chosen for the meeting is not in this case.', 'A member of staff chosen for the meeting is not on the staff list.', 'A participant is chosen twice.']);
  });
});
