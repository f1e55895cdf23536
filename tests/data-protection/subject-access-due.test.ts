import { describe, expect, it } from 'vitest';
import { explainDeadline, extensionProblems, subjectAccessDeadline, subjectAccessStanding, type SubjectAccessDates } from '../../src-main/domain/data-protection/subject-access/due-date';
import { subjectAccessOrderProblems } from '../../src-main/domain/data-protection/subject-access/order';
import { nextSubjectAccessNumber } from '../../src-main/domain/data-protection/subject-access/register';
import { holidays } from '../support/case-fixtures';

/** The deadline of a subject access request (ICO: one calendar month, the clock stopped while waiting). */
const due = (r: SubjectAccessDates) => subjectAccessDeadline(r, holidays)?.due;
const ext = (months: 1 | 2) => ({ months, reason: 'Many cases over ten years', decidedOn: '2026-02-10' });

describe('one calendar month from receipt', () => {
  it.each([
    // The corresponding day, or the month's last day when there is none.
    ['2026-01-31', '2026-03-02', '31 January → 28 February 2026, a Saturday → Monday 2 March'],
    ['2027-01-31', '2027-03-01', '31 January → 28 February 2027, a Sunday → Monday 1 March'],
    ['2028-01-31', '2028-02-29', 'a leap year: 31 January → 29 February (a Tuesday)'],
    ['2028-01-29', '2028-02-29', '29 January → 29 February in a leap year'],
    ['2026-01-29', '2026-03-02', '29 January 2026 → 28 February (no 29th), a Saturday'],
    ['2024-02-29', '2024-04-02', '29 February → 29 March 2024, Good Friday, then Easter Monday → Tuesday 2 April'],
    ['2025-02-28', '2025-03-28', '28 February → 28 March'],
    ['2026-03-31', '2026-04-30', '31 March → 30 April'],
    ['2026-05-31', '2026-06-30', '31 May → 30 June'],
    ['2026-08-31', '2026-09-30', '31 August → 30 September'],
    ['2026-10-31', '2026-11-30', '31 October → 30 November'],
    ['2026-04-30', '2026-06-01', '30 April → 30 May, a Saturday → Monday 1 June'],
    ['2026-06-30', '2026-07-30', '30 June → 30 July, not 31 July'],
    ['2026-12-31', '2027-02-01', '31 December → 31 January 2027, a Sunday → Monday 1 February'],
  ])('received %s → due %s (%s)', (receivedOn, expected) => {
    expect(due({ receivedOn })).toBe(expected);
  });

  it('moves a deadline on a bank holiday to the next working day, and says why', () => {
    // 25 December 2026 is a Friday; Boxing Day falls on the Saturday, so Monday 28th is its substitute.
    const christmas = subjectAccessDeadline({ receivedOn: '2026-11-25' }, holidays)!;
    expect(christmas).toMatchObject({ calendarDue: '2026-12-25', due: '2026-12-29', movedBecause: 'Christmas Day' });
    expect(explainDeadline(christmas)).toBe('One month from 25 November 2026; 25 December 2026 is Christmas Day, a bank holiday, so due the next working day.');
    // Easter Monday 6 April 2026; Good Friday 3 April.
    expect(subjectAccessDeadline({ receivedOn: '2026-03-06' }, holidays)).toMatchObject({ calendarDue: '2026-04-06', due: '2026-04-07', movedBecause: 'Easter Monday' });
    expect(due({ receivedOn: '2026-03-03' })).toBe('2026-04-07');
    expect(explainDeadline(subjectAccessDeadline({ receivedOn: '2026-01-31' }, holidays)!)).toBe('One month from 31 January 2026; 28 February 2026 is a Saturday, so due the next working day.');
  });

  it('is not moved by the clock changes (dates, not instants)', () => {
    // British Summer Time starts Sunday 29 March 2026 and ends Sunday 25 October 2026.
    expect(due({ receivedOn: '2026-02-28' })).toBe('2026-03-30');
    expect(due({ receivedOn: '2026-02-27' })).toBe('2026-03-27');
    expect(due({ receivedOn: '2026-03-29' })).toBe('2026-04-29');
    expect(due({ receivedOn: '2026-09-25' })).toBe('2026-10-26');
    expect(due({ receivedOn: '2026-10-25' })).toBe('2026-11-25');
    expect(due({ receivedOn: '2026-09-26' })).toBe('2026-10-26');
  });

  it('refuses a deadline past the bank-holiday data rather than ignoring holidays', () => {
    expect(() => due({ receivedOn: '2030-12-15' })).toThrow(RangeError);
  });
});

