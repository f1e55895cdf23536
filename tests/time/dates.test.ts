import { describe, expect, it } from 'vitest';
import { ageOn, birthdayAt, isUnder18 } from '../../src-main/domain/shared/age';
import { addDays, dateField, dayOfWeek, daysBetween, formatDate, isCalendarDate, londonDate } from '../../src-main/domain/time/dates';
import { fold } from '../../src-main/domain/shared/fold';

describe('calendar dates', () => {
  it('accepts real dates, leap days included, and refuses impossible ones', () => {
    for (const d of ['2024-02-29', '2028-02-29', '2000-02-29', '2026-12-31', '1900-01-01']) expect(isCalendarDate(d)).toBe(true);
    for (const d of ['2026-02-31', '2023-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-1', '20260101', '', ' 2026-01-01', 42, null]) expect(isCalendarDate(d)).toBe(false);
  });

  it('does arithmetic on days, across leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(dayOfWeek('2026-03-16')).toBe(1);
    expect(dayOfWeek('2024-02-29')).toBe(4);
  });

  it('knows the date in England and Wales across the clock changes', () => {
    // BST starts 01:00 UTC on Sunday 29 March 2026 and ends 01:00 UTC on Sunday 25 October 2026.
    expect(londonDate('2026-03-28T23:30:00Z')).toBe('2026-03-28');
    expect(londonDate('2026-03-29T00:59:59Z')).toBe('2026-03-29');
    expect(londonDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(londonDate('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(londonDate('2026-10-25T00:59:00Z')).toBe('2026-10-25');
    expect(londonDate('2026-10-25T23:30:00Z')).toBe('2026-10-25');
    expect(londonDate('2026-12-31T23:59:59Z')).toBe('2026-12-31');
    expect(() => londonDate('not a time')).toThrow(RangeError);
  });

  it('formats dates the UK way', () => {
    expect(formatDate('2026-03-14')).toBe('14 March 2026');
    expect(formatDate('2024-02-29')).toBe('29 February 2024');
  });

  it('gives a field schema with a message saying what to type', () => {
    const f = dateField('Date of birth');
    expect(f.safeParse('2024-02-29').success).toBe(true);
    const bad = f.safeParse('2026-02-31');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues).toHaveLength(1);
    expect(bad.error?.issues[0]?.message).toMatch(/Date of birth: enter a real date as YYYY-MM-DD/);
    expect(f.safeParse('1899-12-31').error?.issues[0]?.message).toMatch(/after 1900/);
    expect(f.safeParse(20260101).error?.issues[0]?.message).toMatch(/must be a date/);
  });
});

describe('age', () => {
  it('counts a 29 February birthday as 1 March in common years', () => {
    expect(birthdayAt('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayAt('2008-02-29', 16)).toBe('2024-02-29');
    expect(isUnder18('2008-02-29', '2026-02-28')).toBe(true);
    expect(isUnder18('2008-02-29', '2026-03-01')).toBe(false);
    expect(isUnder18('2010-02-28', '2028-02-27')).toBe(true);
    expect(isUnder18('2010-02-28', '2028-02-28')).toBe(false);
    expect(ageOn('2012-02-29', '2028-02-29')).toBe(16);
    expect(ageOn('2012-02-29', '2028-02-28')).toBe(15);
  });

  it('turns 18 on the birthday itself', () => {
    expect(isUnder18('2008-03-16', '2026-03-15')).toBe(true);
    expect(isUnder18('2008-03-16', '2026-03-16')).toBe(false);
  });

  it('does not guess when the date of birth is unknown or impossible', () => {
    expect(isUnder18(undefined, '2026-03-16')).toBe(false);
    expect(isUnder18('2026-02-31', '2026-03-16')).toBe(false);
    expect(ageOn('2030-01-01', '2026-03-16')).toBeUndefined();
  });
});

describe('folding for search', () => {
  it.each([
    ['Siân', 'sian'],
    ['ŁUKASZ', 'lukasz'],
    ['Şükrü', 'sukru'],
    ['Nguyễn', 'nguyen'],
    ['Zoë', 'zoe'],
    ['Søren Ødegård', 'soren odegard'],
    ['Straße', 'strasse'],
    ['O’Connor', "o'connor"],
    ['  Mary   Ann  ', 'mary ann'],
  ])('%s folds to %s', (a, b) => expect(fold(a)).toBe(b));

  it('folds Greek and Cyrillic consistently, accents and final sigma included', () => {
    expect(fold('Αλέξανδρος')).toBe(fold('ΑΛΕΞΑΝΔΡΟΣ'));
    expect(fold('Αλέξανδρος')).toBe(fold('αλεξανδροσ'));
    expect(fold('Алексей')).toBe(fold('АЛЕКСЕЙ'));
    expect(fold('Алексей')).not.toBe(fold('Alexei'));
  });
});
