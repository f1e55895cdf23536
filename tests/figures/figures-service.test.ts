import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { steps } from '../support/steps';
import type { FileSaver } from '../../src-main/services/shared/files';
import { addVenues, agreementFor, apply, applyAll, book, caseUntil, caseworkWorld, conferenceRecord, meetingFor, people, type World } from '../support/process';
import type { FeedbackInput } from '../../src-main/domain/outcomes/feedback';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
/** A referral source as a service might type it in lists.yaml, which a spreadsheet would run as a formula. */
const FORMULA = '=HYPERLINK("http://example.invalid/x","Helpline")';

const scratch: string[] = [];
afterEach(async () => {
  for (const d of scratch.splice(0)) await rm(d, { recursive: true, force: true });
});

/** The service's own templates with one more referral source, in a folder of the test's own. */
async function templatesWithFormulaSource(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-templates-'));
  scratch.push(dir);
  const to = join(dir, 'templates');
  await cp(TEMPLATES, to, { recursive: true });
  const lists = join(to, 'casework', 'lists.yaml');
  const text = await readFile(lists, 'utf8');
  // And an offence category someone typed a surname into, which the figures report must refuse to print.
  await writeFile(lists, text.replace('referralSources:\n', `referralSources:\n  - { id: helpline, label: '${FORMULA}' }\n`).replace('offenceCategories:\n', 'offenceCategories:\n  - { id: named, label: Kowalski family dispute }\n'));
  return to;
}

function feedback(_w: World, participantId: string, givenOn: string, satisfiedWithOutcome: number, overall: number): FeedbackInput {
  return { participantId, givenOn, answers: { satisfiedWithOutcome }, overall, equalityConsent: false };
}

const sorted = <T extends { source: string }>(xs: T[]) => [...xs].sort((a, b) => (a.source < b.source ? -1 : 1));

