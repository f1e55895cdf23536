import { describe, expect, it } from 'vitest';
import { icsSummary, icsUid, meetingsBetween, meetingsToIcs, meetingToIcs, type IcsOptions } from '../../src-main/domain/conferences/calendar-export';
import { CASE, HARMED, meeting, RESPONSIBLE, SUPPORTER, venues } from '../support/process-fixtures';

const options: IcsOptions = {
  now: '2026-03-01T12:00:00Z',
  venues,
  caseReferences: { [CASE]: 'RJ-2026-0042' },
  firstNames: { [HARMED]: 'Siân', [RESPONSIBLE]: 'Łukasz', [SUPPORTER]: 'Αλέξανδρος Γεώργιος' },
};

const lines = (ics: string) => ics.split('\r\n');
/** Unfold continuation lines (RFC 5545 §3.1) to read a property. */
const prop = (ics: string, name: string) =>
  ics
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => l.slice(l.indexOf(':') + 1));

describe('meetingToIcs', () => {
  it.each([
    // Around each clock change a 09:00 meeting stays 09:00 local: UTC moves instead.
    ['2026-03-28', '20260328T090000Z'],
    ['2026-03-29', '20260329T080000Z'],
    ['2026-10-24', '20261024T080000Z'],
    ['2026-10-25', '20261025T090000Z'],
    ['2027-03-28', '20270328T080000Z'],
    ['2027-10-31', '20271031T090000Z'],
    ['2028-02-29', '20280229T090000Z'],
  ])('writes 09:00 on %s as %s', (date, utc) => {
    const ics = meetingToIcs(meeting({ date, start: '09:00', durationMinutes: 90 }), options);
    expect(prop(ics, 'DTSTART')).toEqual([utc]);
    const end = new Date(Date.parse(`${utc.slice(0, 4)}-${utc.slice(4, 6)}-${utc.slice(6, 8)}T${utc.slice(9, 11)}:${utc.slice(11, 13)}:00Z`) + 90 * 60_000);
    expect(prop(ics, 'DTEND')).toEqual([end.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')]);
  });

  it('keeps elapsed time across the change: 00:30 for 2 hours on 29 March 2026 ends at 02:30 UTC', () => {
    const ics = meetingToIcs(meeting({ date: '2026-03-29', start: '00:30', durationMinutes: 120 }), options);
    expect(prop(ics, 'DTSTART')).toEqual(['20260329T003000Z']);
    expect(prop(ics, 'DTEND')).toEqual(['20260329T023000Z']);
  });

  it('uses the first 01:30 on the day the clocks go back', () => {
    expect(prop(meetingToIcs(meeting({ date: '2026-10-25', start: '01:30' }), options), 'DTSTART')).toEqual(['20261025T003000Z']);
  });

  it('has a stable UID per meeting, DTSTAMP from the export time, and no names by default', () => {
    const m = meeting({ id: 'm_stable001', supporterIds: [SUPPORTER] });
    const a = meetingToIcs(m, options);
    const b = meetingToIcs({ ...m, start: '14:00' }, { ...options, now: '2026-03-02T08:00:00Z' });
    expect(prop(a, 'UID')).toEqual(['m_stable001@rj-casebook']);
    expect(prop(b, 'UID')).toEqual(prop(a, 'UID'));
    expect(icsUid('m_stable001')).toBe('m_stable001@rj-casebook');
    expect(prop(a, 'DTSTAMP')).toEqual(['20260301T120000Z']);
    expect(prop(a, 'SUMMARY')).toEqual(['RJ conference RJ-2026-0042']);
    expect(prop(a, 'LOCATION')).toEqual(['Leamington Justice Centre\\, Room 1']);
    for (const name of ['Siân', 'Łukasz', 'Αλέξανδρος']) expect(a).not.toContain(name);
    expect(a).not.toContain('1 High Street');
  });

  it('adds first names only when asked', () => {
    const m = meeting({ kind: 'preparation', participantIds: [HARMED], supporterIds: [SUPPORTER] });
    expect(icsSummary(m, { ...options, includeFirstNames: true })).toBe('RJ preparation meeting RJ-2026-0042 (Siân, Αλέξανδρος)');
    expect(prop(meetingToIcs(m, { ...options, includeFirstNames: true }), 'SUMMARY')).toEqual(['RJ preparation meeting RJ-2026-0042 (Siân\\, Αλέξανδρος)']);
    expect(icsSummary(m, { caseReferences: {}, includeFirstNames: true })).toBe('RJ preparation meeting');
    expect(icsSummary({ ...m, caseId: 'c___proto__x' }, { caseReferences: JSON.parse('{"__proto__": "leak"}') })).toBe('RJ preparation meeting');
  });

  it('is CRLF throughout and folds long lines at 75 octets without splitting a character', () => {
    const long = meeting({ participantIds: [HARMED, RESPONSIBLE], supporterIds: [SUPPORTER] });
    const names = { [HARMED]: 'Siân'.repeat(8), [RESPONSIBLE]: 'Αλέξανδρος'.repeat(6), [SUPPORTER]: 'Nguyễn🙂'.repeat(6) };
    const ics = meetingToIcs(long, { ...options, includeFirstNames: true, firstNames: names });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of lines(ics)) {
      expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/\uFFFD/);
    }
    expect(lines(ics).some((l) => l.startsWith(' '))).toBe(true);
    expect(prop(ics, 'SUMMARY')[0]).toContain('Nguyễn🙂Nguyễn🙂');
  });

  it('marks status for calendar apps', () => {
    expect(prop(meetingToIcs(meeting({ status: 'proposed' }), options), 'STATUS')).toEqual(['TENTATIVE']);
    expect(prop(meetingToIcs(meeting({ status: 'confirmed' }), options), 'STATUS')).toEqual(['CONFIRMED']);
    expect(prop(meetingToIcs(meeting({ status: 'cancelled', statusReason: 'Withdrew' }), options), 'STATUS')).toEqual(['CANCELLED']);
    expect(meetingToIcs(meeting({ status: 'cancelled', statusReason: 'Withdrew' }), options)).not.toContain('Withdrew');
  });

  it('names the location of a video meeting without a venue', () => {
    expect(prop(meetingToIcs(meeting({ format: 'video', venueId: undefined }), options), 'LOCATION')).toEqual(['Video call']);
  });

  it('refuses a bad export time', () => {
    expect(() => meetingToIcs(meeting(), { ...options, now: 'yesterday' })).toThrow(/export time/);
  });
});

