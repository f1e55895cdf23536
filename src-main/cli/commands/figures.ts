import { CasebookError } from '../../domain/shared/errors';
import { CLOSURE_OUTCOME_LABELS } from '../../domain/outcomes/closure';
import type { Median } from '../../domain/figures/figures';
import type { FiguresWithBreakdowns as Figures } from '../../domain/figures/commissioner';
import { FUNNEL_LABELS } from '../../domain/figures/funnel';
import { ok, type CommandDef, type OptionValues } from '../command';
import { mustNotExist } from '../files';
import { formatBytes, oneLine, plural, printable } from '../output';
import { describePeriod, PERIOD_OPTIONS, periodOf } from '../period';

type Line = [label: string, value: string | number, indent?: boolean];

const outcomeLabel = (o: string) => (Object.hasOwn(CLOSURE_OUTCOME_LABELS, o) ? CLOSURE_OUTCOME_LABELS[o as keyof typeof CLOSURE_OUTCOME_LABELS] : o);

function medianText(m: Median): string {
  if (m.median === null) return m.uncounted > 0 ? `not known (${plural(m.uncounted, 'case')} outside the bank-holiday data)` : 'no cases';
  const left = m.uncounted > 0 ? `; ${m.uncounted} left out, outside the bank-holiday data` : '';
  return `${m.median} (${plural(m.cases, 'case')}${left})`;
}

/** The figures as a person reads them: headline numbers, then each breakdown indented under its total. */
export function figuresText(f: Figures): string {
  const s = f.satisfaction;
  const closed = f.closuresByOutcome.reduce((n, o) => n + o.count, 0);
  const lines: Line[] = [
    ['Referrals received', f.referrals.total],
    ...f.referrals.bySource.map((x): Line => [x.source || '(no source)', x.count, true]),
    ['Conferences held', f.conferencesHeld],
    ['Indirect processes started', f.indirectProcesses],
    ['Agreements reached (signed)', f.agreementsReached],
    ['Agreements completed', f.agreementsCompleted],
    ['Cases closed', closed],
    ...f.closuresByOutcome.map((x): Line => [outcomeLabel(x.outcome), x.count, true]),
    ['Feedback responses', s.responses],
    ['Satisfied with the outcome', s.satisfiedPercent === null ? 'no answers' : `${s.satisfiedPercent}% (${s.satisfied} of ${s.answered} who answered)`, true],
    ['Mean overall score (0 to 10)', s.meanOverall === null ? 'no answers' : `${s.meanOverall} (${plural(s.overallAnswered, 'answer')})`, true],
    ['Median working days', ''],
    ['Referral to first contact', medianText(f.workingDays.referralToFirstContact), true],
    ['Referral to first conference', medianText(f.workingDays.referralToConference), true],
    ['Deadlines due in the period', f.deadlines.decided],
    ['Met on time', f.deadlines.metPercent === null ? f.deadlines.metOnTime : `${f.deadlines.metOnTime} (${f.deadlines.metPercent}%)`, true],
    ...(f.complaints ? [['Complaints received', f.complaints.received], ['Acknowledged late', f.complaints.acknowledgedLate, true]] satisfies Line[] : []),
    // Issue 15: the funnel and Victims' Code rights 3 and 4 (the report and --json have the rest).
    ['From offer to completion', ''],
    ...f.commissioner.funnel.map((x): Line => [`${FUNNEL_LABELS[x.step]} (${x.unit})`, x.count, true]),
    ...f.commissioner.timeliness.map((t): Line => [`Victims' Code right ${t.right} on time`, t.onTimePercent === null ? 'no deadlines due' : `${t.onTime} of ${t.onTime + t.late + t.notMet + t.overdue} (${t.onTimePercent}%)`]),
  ];
  const label = (l: Line) => `${l[2] ? '  ' : ''}${oneLine(l[0])}`;
  const width = Math.min(48, Math.max(...lines.map((l) => [...label(l)].length))) + 2;
  const body = lines.map((l) => {
    const text = label(l);
    const pad = Math.max(2, width - [...text].length);
    return `${text}${' '.repeat(pad)}${l[1]}`.trimEnd();
  });
  return [`Figures for ${describePeriod(f.period)}`, '', ...body].join('\n');
}

