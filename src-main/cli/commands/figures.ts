import { CasebookError } from '../../domain/shared/errors';
import { CLOSURE_OUTCOME_LABELS } from '../../domain/outcomes/closure';
import type { Figures, Median } from '../../domain/figures/figures';
import { ok, type CommandDef } from '../command';
import { mustNotExist } from '../files';
import { formatBytes, oneLine, plural } from '../output';
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
  },
  help: [
    'Examples:',
    '  casebook figures --from 2026-04-01 --to 2027-03-31',
    '  casebook figures --from 2026-04-01 --to 2026-06-30 --csv q1.csv',
    'Each figure counts by its own date: referrals by the day received, conferences by the day held,',
    'agreements by the day signed (completed: the day the last action was done), closures by the day closed,',
    'feedback by the day given, and working days for cases whose first contact or conference fell in the period.',
    'The figures hold no names; a referral source that looks like a spreadsheet formula is written as text.',
  ].join('\n'),
  async run(ctx) {
    const period = periodOf(figures, ctx.options);
    const shown = typeof ctx.options.csv === 'string' ? ctx.options.csv : undefined;
    if (shown !== undefined && shown.trim() === '') throw new CasebookError('USAGE', '--csv needs a file name. Run "casebook figures --help".');
    const out = shown === undefined ? undefined : ctx.resolvePath(shown);
    if (shown !== undefined && out !== undefined) await mustNotExist(out, shown);
    await ctx.unlock({ writes: out !== undefined, doing: out !== undefined ? 'save the figures' : 'see the figures' });
    const f = await ctx.call('getFigures', period);
    if (shown === undefined || out === undefined) return ok(f, figuresText(f));
    ctx.saveTo(out, shown);
    await ctx.call('saveFiguresCsv', period);
    const bytes = ctx.written() ?? 0;
    return ok({ ...f, csv: { file: out, bytes } }, `${figuresText(f)}\n\nWrote the figures to ${shown} (${formatBytes(bytes)}).`);
  },
};