describe('meetingsToIcs over a date range', () => {
  it('exports the meetings in range, one event each', () => {
    const all = [
      meeting({ id: 'm_range0001', date: '2026-03-27' }),
      meeting({ id: 'm_range0002', date: '2026-03-29', start: '09:00' }),
      meeting({ id: 'm_range0003', date: '2026-03-29', start: '08:00' }),
      meeting({ id: 'm_range0004', date: '2026-04-01' }),
    ];
    const picked = meetingsBetween(all, '2026-03-28', '2026-03-31');
    expect(picked.map((m) => m.id)).toEqual(['m_range0003', 'm_range0002']);
    const ics = meetingsToIcs(picked, options);
    expect(prop(ics, 'UID')).toEqual(['m_range0003@rj-casebook', 'm_range0002@rj-casebook']);
    expect(prop(ics, 'DTSTART')).toEqual(['20260329T070000Z', '20260329T080000Z']);
    expect(lines(ics)[0]).toBe('BEGIN:VCALENDAR');
    expect(prop(ics, 'PRODID')).toEqual(['-//RJ Casebook//RJ Casebook//EN']);
  });
  it('refuses a backwards range', () => {
    expect(() => meetingsBetween([], '2026-04-01', '2026-03-01')).toThrow(/swap/);
    expect(() => meetingsBetween([], 'soon', '2026-03-01')).toThrow(/YYYY-MM-DD/);
  });
  it('writes an empty but valid calendar', () => {
    const ics = meetingsToIcs([], options);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
    expect(ics).not.toContain('VEVENT');
  });
});