describe('the clock: identity and clarification', () => {
  it('starts when identity is checked, when proof of identity was asked for', () => {
    expect(due({ receivedOn: '2026-03-02', identityAskedOn: '2026-03-02' })).toBeUndefined();
    expect(due({ receivedOn: '2026-03-02', identityAskedOn: '2026-03-02', identityCheckedOn: '2026-03-10' })).toBe('2026-04-10');
    // Identity checked on the spot, without asking: the clock runs from receipt.
    expect(due({ receivedOn: '2026-03-02', identityCheckedOn: '2026-03-02' })).toBe('2026-04-02');
    // Identity checked on 31 January: the month rule applies to the new start.
    expect(due({ receivedOn: '2028-01-20', identityAskedOn: '2028-01-20', identityCheckedOn: '2028-01-31' })).toBe('2028-02-29');
  });

  it('stops while waiting for clarification and adds the days back', () => {
    expect(due({ receivedOn: '2026-03-02', clarificationAskedOn: '2026-03-05' })).toBeUndefined();
    const d = subjectAccessDeadline({ receivedOn: '2026-03-02', clarificationAskedOn: '2026-03-05', clarificationReceivedOn: '2026-03-12' }, holidays)!;
    expect(d).toMatchObject({ pausedDays: 7, originalDue: '2026-04-09', due: '2026-04-09' });
    expect(explainDeadline(d)).toBe('One month from 2 March 2026, 7 days added while waiting for clarification.');
    // Asked and answered the same day: no time lost.
    expect(due({ receivedOn: '2026-03-02', clarificationAskedOn: '2026-03-05', clarificationReceivedOn: '2026-03-05' })).toBe('2026-04-02');
    // A pause from 31 January: 28 February + 3 days, counted in days (not months) after the month.
    expect(due({ receivedOn: '2026-01-31', clarificationAskedOn: '2026-02-02', clarificationReceivedOn: '2026-02-05' })).toBe('2026-03-03');
  });

  it('stops and restarts twice, every pause counted', () => {
    const twice: SubjectAccessDates = {
      receivedOn: '2026-03-02',
      earlierClarifications: [{ askedOn: '2026-03-05', receivedOn: '2026-03-12' }],
      clarificationAskedOn: '2026-03-20',
    };
    expect(due(twice)).toBeUndefined();
    expect(subjectAccessStanding(twice, '2026-03-21', holidays).status).toBe('awaiting-clarification');
    // 7 + 3 days: 2 April + 10 = Sunday 12 April → Monday 13 April.
    expect(subjectAccessDeadline({ ...twice, clarificationReceivedOn: '2026-03-23' }, holidays)).toMatchObject({ pausedDays: 10, calendarDue: '2026-04-12', due: '2026-04-13' });
  });

  it('counts identity first, then clarification', () => {
    // Clock from 10 March; stopped 12–16 March: 10 April + 4 days = Tuesday 14 April.
    const r: SubjectAccessDates = { receivedOn: '2026-03-02', identityAskedOn: '2026-03-02', identityCheckedOn: '2026-03-10', clarificationAskedOn: '2026-03-12', clarificationReceivedOn: '2026-03-16' };
    expect(subjectAccessDeadline(r, holidays)).toMatchObject({ clockStartsOn: '2026-03-10', pausedDays: 4, due: '2026-04-14' });
    // A question answered before the clock started stopped nothing; one overlapping the start counts from the start.
    expect(due({ ...r, clarificationAskedOn: '2026-03-03', clarificationReceivedOn: '2026-03-06' })).toBe('2026-04-10');
    expect(subjectAccessDeadline({ ...r, clarificationAskedOn: '2026-03-05', clarificationReceivedOn: '2026-03-12' }, holidays)).toMatchObject({ pausedDays: 2, due: '2026-04-13' });
  });
});

