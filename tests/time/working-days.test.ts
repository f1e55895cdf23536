import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFrom, easterSunday, loadBankHolidays, standardBankHolidays } from '../../src-main/domain/time/bank-holidays';
import { addDays, dayOfWeek } from '../../src-main/domain/time/dates';
import { addWorkingDays, explainDue, HolidayDataRangeError, isWorkingDay, nextWorkingDay, workingDaysBetween } from '../../src-main/domain/time/working-days';
import { HOLIDAY_FILE, holidays, read } from '../support/case-fixtures';

const raw = JSON.parse(read(HOLIDAY_FILE)) as { events: { date: string; title: string }[] };
const dates = (y: number) => raw.events.filter((e) => e.date.startsWith(`${y}-`)).map((e) => e.date);

describe('bank-holiday data for England and Wales', () => {
  it('loads and covers 2015 to 2030', () => {
    expect(holidays.firstYear).toBe(2015);
    expect(holidays.lastYear).toBe(2030);
    expect(holidays.dates.size).toBe(131);
  });

  it('has the one-off holidays and moves', () => {
    expect(dates(2020)).toContain('2020-05-08');
    expect(dates(2020)).not.toContain('2020-05-04');
    expect(dates(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(dates(2022)).not.toContain('2022-05-30');
    expect(dates(2023)).toContain('2023-05-08');
    expect(holidays.titles.get('2023-05-08')).toMatch(/coronation/i);
  });

  it('has the substitute days', () => {
    expect(dates(2015)).toContain('2015-12-28'); // Boxing Day on a Saturday
    expect(dates(2016)).toEqual(expect.arrayContaining(['2016-12-26', '2016-12-27'])); // Christmas on a Sunday
    expect(dates(2017)).toContain('2017-01-02'); // New Year on a Sunday
    expect(dates(2021)).toEqual(expect.arrayContaining(['2021-12-27', '2021-12-28'])); // Christmas on a Saturday
    expect(dates(2022)).toContain('2022-01-03'); // New Year on a Saturday
    expect(dates(2027)).toEqual(expect.arrayContaining(['2027-12-27', '2027-12-28']));
    expect(dates(2028)).toContain('2028-01-03');
    expect(holidays.titles.get('2026-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('matches the standing rules in every year except the announced one-off changes', () => {
    const oneOff: Record<number, { add: string[]; drop: string[] }> = {
      2020: { add: ['2020-05-08'], drop: ['2020-05-04'] },
      2022: { add: ['2022-06-02', '2022-06-03', '2022-09-19'], drop: ['2022-05-30'] },
      2023: { add: ['2023-05-08'], drop: [] },
    };
    for (let y = 2015; y <= 2030; y++) {
      const std = standardBankHolidays(y).map((e) => e.date);
      const change = oneOff[y] ?? { add: [], drop: [] };
      const expected = [...std.filter((d) => !change.drop.includes(d)), ...change.add].sort();
      expect(dates(y), String(y)).toEqual(expected);
    }
  });

  it('computes Easter', () => {
    const known: Record<number, string> = { 2015: '2015-04-05', 2019: '2019-04-21', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2029: '2029-04-01', 2030: '2030-04-21', 2038: '2038-04-25', 2285: '2285-03-22' };
    for (const [y, d] of Object.entries(known)) expect(easterSunday(Number(y))).toBe(d);
  });

  it('never lists a weekend', () => {
    for (const d of holidays.dates) expect([0, 6]).not.toContain(dayOfWeek(d));
  });
});

describe('the bank-holiday loader refuses bad files with a clear message', () => {
  const good = () => JSON.parse(read(HOLIDAY_FILE)) as Record<string, unknown> & { events: Record<string, unknown>[] };
  const fails = (json: unknown) => {
    const r = loadBankHolidays(json, HOLIDAY_FILE);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.message;
  };

  it('names the file and the place', () => {
    const f = good();
    f.events[3] = { ...f.events[3], date: '2015-05-31' };
    const msg = fails(f);
    expect(msg).toMatch(/^resources\/bank-holidays\/england-and-wales\.json \(events\[3\]\.date\): 2015-05-31 is a Sunday/);
  });

  it.each([
    ['not JSON data', null, /object/i],
    ['an array', [], /object/i],
    ['an unknown field', { ...good(), holidays: [] }, /unknown field "holidays"/],
    ['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}}'), /"__proto__" is not allowed/],
    ['dates out of order', (() => { const f = good(); [f.events[0], f.events[1]] = [f.events[1]!, f.events[0]!]; return f; })(), /out of order/],
    ['a duplicate', (() => { const f = good(); f.events.splice(1, 0, f.events[1]!); return f; })(), /listed twice/],
    ['31 February', (() => { const f = good(); f.events[0] = { date: '2015-02-31', title: 'x' }; return f; })(), /real date/],
    ['a missing year', { ...good(), events: good().events.filter((e) => !String(e.date).startsWith('2019')) }, /2019 has 0 bank holidays/],
    ['a year outside the range', { ...good(), lastYear: 2029 }, /outside 2015–2029/],
    ['a missing title', (() => { const f = good(); delete f.events[2]!.title; return f; })(), /"title" is missing/],
    ['the wrong division', { ...good(), division: 'scotland' }, /england-and-wales/],
  ])('refuses %s', (_, json, pattern) => expect(fails(json)).toMatch(pattern));
});

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-03-13', 1, holidays)).toBe('2026-03-16'); // Friday → Monday
    expect(addWorkingDays('2026-03-14', 2, holidays)).toBe('2026-03-17'); // Saturday → Tuesday
    expect(addWorkingDays('2026-03-16', 0, holidays)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-16', -1, holidays)).toBe('2026-03-13');
  });

  it('skips Easter', () => {
    // Thursday 2 April 2026; Good Friday 3rd and Easter Monday 6th are bank holidays.
    expect(addWorkingDays('2026-04-02', 1, holidays)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-02', 5, holidays)).toBe('2026-04-13');
    expect(workingDaysBetween('2026-04-02', '2026-04-07', holidays)).toBe(1);
    expect(explainDue('2026-04-02', '2026-04-07', holidays)).toBe('7 April 2026 (skipping Good Friday, Easter Monday)');
  });

  it('skips Christmas and the substitute days', () => {
    expect(addWorkingDays('2026-12-24', 1, holidays)).toBe('2026-12-29'); // 25th Fri, 28th Mon substitute
    expect(addWorkingDays('2027-12-24', 1, holidays)).toBe('2027-12-29'); // 27th and 28th substitutes
    expect(addWorkingDays('2027-12-31', 1, holidays)).toBe('2028-01-04'); // New Year substitute Monday 3rd
    expect(isWorkingDay('2022-06-03', holidays)).toBe(false);
    expect(isWorkingDay('2022-09-19', holidays)).toBe(false);
    expect(nextWorkingDay('2022-06-02', holidays)).toBe('2022-06-06');
  });

  it('counts leap days as ordinary working days', () => {
    expect(addWorkingDays('2024-02-28', 1, holidays)).toBe('2024-02-29');
    expect(addWorkingDays('2028-02-28', 1, holidays)).toBe('2028-02-29');
    expect(addWorkingDays('2028-02-25', 2, holidays)).toBe('2028-02-29');
    expect(workingDaysBetween('2024-02-26', '2024-03-04', holidays)).toBe(5);
  });

  it('is unaffected by clock-change weekends', () => {
    expect(addWorkingDays('2026-03-27', 1, holidays)).toBe('2026-03-30');
    expect(addWorkingDays('2026-10-23', 1, holidays)).toBe('2026-10-26');
    expect(workingDaysBetween('2026-03-27', '2026-03-30', holidays)).toBe(1);
  });

  it('refuses dates outside the holiday data rather than guessing', () => {
    expect(() => addWorkingDays('2030-12-31', 1, holidays)).toThrow(HolidayDataRangeError);
    expect(() => addWorkingDays('2030-12-31', 1, holidays)).toThrow(/add 2031 to resources\/bank-holidays/);
    expect(() => isWorkingDay('2014-06-02', holidays)).toThrow(/covers 2015–2030/);
    expect(() => addWorkingDays('2026-02-31', 1, holidays)).toThrow(/Not a real date/);
    expect(() => addWorkingDays('2026-03-16', 1.5, holidays)).toThrow(/whole number/);
  });

  it('agrees with itself: adding the days between two dates lands on the later one', () => {
    const day = fc.integer({ min: 0, max: 5_600 }).map((n) => addDays('2015-01-02', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (a, n) => {
        const b = addWorkingDays(a, n, holidays);
        expect(workingDaysBetween(a, b, holidays)).toBe(n);
        expect(isWorkingDay(b, holidays) || n === 0).toBe(true);
        expect(workingDaysBetween(b, a, holidays)).toBe(0 - n);
      }),
      { numRuns: 300 },
    );
  });

  it('works with any calendar built from data, like a new year pasted from gov.uk', () => {
    const cal = calendarFrom({ firstYear: 2031, lastYear: 2031, events: standardBankHolidays(2031) });
    expect(addWorkingDays('2031-04-10', 1, cal)).toBe('2031-04-15'); // Easter 2031 is 13 April
  });
});
