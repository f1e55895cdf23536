import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXITS, STAGES } from '../../src-main/domain/cases/case';
import { addDays, daysBetween } from '../../src-main/domain/time/dates';
import { csvCell } from '../../src-main/domain/shared/csv';
import { computeFigures, figuresToCsv, type FiguresCase } from '../../src-main/domain/figures/figures';

/**
 * Properties of the figures over random caseloads: totals agree with their breakdowns, counts
 * over two adjacent periods add up to the count over both, medians and shares stay in range,
 * and the CSV always parses back (RFC 4180) to the cells written, with formulas defused.
 */
const START = '2026-01-01';
const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays(START, n));
const maybeDay = fc.option(day, { nil: undefined });
const source = fc.oneof(fc.constantFrom('Police', 'Probation', 'Victim services', 'Self-referral (person harmed)'), fc.string({ maxLength: 12 }), fc.constantFrom('=cmd|/C calc', '+1', '-2', '@x', 'a,"b"\r\nc'));

const caseArb: fc.Arbitrary<FiguresCase> = fc.record(
  {
    referral: fc.record({ receivedOn: day, source }),
    stage: fc.constantFrom(...STAGES),
    exit: fc.option(fc.record({ kind: fc.constantFrom(...EXITS), on: day }), { nil: undefined }),
    firstContactOn: maybeDay,
    meetings: fc.array(fc.record({ kind: fc.constantFrom('preparation', 'conference', 'follow-up' as const), date: day, status: fc.constantFrom('proposed', 'confirmed', 'held', 'postponed', 'cancelled' as const) }), { maxLength: 4 }),
    indirectProcess: fc.option(fc.record({ startedOn: day }), { nil: undefined }),
    agreement: fc.option(
      fc.record({
        signedOn: maybeDay,
        actions: fc.array(fc.record({ status: fc.constantFrom('pending', 'in-progress', 'done', 'not-done' as const), resolvedOn: maybeDay }), { maxLength: 3 }),
      }),
      { nil: undefined },
    ),
    closure: fc.option(fc.record({ outcome: fc.constantFrom('agreement-completed', 'withdrawn'), closedOn: day }), { nil: undefined }),
    feedback: fc.array(fc.record({ givenOn: day, answers: fc.record({ satisfiedWithOutcome: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }), overall: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) }), { maxLength: 3 }),
    deadlines: fc.array(fc.record({ due: day, status: fc.constantFrom('met', 'due-soon', 'overdue', 'open', 'lapsed' as const), late: fc.boolean() }), { maxLength: 3 }),
  },
  { requiredKeys: ['referral', 'stage', 'meetings', 'feedback', 'deadlines'] },
);

/** Calendar days stand in for working days: the figures only need a counting function. */
const between = (a: string, b: string) => daysBetween(a, b);

const periodArb = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })).map((xs) => xs.sort((a, b) => a - b).map((n) => addDays(START, n)));

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('figures over random caseloads', () => {
  it('agree with their breakdowns and stay in range', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 30 }), periodArb, (cases, [from, , to]) => {
        const f = computeFigures(cases, { from: from as string, to: to as string }, between);
        expect(f.referrals.bySource.reduce((s, x) => s + x.count, 0)).toBe(f.referrals.total);
        expect(f.referrals.total).toBe(cases.filter((c) => c.referral.receivedOn >= (from as string) && c.referral.receivedOn <= (to as string)).length);
        const open = f.casesByStage.reduce((s, x) => s + x.count, 0) + f.casesByExit.reduce((s, x) => s + x.count, 0);
        expect(open).toBeLessThanOrEqual(cases.length);
        expect(f.agreementsCompleted).toBeLessThanOrEqual(cases.filter((c) => c.agreement).length);
        expect(f.satisfaction.satisfied).toBeLessThanOrEqual(f.satisfaction.answered);
        expect(f.satisfaction.answered).toBeLessThanOrEqual(f.satisfaction.responses);
        if (f.satisfaction.satisfiedPercent !== null) expect(f.satisfaction.satisfiedPercent).toBeGreaterThanOrEqual(0);
        if (f.satisfaction.satisfiedPercent !== null) expect(f.satisfaction.satisfiedPercent).toBeLessThanOrEqual(100);
        if (f.satisfaction.meanOverall !== null) expect(f.satisfaction.meanOverall).toBeLessThanOrEqual(10);
        expect(f.deadlines.metOnTime).toBeLessThanOrEqual(f.deadlines.decided);
        const firstContacts = cases.filter((c) => c.firstContactOn && c.firstContactOn >= (from as string) && c.firstContactOn <= (to as string)).map((c) => between(c.referral.receivedOn, c.firstContactOn as string));
        expect(f.workingDays.referralToFirstContact.cases).toBe(firstContacts.length);
        const m = f.workingDays.referralToFirstContact.median;
        if (m === null) expect(firstContacts).toEqual([]);
        else {
          expect(m).toBeGreaterThanOrEqual(Math.min(...firstContacts));
          expect(m).toBeLessThanOrEqual(Math.max(...firstContacts));
          // At least half the values lie on each side of the median.
          expect(firstContacts.filter((v) => v <= m).length * 2).toBeGreaterThanOrEqual(firstContacts.length);
          expect(firstContacts.filter((v) => v >= m).length * 2).toBeGreaterThanOrEqual(firstContacts.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('add up over two adjacent periods', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 30 }), periodArb, (cases, [a, b, c]) => {
        const whole = computeFigures(cases, { from: a as string, to: c as string }, between);
        const first = computeFigures(cases, { from: a as string, to: b as string }, between);
        if (b === c) return;
        const second = computeFigures(cases, { from: addDays(b as string, 1), to: c as string }, between);
        const additive = (f: typeof whole) => [
          f.referrals.total,
          f.conferencesHeld,
          f.indirectProcesses,
          f.agreementsReached,
          f.agreementsCompleted,
          f.satisfaction.responses,
          f.satisfaction.answered,
          f.satisfaction.satisfied,
          f.deadlines.decided,
          f.deadlines.metOnTime,
          f.workingDays.referralToFirstContact.cases,
          f.workingDays.referralToConference.cases,
          f.closuresByOutcome.reduce((s, x) => s + x.count, 0),
        ];
        const sum = additive(first).map((x, i) => x + (additive(second)[i] as number));
        expect(additive(whole)).toEqual(sum);
      }),
      { numRuns: 500 },
    );
  });

  it('write CSV that parses back to the cells, with formulas defused', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 20 }), periodArb, (cases, [from, , to]) => {
        const f = computeFigures(cases, { from: from as string, to: to as string }, between);
        const rows = parseCsv(figuresToCsv(f));
        expect(rows.every((r) => r.length === 3)).toBe(true);
        const sources = rows.filter((r) => r[0] === 'Referrals by source');
        expect(sources.map((r) => r[1])).toEqual(f.referrals.bySource.map((s) => (/^[=+\-@\t\r]/.test(s.source) ? `'${s.source}` : s.source)));
        // Only plain numbers (a negative median from inconsistent dates) may start with a minus.
        for (const r of rows) for (const cell of r) if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes any text so it parses back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const parsed = parseCsv(`${csvCell(s)}\r\n`);
        expect(parsed).toEqual([[/^[=+\-@\t\r]/.test(s) ? `'${s}` : s]]);
      }),
      { numRuns: 1_000 },
    );
  });
});
