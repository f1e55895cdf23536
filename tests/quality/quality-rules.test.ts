import { describe, expect, it } from 'vitest';
import { acknowledgeBy, complaintFigures, complaintStatus, type Complaint } from '../../src-main/domain/quality/complaints';
import { documentTypeOf, IndicatorSchema, reviewStatus } from '../../src-main/domain/quality/policies';
import { holidays } from '../support/case-fixtures';

describe('a policy review', () => {
  it('is due soon on the review day itself and overdue from the day after', () => {
    expect(reviewStatus('2026-03-16', '2026-03-16', 28)).toBe('due-soon');
    expect(reviewStatus('2026-03-16', '2026-03-17', 28)).toBe('overdue');
  });

  it('is due soon exactly dueSoonDays before, and current the day before that', () => {
    expect(reviewStatus('2026-04-13', '2026-03-16', 28)).toBe('due-soon');
    expect(reviewStatus('2026-04-14', '2026-03-16', 28)).toBe('current');
  });

  it('counts across a leap day: 29 February is a real review day', () => {
    expect(reviewStatus('2028-02-29', '2028-02-01', 28)).toBe('due-soon');
    expect(reviewStatus('2028-02-29', '2028-01-31', 28)).toBe('current');
    expect(reviewStatus('2028-02-29', '2028-02-29', 28)).toBe('due-soon');
    expect(reviewStatus('2028-02-29', '2028-03-01', 28)).toBe('overdue');
  });

  it('with no due-soon window is current until the day itself', () => {
    expect(reviewStatus('2026-03-16', '2026-03-15', 0)).toBe('current');
    expect(reviewStatus('2026-03-16', '2026-03-16', 0)).toBe('due-soon');
  });
});

describe('RJC indicators', () => {
  it.each(['2.1', '6.5', '10.12'])('accepts %s', (i) => expect(IndicatorSchema.safeParse(i).success).toBe(true));
  it.each(['2', '2.', '.1', '0.1', '2.0', '2.1.3', 'two', '<script>alert(1)</script>', '2.1 '.repeat(5)])('refuses %j', (i) => expect(IndicatorSchema.safeParse(i).success).toBe(false));
});

describe('a policy document', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n...');
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]);
  it('is a PDF or a DOCX by its name and its first bytes', () => {
    expect(documentTypeOf('Safeguarding v3.pdf', pdf)).toBe('application/pdf');
    expect(documentTypeOf('policy.DOCX', zip)).toMatch(/wordprocessingml/);
  });
  it('is refused when the name and the content disagree, or it is another kind of file', () => {
    expect(documentTypeOf('policy.pdf', zip)).toBeUndefined();
    expect(documentTypeOf('policy.docx', pdf)).toBeUndefined();
    expect(documentTypeOf('policy.txt', pdf)).toBeUndefined();
    expect(documentTypeOf('policy.xlsx', zip)).toBeUndefined();
  });
});

describe('a complaint’s acknowledgement', () => {
  it('is due 10 working days after receipt, bank holidays left out (Easter 2026)', () => {
    // Thursday 26 March; Good Friday (3 April) and Easter Monday (6 April) are not counted.
    expect(acknowledgeBy('2026-03-26', holidays)).toBe('2026-04-13');
  });
  it('counts from the next working day when received at the weekend', () => {
    expect(acknowledgeBy('2026-03-14', holidays)).toBe('2026-03-27');
  });
  it('counts over a leap day', () => {
    expect(acknowledgeBy('2028-02-28', holidays)).toBe('2028-03-13');
  });

  const due = '2026-03-27';
  it('acknowledged on the deadline is on time; the day after is late, and stays late once closed', () => {
    expect(complaintStatus({ acknowledgedOn: due }, due, '2026-04-30')).toEqual({ status: 'acknowledged', late: false });
    expect(complaintStatus({ acknowledgedOn: '2026-03-30' }, due, '2026-04-30')).toEqual({ status: 'acknowledged', late: true });
    expect(complaintStatus({ acknowledgedOn: '2026-03-30', closedOn: '2026-04-01' }, due, '2026-04-30')).toEqual({ status: 'closed', late: true });
  });
  it('not acknowledged is due up to and including the deadline, overdue (and late) after it', () => {
    expect(complaintStatus({}, due, due)).toEqual({ status: 'due', late: false });
    expect(complaintStatus({}, due, '2026-03-28')).toEqual({ status: 'overdue', late: true });
  });
});

describe('complaints in the figures', () => {
  const c = (id: string, receivedOn: string, acknowledgedOn?: string): Complaint => ({ id: `cmp_${id.padEnd(10, '0')}`, receivedOn, from: 'harmed', about: 'x', ...(acknowledgedOn ? { acknowledgedOn } : {}) });
  it('counts by the day received, the first and last day of the period included, and those acknowledged late', () => {
    const log = {
      complaints: [
        c('a', '2026-03-31'), // before the period
        c('b', '2026-04-01', '2026-04-02'), // first day, on time
        c('c', '2026-04-01', '2026-04-30'), // first day, late
        c('d', '2026-06-30'), // last day, not yet due on the day counted
        c('e', '2026-05-01'), // not acknowledged and past its deadline: late
        c('f', '2026-07-01'), // after the period
      ],
    };
    expect(complaintFigures(log, { from: '2026-04-01', to: '2026-06-30' }, '2026-07-01', holidays)).toEqual({ received: 4, acknowledgedLate: 2 });
  });
});
