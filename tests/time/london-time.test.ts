import { describe, expect, it } from 'vitest';
import { clockChangeDays, londonOffsetMinutes, londonToUtc, utcToLondon } from '../../src-main/domain/time/london-time';

const utc = (date: string, time: string) => {
  const r = londonToUtc(date, time);
  if (!r.ok) throw new Error(r.reason);
  return new Date(r.utcMs).toISOString();
};

describe('clock-change days', () => {
  it('finds the last Sundays of March and October', () => {
    expect(clockChangeDays(2026)).toEqual({ forward: '2026-03-29', back: '2026-10-25' });
    expect(clockChangeDays(2027)).toEqual({ forward: '2027-03-28', back: '2027-10-31' });
    expect(clockChangeDays(2028)).toEqual({ forward: '2028-03-26', back: '2028-10-29' });
  });
});

describe('londonToUtc', () => {
  it.each([
    // [date, local time, UTC]: 09:00 stays 09:00 on the clock either side of each change.
    ['2026-03-28', '09:00', '2026-03-28T09:00:00.000Z'],
    ['2026-03-29', '09:00', '2026-03-29T08:00:00.000Z'],
    ['2026-03-30', '09:00', '2026-03-30T08:00:00.000Z'],
    ['2026-10-24', '09:00', '2026-10-24T08:00:00.000Z'],
    ['2026-10-25', '09:00', '2026-10-25T09:00:00.000Z'],
    ['2027-03-27', '09:00', '2027-03-27T09:00:00.000Z'],
    ['2027-03-28', '09:00', '2027-03-28T08:00:00.000Z'],
    ['2027-10-30', '09:00', '2027-10-30T08:00:00.000Z'],
    ['2027-10-31', '09:00', '2027-10-31T09:00:00.000Z'],
    ['2028-02-29', '14:30', '2028-02-29T14:30:00.000Z'],
    ['2026-12-25', '10:00', '2026-12-25T10:00:00.000Z'],
    ['2026-07-01', '00:00', '2026-06-30T23:00:00.000Z'],
    ['2026-01-01', '00:00', '2026-01-01T00:00:00.000Z'],
  ])('%s %s is %s', (date, time, expected) => {
    expect(utc(date, time)).toBe(expected);
  });

  it('refuses the hour that does not exist when the clocks go forward', () => {
    for (const [date, time] of [['2026-03-29', '01:30'], ['2026-03-29', '01:00'], ['2026-03-29', '01:59'], ['2027-03-28', '01:30']] as const) {
      const r = londonToUtc(date, time);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/clocks go forward at 1am on \d+ March 20\d\d, so \d\d:\d\d does not exist/);
    }
  });

  it('accepts the minutes either side of the missing hour', () => {
    expect(utc('2026-03-29', '00:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(utc('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('chooses the first occurrence of the repeated hour when the clocks go back, and says it was ambiguous', () => {
    const r = londonToUtc('2026-10-25', '01:30');
    expect(r).toEqual({ ok: true, utcMs: Date.parse('2026-10-25T00:30:00Z'), ambiguous: true });
    expect(londonToUtc('2027-10-31', '01:00')).toEqual({ ok: true, utcMs: Date.parse('2027-10-31T00:00:00Z'), ambiguous: true });
    expect(londonToUtc('2026-10-25', '00:59')).toMatchObject({ ok: true, ambiguous: false });
    expect(londonToUtc('2026-10-25', '02:00')).toEqual({ ok: true, utcMs: Date.parse('2026-10-25T02:00:00Z'), ambiguous: false });
  });

  it('refuses dates and times that are not real, and years out of range', () => {
    for (const [d, t] of [
      ['2027-02-29', '09:00'],
      ['2026-13-01', '09:00'],
      ['2026-05-12', '24:00'],
      ['2026-05-12', '9:00'],
      ['2026-05-12', '09:60'],
      ['1999-12-31', '09:00'],
      ['2100-01-01', '09:00'],
      ['', ''],
    ] as const) {
      expect(londonToUtc(d, t).ok).toBe(false);
    }
    // Wrong types from untyped callers are refused, not thrown.
    expect(londonToUtc(42 as unknown as string, '09:00').ok).toBe(false);
    expect(londonToUtc('2026-05-12', null as unknown as string).ok).toBe(false);
  });
});

describe('utcToLondon', () => {
  it('shows both occurrences of the repeated hour as 01:xx', () => {
    expect(utcToLondon(Date.parse('2026-10-25T00:30:00Z'))).toEqual({ date: '2026-10-25', time: '01:30' });
    expect(utcToLondon(Date.parse('2026-10-25T01:30:00Z'))).toEqual({ date: '2026-10-25', time: '01:30' });
  });
  it('jumps from 00:59 to 02:00 on the spring-forward day', () => {
    expect(utcToLondon(Date.parse('2026-03-29T00:59:00Z'))).toEqual({ date: '2026-03-29', time: '00:59' });
    expect(utcToLondon(Date.parse('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', time: '02:00' });
  });
  it('moves to the next day in summer near midnight', () => {
    expect(utcToLondon(Date.parse('2026-06-30T23:30:00Z'))).toEqual({ date: '2026-07-01', time: '00:30' });
    expect(londonOffsetMinutes(Date.parse('2026-06-30T23:30:00Z'))).toBe(60);
    expect(londonOffsetMinutes(Date.parse('2026-12-30T23:30:00Z'))).toBe(0);
  });
});