export const figures: CommandDef = {
  words: ['figures'],
  summary: 'Figures for a period: referrals, conferences, agreements, closures, satisfaction and timeliness',
  options: {
    ...PERIOD_OPTIONS,
    csv: { type: 'string', value: 'FILE', description: 'Also write the figures as CSV for a spreadsheet (must not exist yet)' },
    format: { type: 'string', value: 'pdf|docx|csv', description: 'Write the figures as the one-page report (PDF or DOCX) or as CSV, to --out' },
    out: { type: 'string', value: 'FILE', description: 'Where to write the --format file (must not exist yet)' },
  },
  help: [
    'Examples:',
    '  casebook figures --from 2026-04-01 --to 2027-03-31',
    '  casebook figures --from 2026-04-01 --to 2026-06-30 --csv q1.csv',
    '  casebook figures --from 2026-04-01 --to 2026-06-30 --format pdf --out q1-report.pdf',
    'The report (--format pdf or docx) is the one-page return for your commissioner: headlines beside the',
    'previous period and the same period last year, the funnel from offer to completion, Victims\' Code',
    'rights 3 and 4, month by month and the breakdowns; page 2 has equality monitoring, facilitator',
    'activity (numbered, never named) and how each figure is counted.',
    'Each figure counts by its own date: referrals by the day received, conferences by the day held,',
    'agreements by the day signed (completed: the day the last action was done), closures by the day closed,',
    'feedback by the day given, and working days for cases whose first contact or conference fell in the period.',
    'The figures hold no names; a referral source that looks like a spreadsheet formula is written as text.',
  ].join('\n'),
  async run(ctx) {
    const period = periodOf(figures, ctx.options);
    const file = fileOption(ctx.options);
    const out = file === undefined ? undefined : ctx.resolvePath(file.shown);
    if (file !== undefined && out !== undefined) await mustNotExist(out, file.shown);
    await ctx.unlock({ writes: out !== undefined, doing: out !== undefined ? 'save the figures' : 'see the figures' });
    const f = await ctx.call('getFigures', period);
    if (file === undefined || out === undefined) return ok(f, figuresText(f));
    ctx.saveTo(out, file.shown);
    const report = file.format === 'csv' ? undefined : await ctx.call('saveFiguresReport', { ...period, format: file.format });
    if (file.format === 'csv') await ctx.call('saveFiguresCsv', period);
    const bytes = ctx.written() ?? 0;
    const what = file.format === 'csv' ? 'the figures' : 'the figures report';
    const pages = report?.pages !== undefined ? `${plural(report.pages, 'page')}, ` : '';
    const key = file.format === 'csv' ? 'csv' : 'report';
    return ok({ ...f, [key]: { file: out, ...(file.format === 'csv' ? {} : { format: file.format }), bytes, ...(report?.pages !== undefined ? { pages: report.pages } : {}) } }, `${figuresText(f)}\n\nWrote ${what} to ${file.shown} (${pages}${formatBytes(bytes)}).`);
  },
};

const FORMATS = ['pdf', 'docx', 'csv'] as const;
const usage = (message: string) => new CasebookError('USAGE', `${message} Run "casebook figures --help".`);

/** The file to write: --csv FILE (kept from before the report), or --format with --out. Checked before unlocking. */
function fileOption(options: OptionValues): { shown: string; format: (typeof FORMATS)[number] } | undefined {
  const csv = typeof options.csv === 'string' ? options.csv : undefined;
  const format = typeof options.format === 'string' ? options.format.trim().toLowerCase() : undefined;
  const outFile = typeof options.out === 'string' ? options.out : undefined;
  if (csv !== undefined) {
    if (csv.trim() === '') throw usage('--csv needs a file name.');
    if (format !== undefined || outFile !== undefined) throw usage('Give either --csv FILE or --format with --out, not both.');
    return { shown: csv, format: 'csv' };
  }
  if (format === undefined && outFile === undefined) return undefined;
  if (format === undefined) throw usage('--out needs --format pdf, docx or csv to say what to write.');
  if (!(FORMATS as readonly string[]).includes(format)) throw usage(`--format is pdf, docx or csv, not "${printable(format).slice(0, 20)}".`);
  if (outFile === undefined || outFile.trim() === '') throw usage(`--format ${format} needs --out FILE: where to write it.`);
  return { shown: outFile, format: format as (typeof FORMATS)[number] };
}
