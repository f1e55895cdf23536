import { describe, expect, it } from 'vitest';
import { apply, book, conferenceRecord, withCase, withConference, type World } from '../support/process';
import type { CaseView } from '../../src-main/domain/cases/case-view';

type Issue = { path: string; message: string };

/** The issues a raw command (as a compromised or buggy renderer could send it) is refused with. */
async function issuesOf(w: World, v: CaseView, command: unknown): Promise<Issue[]> {
  const e = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command } as never);
  expect(e.code).toBe('INVALID_INPUT');
  return e.details?.issues ?? [];
}

describe('bad input to the process commands', () => {
  it('refuses unknown fields, wherever they are, naming them', async () => {
    const { w, v, meeting: m } = await withCase('team');
    expect(await issuesOf(w, v, { type: 'schedule-meeting', meeting: { ...m, colour: 'red' } })).toEqual([{ path: 'command.meeting', message: 'Unknown field: colour' }]);
    expect(await issuesOf(w, v, { type: 'schedule-meeting', meeting: m, urgent: true })).toEqual([{ path: 'command', message: 'Unknown field: urgent' }]);
    // A status or reason is never set at booking: the status starts as proposed.
    expect(await issuesOf(w, v, { type: 'schedule-meeting', meeting: { ...m, status: 'held' } })).toEqual([{ path: 'command.meeting', message: 'Unknown field: status' }]);
    expect(await issuesOf(w, v, { type: 'book-everything' })).toEqual([{ path: 'command.type', message: 'Unknown command' }]);
    expect((await w.fails('saveVenue', { name: 'Hall', address: '', active: true, owner: 'me' } as never)).details?.issues).toEqual([{ path: '(input)', message: 'Unknown field: owner' }]);
    expect((await w.fails('getCalendar', { from: '2026-03-01', to: '2026-03-31', everything: true } as never)).details?.issues).toEqual([{ path: '(input)', message: 'Unknown field: everything' }]);
    expect((await w.fails('getFigures', { from: '2026-03-01', to: '2026-03-31', names: true } as never)).details?.issues).toEqual([{ path: '(input)', message: 'Unknown field: names' }]);
    expect((await w.call('getCaseView', { id: v.case.id })).case.revision).toBe(v.case.revision);
  });

  it('refuses __proto__ and constructor keys, and nothing leaks onto Object.prototype', async () => {
    const { w, v, meeting: m } = await withCase('team');
    // JSON.parse makes "__proto__" an own key, as a message from the renderer would.
    const meeting = JSON.parse(JSON.stringify(m).replace(/^\{/, '{"__proto__":{"polluted":"yes","status":"held"},'));
    expect(Object.keys(meeting)).toContain('__proto__');
    expect(await issuesOf(w, v, { type: 'schedule-meeting', meeting })).toEqual([{ path: 'command.meeting', message: 'Unknown field: __proto__' }]);
    const command = JSON.parse(`{"type":"sign-agreement","signedOn":"2026-03-16","constructor":{"prototype":{"polluted":"yes"}}}`);
    expect(await issuesOf(w, v, command)).toEqual([{ path: 'command', message: 'Unknown field: constructor' }]);
    const venue = JSON.parse('{"name":"Hall","address":"","active":true,"__proto__":{"active":false}}');
    expect((await w.fails('saveVenue', venue)).details?.issues).toEqual([{ path: '(input)', message: 'Unknown field: __proto__' }]);
    const query = JSON.parse('{"from":"2026-03-01","to":"2026-03-31","__proto__":{"facilitatorId":"s_someone1"}}');
    expect((await w.fails('getCalendar', query)).code).toBe('INVALID_INPUT');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('status');
  });

  it('stores script tags as the text typed, and never puts them in the calendar', async () => {
    const x = await withCase('process');
    const { w } = x;
    const script = '<script>alert("x")</script><img src=x onerror="alert(1)"> & </textarea>';
    const m = { ...x.meeting, notes: script };
    let v = await book(w, x.v, m, true);
    w.clock.set('2026-03-25T12:00:00Z');
    v = await apply(w, v, { type: 'record-conference', record: conferenceRecord(w, v, m, { summary: `Summary: ${script}`, groundRules: [script] }) });
    const saved = (await w.call('getCaseView', { id: v.case.id })).case;
    expect(saved.schedule?.[0]?.notes).toBe(script);
    expect(saved.conferenceRecords?.[0]?.summary).toBe(`Summary: ${script}`);
    expect(saved.conferenceRecords?.[0]?.groundRules).toEqual([script]);
    // A venue name with line breaks cannot add properties to the calendar file.
    const centre = (await w.call('getCaseworkReference', {})).venues.find((x) => x.id === m.venueId)!;
    await w.call('saveVenue', { ...centre, name: 'Riverside\r\nATTENDEE:mailto:someone@example.invalid\nEND:VEVENT' });
    await w.call('saveCalendar', { from: '2026-03-25', to: '2026-03-25', includeFirstNames: true });
    const ics = w.files.lastText();
    expect(ics).not.toMatch(/script|alert|onerror/);
    expect(ics.split('\r\n').filter((l) => /^(ATTENDEE|END:VEVENT)/.test(l))).toEqual(['END:VEVENT']);
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('LOCATION:Riverside\\nATTENDEE:mailto:someone@example.invalid\\nEND:VEVENT');
    expect(JSON.stringify(await w.call('getCalendar', { from: '2026-03-25', to: '2026-03-25' }))).not.toMatch(/script|alert/);
  });

  it('refuses strings that are too long, and control characters, with the field and its limit', async () => {
    const { w, v, meeting: m } = await withConference();
    w.clock.set('2026-03-25T12:00:00Z');

    const long = await issuesOf(w, v, { type: 'record-conference', record: conferenceRecord(w, v, m, { summary: 'a'.repeat(50_001) }) });
    expect(long).toEqual([{ path: 'command.record.summary', message: 'Summary must be at most 50000 characters' }]);
    // Five million characters: refused as quickly, and the message does not echo them.
    const started = Date.now();
    const e = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'update-meeting', meeting: { ...m, notes: 'x'.repeat(5_000_000) } } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e.details?.issues).toEqual([{ path: 'command.meeting.notes', message: 'Notes must be at most 20000 characters' }]);
    expect(e.message.length).toBeLessThan(200);
    expect((await w.fails('saveVenue', { name: 'V'.repeat(121), address: '', active: true })).details?.issues).toEqual([{ path: 'name', message: 'Venue name must be at most 120 characters' }]);
    const tooMany = await issuesOf(w, v, { type: 'record-conference', record: conferenceRecord(w, v, m, { groundRules: Array.from({ length: 31 }, (_, i) => `Rule ${i}`) }) });
    expect(tooMany).toEqual([{ path: 'command.record.groundRules', message: 'At most 30 ground rules' }]);
    const control = await issuesOf(w, v, { type: 'record-conference', record: conferenceRecord(w, v, m, { summary: 'Fine\u001b[2Jgone' }) });
    expect(control).toEqual([{ path: 'command.record.summary', message: 'Summary contains a control character; remove it' }]);
    expect((await w.call('getCaseView', { id: v.case.id })).case.revision).toBe(v.case.revision);
  });

  it('refuses values of the wrong type with a message that says what is wanted', async () => {
    const { w, v, meeting: m } = await withCase('team');
    const wrong = async (over: Record<string, unknown>) => issuesOf(w, v, { type: 'schedule-meeting', meeting: { ...m, ...over } });
    expect(await wrong({ durationMinutes: '60' })).toEqual([{ path: 'command.meeting.durationMinutes', message: 'Enter the length of the meeting in minutes, like 90' }]);
    expect(await wrong({ durationMinutes: 60.5 })).toEqual([{ path: 'command.meeting.durationMinutes', message: 'Enter the length in whole minutes' }]);
    expect(await wrong({ date: 20260325 })).toEqual([{ path: 'command.meeting.date', message: 'Meeting date must be a date like 2026-03-14' }]);
    expect(await wrong({ start: '9am' })).toEqual([{ path: 'command.meeting.start', message: 'Enter a time as HH:MM on the 24-hour clock, like 09:30 or 14:00' }]);
    expect(await wrong({ participantIds: 'everyone' })).toEqual([{ path: 'command.meeting.participantIds', message: 'Participants must be a list' }]);
    expect(await wrong({ kind: 'party' })).toEqual([{ path: 'command.meeting.kind', message: 'Choose the kind of meeting: preparation, conference, follow-up' }]);
    expect(await issuesOf(w, v, { type: 'schedule-meeting', meeting: null })).toEqual([{ path: 'command.meeting', message: 'The meeting must be a set of fields (an object)' }]);
    expect(await issuesOf(w, v, { type: 'schedule-meeting', meeting: m, confirm: 'yes' })).toEqual([{ path: 'command.confirm', message: 'Say whether to confirm it now (true or false)' }]);
    expect(await issuesOf(w, v, { type: 'set-meeting-status', meetingId: m.id, to: 'done' })).toEqual([{ path: 'command.to', message: 'Choose a status: proposed, confirmed, held, postponed, cancelled' }]);
    expect((await w.fails('saveVenue', { name: 'Hall', address: '', active: 'yes' } as never)).details?.issues).toEqual([{ path: 'active', message: 'Say whether the venue is still in use (true or false)' }]);
    expect((await w.fails('getCalendar', { from: 20260301, to: '2026-03-31' } as never)).details?.issues).toEqual([{ path: 'from', message: 'From must be a date like 2026-03-14' }]);
  });
});