describe('figures through the service', () => {
  it('match the numbers counted by hand for a handful of cases, each by its own date, and export a CSV a spreadsheet cannot run', async () => {
    const saved: { name: string; text: string; format: string }[] = [];
    const fileSaver: FileSaver = {
      async save(name, bytes, format) {
        saved.push({ name, text: new TextDecoder().decode(bytes), format });
        return { saved: true };
      },
    };
    const w = await caseworkWorld({ fileSaver, templatesDir: await templatesWithFormulaSource() });
    const venues = await addVenues(w);
    const s = steps(await w.call('getCaseworkReference', {}));

    // A: police, received Mon 9 March, first contact the next day; conference, agreement kept, closed.
    let a = await caseUntil(w, 'process');
    // B: victim services, received Thu 5 March, first contact on Tue 10 March; conference without agreement.
    let b = await caseUntil(w, 'process', { lead: w.staff.alex, referral: { source: 'victim-services', receivedOn: '2026-03-05' } });
    // C: police, received Wed 11 March, first contact Fri 13 March; no further.
    const c = await caseUntil(w, 'team', { referral: { receivedOn: '2026-03-11' } });
    await applyAll(w, c, [{ type: 'advance' }, s.contact(people(c).harmed, '2026-03-13')]);
    // D: from the helpline whose label looks like a formula; nothing more.
    await caseUntil(w, 'team', { referral: { source: 'helpline', receivedOn: '2026-03-10' } });
    // E: received before the period: not a referral in it.
    await caseUntil(w, 'team', { referral: { receivedOn: '2026-02-20', offenceDate: '2026-02-14' } });

    const ma = meetingFor(a, { venueId: venues.centre });
    const mb = meetingFor(b, { date: '2026-03-26', venueId: venues.library });
    a = await book(w, a, ma, true);
    b = await book(w, b, mb, true);
    w.clock.set('2026-03-26T18:00:00Z');
    a = await apply(w, a, { type: 'record-conference', record: conferenceRecord(w, a, ma) });
    b = await apply(w, b, { type: 'record-conference', record: conferenceRecord(w, b, mb, { result: 'no-agreement' }) });
    const agreement = agreementFor(w, a, [{ kind: 'apology', dueOn: '2026-03-27' }], { meetingId: ma.id, signedOn: '2026-03-25' });
    a = await apply(w, a, { type: 'record-agreement', agreement });
    w.clock.set('2026-03-31T10:00:00Z');
    a = await applyAll(w, a, [
      { type: 'update-action', actionId: agreement.actions[0]!.id, status: 'done', resolvedOn: '2026-03-30', evidenceNotes: 'Letter seen.' },
      { type: 'close', closure: { outcome: 'agreement-completed', closedOn: '2026-03-31', summary: 'Apology given.' } },
    ]);
    b = await apply(w, b, { type: 'record-feedback', feedback: feedback(w, people(b).harmed, '2026-03-27', 2, 4) });
    w.clock.set('2026-04-02T10:00:00Z');
    a = await applyAll(w, a, [
      { type: 'record-feedback', feedback: feedback(w, people(a).harmed, '2026-04-01', 5, 9) },
      { type: 'record-feedback', feedback: feedback(w, people(a).responsible, '2026-04-01', 4, 7) },
    ]);

    const f = await w.call('getFigures', { from: '2026-03-01', to: '2026-04-30' });
    expect(f.referrals.total).toBe(4);
    expect(sorted(f.referrals.bySource)).toEqual(sorted([
      { source: 'Police', count: 2 },
      { source: 'Victim services', count: 1 },
      { source: FORMULA, count: 1 },
    ]));
    expect(f.referrals.bySource[0]).toEqual({ source: 'Police', count: 2 });
    expect(f.conferencesHeld).toBe(2);
    expect(f.agreementsReached).toBe(1);
    expect(f.agreementsCompleted).toBe(1);
    expect(f.closuresByOutcome).toEqual([{ outcome: 'agreement-completed', count: 1 }]);
    expect(f.satisfaction).toEqual({ responses: 3, answered: 3, satisfied: 2, satisfiedPercent: 66.7, overallAnswered: 3, meanOverall: 6.7 });
    // Working days after the day received: A 1, C 2, B 3; conferences A 12 (9→25 March), B 15 (5→26 March).
    expect(f.workingDays.referralToFirstContact).toEqual({ cases: 3, median: 2, uncounted: 0 });
    expect(f.workingDays.referralToConference).toEqual({ cases: 2, median: 13.5, uncounted: 0 });
    // Open at some point in the period: all five, E included; A closed, B at its outcome.
    expect(f.casesByStage.find((x) => x.stage === 'closed')?.count).toBe(1);
    expect(f.casesByStage.find((x) => x.stage === 'outcome')?.count).toBe(1);
    expect(f.casesByStage.reduce((n, x) => n + x.count, 0)).toBe(5);
    expect(f.deadlines.metOnTime).toBeLessThanOrEqual(f.deadlines.decided);

    // Each by its own date: April has A's two answers and nothing else.
    const april = await w.call('getFigures', { from: '2026-04-01', to: '2026-04-30' });
    expect(april).toMatchObject({ referrals: { total: 0, bySource: [] }, conferencesHeld: 0, agreementsReached: 0, agreementsCompleted: 0, closuresByOutcome: [] });
    expect(april.satisfaction).toMatchObject({ responses: 2, satisfied: 2, satisfiedPercent: 100, meanOverall: 8 });
    const march = await w.call('getFigures', { from: '2026-03-01', to: '2026-03-31' });
    expect(march.satisfaction).toMatchObject({ responses: 1, satisfied: 0, satisfiedPercent: 0 });
    expect(march.agreementsCompleted).toBe(1);

    const out = await w.call('saveFiguresCsv', { from: '2026-03-01', to: '2026-04-30' });
    expect(out).toEqual({ saved: true, fileName: 'rj-figures-2026-03-01-to-2026-04-30.csv' });
    expect(saved).toHaveLength(1);
    const csv = saved[0]!;
    expect(csv.format).toBe('csv');
    expect(csv.text.split('\r\n').slice(0, 4)).toEqual(['Figure,Breakdown,Value', 'Period,From,2026-03-01', 'Period,To,2026-04-30', 'Referrals,Total,4']);
    // The formula is written as text: a leading quote, and quoted because it holds commas and quotes.
    expect(csv.text).toContain(`Referrals by source,"'=HYPERLINK(""http://example.invalid/x"",""Helpline"")",1\r\n`);
    expect(csv.text).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(csv.text).toContain('Cases closed,Agreement completed,1\r\n');
    expect(csv.text).toContain('Satisfaction,Satisfied with the outcome (%),66.7\r\n');
    expect(csv.text).toContain('Median working days,Referral to first contact,2\r\n');
    const [entry] = (await w.service.listAudit({ offset: 0, limit: 1 })).entries;
    expect(entry).toMatchObject({ action: 'figures.export', entity: { type: 'export', id: 'csv' }, fields: ['from:2026-03-01', 'to:2026-04-30'] });

    // The commissioner's figures from the same cases: A and B started their processes (conferences
    // 25 and 26 March), A's agreement was signed and completed; feedback from two people harmed (A, B) and one responsible (A).
    const fc = f.commissioner;
    expect(fc.funnel.map((x) => [x.step, x.count])).toEqual(expect.arrayContaining([['referred', 4], ['process', 2], ['agreement', 1], ['completed', 1]]));
    expect(fc.breakdowns.satisfactionByRole.map((r) => [r.role, r.responses])).toEqual([['harmed', 2], ['responsible', 1], ['other', 0]]);
    expect(fc.breakdowns.facilitators.every((x) => /^Practitioner \d+$/.test(x.who))).toBe(true);
    expect(fc.trend.map((m) => m.month)).toEqual(['2026-03', '2026-04']);

    // The report: saved through the dialog, recorded by period and format only.
    const report = await w.call('saveFiguresReport', { from: '2026-03-01', to: '2026-04-30', format: 'pdf' });
    expect(report).toMatchObject({ saved: true, fileName: 'rj-figures-report-2026-03-01-to-2026-04-30.pdf', bytes: expect.any(Number) });
    expect(saved.at(-1)!.format).toBe('pdf');
    const [reported] = (await w.service.listAudit({ offset: 0, limit: 1 })).entries;
    expect(reported).toMatchObject({ action: 'figures.report.save', entity: { type: 'export', id: 'pdf' }, fields: ['from:2026-03-01', 'to:2026-04-30', 'format:pdf'] });

    // An offence category holding a surname from the casebook: refused before the dialog opens, nothing recorded.
    await caseUntil(w, 'team', { referral: { offenceCategory: 'named', receivedOn: '2026-03-12' } });
    const refused = await w.fails('saveFiguresReport', { from: '2026-03-01', to: '2026-04-30', format: 'docx' });
    expect(refused).toMatchObject({ code: 'PERSONAL_DATA', message: expect.stringMatching(/^The figures report was not saved: .*offence category/) });
    expect(saved.filter((x) => x.format === 'docx')).toHaveLength(0);
  });

  it('refuses a period the wrong way round or with dates that do not exist', async () => {
    const w = await caseworkWorld({ fileSaver: undefined });
    const swapped = await w.fails('getFigures', { from: '2026-04-30', to: '2026-04-01' });
    expect(swapped).toMatchObject({ code: 'INVALID_INPUT', message: 'The end of the period is before its start: swap the dates.' });
    const unreal = await w.fails('getFigures', { from: '2026-02-30', to: '2026-04-01' });
    expect(unreal.details?.issues).toEqual([{ path: 'from', message: 'From: enter a real date as YYYY-MM-DD, for example 2026-03-14' }]);
    // Without a way to save, saving is refused plainly.
    expect(await w.fails('saveFiguresCsv', { from: '2026-04-01', to: '2026-04-30' })).toMatchObject({ code: 'WRITE_FAILED' });
  });
});