describe('extensions', () => {
  it('adds one or two months to the original deadline by the same month rule, then moves off a weekend', () => {
    // Original deadline 28 February 2026 (a Saturday; the extension counts from the calendar date).
    expect(subjectAccessDeadline({ receivedOn: '2026-01-31', extension: ext(1) }, holidays)).toMatchObject({ originalDue: '2026-02-28', calendarDue: '2026-03-28', due: '2026-03-30', movedBecause: 'Saturday' });
    expect(due({ receivedOn: '2026-01-31', extension: ext(2) })).toBe('2026-04-28');
    // Leap year: 29 February 2028 → 29 March; → 29 April 2028 (Saturday), Monday 1 May is Early May bank holiday → 2 May.
    expect(due({ receivedOn: '2028-01-31', extension: ext(1) })).toBe('2028-03-29');
    expect(due({ receivedOn: '2028-01-31', extension: ext(2) })).toBe('2028-05-02');
    // From 31 March: 30 April → 30 May (Saturday), bank holiday not in the way → 1 June; → 30 June.
    expect(due({ receivedOn: '2026-03-31', extension: ext(1) })).toBe('2026-06-01');
    expect(due({ receivedOn: '2026-03-31', extension: ext(2) })).toBe('2026-06-30');
    expect(explainDeadline(subjectAccessDeadline({ receivedOn: '2026-01-31', extension: ext(2) }, holidays)!, 2)).toBe(
      'One month from 31 January 2026, extended by 2 months from 28 February 2026.',
    );
  });

  it('is decided within the first month, on the deadline at the latest', () => {
    // Received 31 January 2026: due Monday 2 March (28 February is a Saturday).
    const r = (decidedOn: string) => ({ receivedOn: '2026-01-31', extension: { ...ext(1), decidedOn } });
    expect(extensionProblems(r('2026-03-02'), holidays)).toEqual([]);
    expect(extensionProblems(r('2026-03-03'), holidays)).toEqual([
      { path: 'extension.decidedOn', message: '3 March 2026 is after the request was due (2 March 2026): an extension is decided, and the requester told, within the first month' },
    ]);
    expect(extensionProblems({ receivedOn: '2026-01-31' }, holidays)).toEqual([]);
  });

  it('extends the deadline after the pauses', () => {
    expect(due({ receivedOn: '2026-03-02', clarificationAskedOn: '2026-03-05', clarificationReceivedOn: '2026-03-12', extension: ext(1) })).toBe('2026-05-11');
  });
});

describe('status', () => {
  const r: SubjectAccessDates = { receivedOn: '2026-03-02' }; // due Thursday 2 April 2026
  const at = (day: string, x: SubjectAccessDates = r) => subjectAccessStanding(x, day, holidays);

  it('is in progress, due soon from 7 days before, overdue from the day after', () => {
    expect(at('2026-03-25')).toMatchObject({ status: 'in-progress', daysLeft: 8, late: false });
    expect(at('2026-03-26')).toMatchObject({ status: 'due-soon', daysLeft: 7 });
    expect(at('2026-04-02')).toMatchObject({ status: 'due-soon', daysLeft: 0, late: false });
    expect(at('2026-04-03')).toMatchObject({ status: 'overdue', daysLeft: -1, late: true });
  });

  it('shows waiting for identity or clarification, with no deadline running', () => {
    expect(at('2026-03-25', { ...r, identityAskedOn: '2026-03-02' })).toEqual({ status: 'awaiting-identity', late: false });
    expect(at('2026-03-25', { ...r, clarificationAskedOn: '2026-03-03' })).toEqual({ status: 'awaiting-clarification', late: false });
  });

  it('shows an extension as extended until it is due soon', () => {
    const x = { ...r, extension: ext(1) }; // due Saturday 2 May → Tuesday 5 May (Monday 4 May is a bank holiday)
    expect(at('2026-04-20', x)).toMatchObject({ status: 'extended', daysLeft: 15 });
    expect(at('2026-04-28', x)).toMatchObject({ status: 'due-soon' });
    expect(at('2026-05-06', x)).toMatchObject({ status: 'overdue' });
  });

  it('is completed (late when after the deadline) or closed without a bundle', () => {
    expect(at('2026-05-01', { ...r, completedOn: '2026-04-02' })).toMatchObject({ status: 'completed', late: false });
    expect(at('2026-05-01', { ...r, completedOn: '2026-04-03' })).toMatchObject({ status: 'completed', late: true });
    expect(at('2026-05-01', { ...r, closedWithoutBundleOn: '2026-03-10' })).toMatchObject({ status: 'closed', late: false });
    expect(at('2026-05-01', { ...r, identityAskedOn: '2026-03-02', closedWithoutBundleOn: '2026-04-10' })).toEqual({ status: 'closed', late: false });
  });
});

