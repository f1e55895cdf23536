import { z } from 'zod';
import { addDays, dateField, dayOfWeek, isCalendarDate, makeDate } from './dates';
import { checkTemplateData, type TemplateResult } from '../shared/template-file';

/**
 * Bank holidays for England and Wales, as data (resources/bank-holidays/england-and-wales.json)
 * because one-off holidays are announced by proclamation: the 2020 VE-day move, the 2022
 * Platinum Jubilee and State Funeral, the 2023 coronation. Events use the same fields as the
 * gov.uk feed (https://www.gov.uk/bank-holidays.json), so a new year can be pasted in.
 */
export const BankHolidayEventSchema = z.strictObject({
  date: dateField('date'),
  title: z.string({ error: 'title must be text' }).trim().min(1, { error: 'give the holiday a title' }).max(200),
  notes: z.string().max(200).optional(),
  bunting: z.boolean().optional(),
});

export const BankHolidayFileSchema = z
  .strictObject({
    division: z.literal('england-and-wales', { error: 'division must be "england-and-wales"' }),
    source: z.string().max(500).optional(),
    /** The years the file is complete for; dates outside them are refused by the calculator. */
    firstYear: z.number({ error: 'firstYear must be a year' }).int().min(1900).max(2200),
    lastYear: z.number({ error: 'lastYear must be a year' }).int().min(1900).max(2200),
    events: z.array(BankHolidayEventSchema).max(5_000),
  })
  .superRefine((f, ctx) => {
    if (f.lastYear < f.firstYear) ctx.addIssue({ code: 'custom', path: ['lastYear'], message: 'lastYear is before firstYear' });
    const perYear = new Map<number, number>();
    f.events.forEach((e, i) => {
      if (!isCalendarDate(e.date)) return; // already reported by the date field
      const prev = f.events[i - 1];
      if (prev && e.date === prev.date) ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is listed twice` });
      else if (prev && e.date < prev.date) ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is out of order: list the dates from earliest to latest` });
      const y = Number(e.date.slice(0, 4));
      if (y < f.firstYear || y > f.lastYear) ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is outside ${f.firstYear}–${f.lastYear}; change firstYear or lastYear` });
      // A bank holiday that falls at a weekend is replaced by a substitute weekday, so a
      // weekend date here is a typing mistake.
      const dow = dayOfWeek(e.date);
      if (dow === 0 || dow === 6) ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is a ${dow === 0 ? 'Sunday' : 'Saturday'}; list the substitute weekday instead` });
      perYear.set(y, (perYear.get(y) ?? 0) + 1);
    });
    // England and Wales have had eight bank holidays a year since 1978; fewer means a year is incomplete.
    for (let y = f.firstYear; y <= f.lastYear; y++) {
      const n = perYear.get(y) ?? 0;
      if (n < 8) ctx.addIssue({ code: 'custom', path: ['events'], message: `${y} has ${n} bank holidays; every year has at least 8, so the list for ${y} is incomplete` });
    }
  });
export type BankHolidayFile = z.infer<typeof BankHolidayFileSchema>;

/** What the working-day calculator needs: the holidays and the years they are complete for. */
export interface HolidayCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly dates: ReadonlySet<string>;
  readonly titles: ReadonlyMap<string, string>;
}

export function calendarFrom(file: Pick<BankHolidayFile, 'firstYear' | 'lastYear' | 'events'>): HolidayCalendar {
  return {
    firstYear: file.firstYear,
    lastYear: file.lastYear,
    dates: new Set(file.events.map((e) => e.date)),
    titles: new Map(file.events.map((e) => [e.date, e.notes ? `${e.title} (${e.notes.toLowerCase()})` : e.title])),
  };
}

/** Validate the parsed JSON of the bank-holiday file; `file` names it in any error. */
export function loadBankHolidays(json: unknown, file: string): TemplateResult<HolidayCalendar> {
  const r = checkTemplateData(json, file, BankHolidayFileSchema);
  return r.ok ? { ok: true, value: calendarFrom(r.value) } : r;
}

// ── The standing rules, for checking the data and adding future years ─────────────────

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDate(year, month, day);
}

function firstMonday(y: number, m: number): string {
  const first = makeDate(y, m, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(y: number, m: number): string {
  const nextFirst = m === 12 ? makeDate(y + 1, 1, 1) : makeDate(y, m + 1, 1);
  const last = addDays(nextFirst, -1);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

export interface BankHolidayEvent {
  date: string;
  title: string;
  notes?: string;
}

/**
 * The eight regular bank holidays of a year under the Banking and Financial Dealings Act 1971
 * and the usual royal proclamations, with substitute days when New Year's Day, Christmas Day
 * or Boxing Day fall at a weekend. One-off changes are not included: they are in the data.
 */
export function standardBankHolidays(year: number): BankHolidayEvent[] {
  const out: BankHolidayEvent[] = [];
  const sub = { notes: 'Substitute day' };
  const newYear = makeDate(year, 1, 1);
  const ny = dayOfWeek(newYear);
  out.push(ny === 6 ? { date: makeDate(year, 1, 3), title: 'New Year’s Day', ...sub } : ny === 0 ? { date: makeDate(year, 1, 2), title: 'New Year’s Day', ...sub } : { date: newYear, title: 'New Year’s Day' });
  const easter = easterSunday(year);
  out.push({ date: addDays(easter, -2), title: 'Good Friday' }, { date: addDays(easter, 1), title: 'Easter Monday' });
  out.push({ date: firstMonday(year, 5), title: 'Early May bank holiday' });
  out.push({ date: lastMonday(year, 5), title: 'Spring bank holiday' });
  out.push({ date: lastMonday(year, 8), title: 'Summer bank holiday' });
  const christmas = makeDate(year, 12, 25);
  switch (dayOfWeek(christmas)) {
    case 5: // Friday: Boxing Day falls on Saturday, substitute Monday 28th
      out.push({ date: christmas, title: 'Christmas Day' }, { date: makeDate(year, 12, 28), title: 'Boxing Day', ...sub });
      break;
    case 6: // Saturday: both move, to Monday 27th and Tuesday 28th
      out.push({ date: makeDate(year, 12, 27), title: 'Christmas Day', ...sub }, { date: makeDate(year, 12, 28), title: 'Boxing Day', ...sub });
      break;
    case 0: // Sunday: Boxing Day on Monday 26th, Christmas substitute Tuesday 27th
      out.push({ date: makeDate(year, 12, 26), title: 'Boxing Day' }, { date: makeDate(year, 12, 27), title: 'Christmas Day', ...sub });
      break;
    default:
      out.push({ date: christmas, title: 'Christmas Day' }, { date: makeDate(year, 12, 26), title: 'Boxing Day' });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}