describe('dates in order', () => {
  const paths = (r: Parameters<typeof subjectAccessOrderProblems>[0], today?: string) => subjectAccessOrderProblems(r, today).map((p) => p.path);

  it('accepts a request whose steps follow each other, same days included', () => {
    expect(
      subjectAccessOrderProblems({
        receivedOn: '2026-03-02',
        identityAskedOn: '2026-03-02',
        identityCheckedOn: '2026-03-02',
        clarificationAskedOn: '2026-03-05',
        clarificationReceivedOn: '2026-03-05',
        extension: { ...ext(1), decidedOn: '2026-03-20' },
        completedOn: '2026-04-30',
      }, '2026-04-30'),
    ).toEqual([]);
  });

  it('puts each problem on the field to fix', () => {
    expect(subjectAccessOrderProblems({ receivedOn: '2026-03-02', identityAskedOn: '2026-03-04', identityCheckedOn: '2026-03-03' })).toEqual([
      { path: 'identityCheckedOn', message: '3 March 2026 is before 4 March 2026, the day proof of identity was asked for: enter the day identity was checked' },
    ]);
    expect(paths({ receivedOn: '2026-03-02', identityAskedOn: '2026-03-01' })).toEqual(['identityAskedOn']);
    expect(paths({ receivedOn: '2026-03-02', identityCheckedOn: '2026-03-01' })).toEqual(['identityCheckedOn']);
    expect(paths({ receivedOn: '2026-03-02', clarificationReceivedOn: '2026-03-03' })).toEqual(['clarificationAskedOn']);
    expect(paths({ receivedOn: '2026-03-02', clarificationAskedOn: '2026-03-05', clarificationReceivedOn: '2026-03-04' })).toEqual(['clarificationReceivedOn']);
    expect(paths({ receivedOn: '2026-03-02', completedOn: '2026-03-01' })).toEqual(['completedOn']);
    expect(paths({ receivedOn: '2026-03-02', closedWithoutBundleOn: '2026-03-01' })).toEqual(['closedWithoutBundleOn']);
    expect(paths({ receivedOn: '2026-03-02', extension: { ...ext(1), decidedOn: '2026-03-01' } })).toEqual(['extension.decidedOn']);
    expect(paths({ receivedOn: '2026-03-02', completedOn: '2026-03-10', closedWithoutBundleOn: '2026-03-10' })).toEqual(['closedWithoutBundleOn']);
    expect(paths({ receivedOn: '2026-03-02', dateOfBirth: '2026-03-03' })).toEqual(['dateOfBirth']);
  });

  it('will not complete a request before identity is checked, when proof was asked for', () => {
    expect(paths({ receivedOn: '2026-03-02', identityAskedOn: '2026-03-02', completedOn: '2026-03-20' })).toEqual(['identityCheckedOn']);
    expect(paths({ receivedOn: '2026-03-02', identityAskedOn: '2026-03-02', identityCheckedOn: '2026-03-10', completedOn: '2026-03-09' })).toEqual(['completedOn']);
  });

  it('checks a second clarification comes after the first was answered', () => {
    const earlierClarifications = [{ askedOn: '2026-03-05', receivedOn: '2026-03-12' }];
    expect(paths({ receivedOn: '2026-03-02', earlierClarifications, clarificationAskedOn: '2026-03-12' })).toEqual([]);
    expect(paths({ receivedOn: '2026-03-02', earlierClarifications, clarificationAskedOn: '2026-03-11' })).toEqual(['clarificationAskedOn']);
    expect(paths({ receivedOn: '2026-03-02', earlierClarifications: [{ askedOn: '2026-03-05', receivedOn: '2026-03-04' }] })).toEqual(['earlierClarifications.0']);
  });

  it('refuses dates in the future, given today', () => {
    expect(subjectAccessOrderProblems({ receivedOn: '2026-03-17' }, '2026-03-16')).toEqual([{ path: 'receivedOn', message: '17 March 2026 is in the future: enter the day the request was received' }]);
    expect(paths({ receivedOn: '2026-03-02', completedOn: '2026-03-17', extension: { ...ext(1), decidedOn: '2026-03-20' } }, '2026-03-16')).toEqual(['extension.decidedOn', 'completedOn']);
    expect(paths({ receivedOn: '2026-03-16' }, '2026-03-16')).toEqual([]);
  });
});

describe('numbers', () => {
  it('counts up within the year the request was received', () => {
    const reg = { requests: [{ id: 'sar_aaaaaaaaaa', number: 'SAR-2026-0002', receivedOn: '2026-01-02', name: 'A B' }, { id: 'sar_bbbbbbbbbb', receivedOn: '2025-12-30', name: 'C D' }] };
    expect(nextSubjectAccessNumber(reg, '2026-03-01')).toBe('SAR-2026-0003');
    expect(nextSubjectAccessNumber(reg, '2027-01-01')).toBe('SAR-2027-0001');
    expect(nextSubjectAccessNumber({ requests: [] }, '2026-03-01')).toBe('SAR-2026-0001');
  });
});
