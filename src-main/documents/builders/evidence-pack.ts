import type { Figures } from '../../domain/figures/figures';
import { AUDIT_CHECK_LABELS, type AuditCheck, type CheckOutcome } from '../../domain/quality/case-file-audit';
import type { CaseStudy } from '../../domain/quality/case-study';
import { EVIDENCE_KINDS, indicatorsOf, type Framework, type Indicator } from '../../domain/quality/frameworks';
import { COMPLIANCE_RULE_LABELS, COMPLIANCE_RULES, COMPLIANCE_STATUS_LABELS, type ServiceCompliance } from '../../domain/staff/compliance-schema';
import { closuresByOutcomeChart, deadlinesChart, isEmptyChart, referralsByMonthChart, referralsBySourceChart, satisfactionChart, type FiguresChart } from '../../domain/figures/charts';
import { formatDate } from '../../domain/time/dates';
import { chartBlock } from '../charts/chart-block';
import { heading, paragraph, run, type Block, type DocumentModel } from '../model';
import { TEXT_WIDTH } from '../pdf/page-style';

/**
 * The evidence pack for one RJC framework and period: a cover, the contents, a section per
 * standard with each indicator's computed evidence beside the quality lead's narrative, then
 * staff compliance, policies, the case-file audit, the anonymised case studies, and how each
 * figure was counted. Pure: the service gathers the content; the renderers draw it. Nothing
 * here names a participant: case studies arrive anonymised and the leak check reads the result.
 */
export interface PackPolicy {
  title: string;
  version: string;
  approvedOn: string;
  nextReview: string;
  status: string;
  indicators: readonly string[];
}

export interface PackContent {
  serviceName: string;
  framework: Framework;
  period: { from: string; to: string };
  madeOn: string;
  figures: Figures;
  /** The day each case's referral was received (every case, not only the period's): the by-month chart and its comparisons. */
  referralDates?: readonly string[];
  compliance: ServiceCompliance;
  /** Show roles instead of staff names in the compliance tables (a setting). */
  staffAsRoles?: boolean;
  policies: readonly PackPolicy[];
  audit: { files: readonly { label: string; checks: readonly CheckOutcome[]; notes?: string }[]; totals: readonly { check: AuditCheck; met: number; applicable: number; percent: number | null }[] };
  studies: readonly CaseStudy[];
  /** The quality lead's narrative by indicator number, when written. */
  narratives?: Readonly<Record<string, string>>;
  /** The titles of the files the quality lead attached to each indicator (the files stay in the casebook). */
  evidenceTitles?: Readonly<Record<string, readonly string[]>>;
  deterministic?: boolean;
}

const pct = (n: number | null) => (n === null ? 'no data in this period' : `${n}%`);

/** Each figure an indicator can cite, as a line of text. */
function figureLines(f: Figures, key: string): string[] {
  switch (key) {
    case 'referrals':
      return [`Referrals received: ${f.referrals.total}`];
    case 'referrals-by-source':
      return f.referrals.bySource.length ? f.referrals.bySource.map((s) => `Referrals from ${s.source}: ${s.count}`) : ['Referrals by source: no data in this period'];
    case 'cases-by-stage':
      return f.casesByStage.map((s) => `Cases at ${s.stage}: ${s.count}`);
    case 'cases-by-exit':
      return f.casesByExit.length ? f.casesByExit.map((s) => `Cases ended (${s.exit}): ${s.count}`) : ['Cases ended early: none in this period'];
    case 'conferences-held':
      return [`Conferences held: ${f.conferencesHeld}`];
    case 'indirect-processes':
      return [`Indirect processes started: ${f.indirectProcesses}`];
    case 'agreements':
      return [`Outcome agreements reached: ${f.agreementsReached}`, `Outcome agreements completed: ${f.agreementsCompleted}`];
    case 'closures-by-outcome':
      return f.closuresByOutcome.length ? f.closuresByOutcome.map((s) => `Closed (${s.outcome}): ${s.count}`) : ['Cases closed: none in this period'];
    case 'satisfaction':
      return [`Participants satisfied with the outcome: ${pct(f.satisfaction.satisfiedPercent)} of ${f.satisfaction.answered} who answered`];
    case 'working-days':
      return [`Median working days, referral to first contact: ${f.workingDays.referralToFirstContact.median ?? 'no data in this period'}`, `Median working days, referral to first conference: ${f.workingDays.referralToConference.median ?? 'no data in this period'}`];
    case 'victims-code-timeliness':
      return [`Victims' Code deadlines met on time: ${pct(f.deadlines.metPercent)} of ${f.deadlines.decided}`];
    default:
      return [];
  }
}

function complianceSummary(c: ServiceCompliance, rules: readonly string[]): Block {
  const wanted = rules.length ? COMPLIANCE_RULES.filter((r) => rules.includes(r)) : COMPLIANCE_RULES;
  return {
    kind: 'table',
    columns: [{ header: 'Rule', width: 3 }, ...['met', 'due-soon', 'overdue', 'not-met'].map((s) => ({ header: COMPLIANCE_STATUS_LABELS[s as 'met'], width: 1 }))],
    rows: wanted.map((rule) => [COMPLIANCE_RULE_LABELS[rule], ...(['met', 'due-soon', 'overdue', 'not-met'] as const).map((s) => String(c.staff.filter((p) => p.checks.some((x) => x.rule === rule && x.status === s)).length))]),
  };
}

function evidenceBlocks(p: PackContent, indicator: Indicator): Block[] {
  const out: Block[] = [];
  for (const e of indicator.evidence) {
    const title = EVIDENCE_KINDS[e.kind];
    const label = paragraph([run(`${title[0]!.toUpperCase()}${title.slice(1)}`, { bold: true }), ...(e.note ? [run(` — ${e.note}`)] : [])], { keepWithNext: true });
    switch (e.kind) {
      case 'narrative':
        out.push(label, paragraph(p.narratives?.[indicator.number] ?? 'Not written yet: the quality lead adds the narrative for this indicator.'));
        break;
      case 'figures':
        out.push(label, { kind: 'list', ordered: false, items: (e.items ?? []).flatMap((k) => figureLines(p.figures, k)).map((t) => [run(t)]) });
        break;
      case 'staff-compliance':
        out.push(label, complianceSummary(p.compliance, e.items ?? []));
        break;
      case 'registered-share':
        out.push(label, paragraph(`${Math.round(p.compliance.registeredShare * 100)}% of counted practitioners are registered with the RJC (${p.compliance.registeredShareMet ? 'meets' : 'below'} the Registered Service Provider minimum).`));
        break;
      case 'staff-training':
        out.push(label, paragraph(`${p.compliance.staff.length} practitioners in post; see "Staff compliance" for each practitioner's registration and training.`));
        break;
      case 'policies': {
        const linked = p.policies.filter((x) => x.indicators.includes(indicator.number));
        out.push(label, paragraph(linked.length ? linked.map((x) => `${x.title} (version ${x.version}, next review ${formatDate(x.nextReview)})`).join('; ') : `No policy is linked to ${indicator.number} yet; see "Policies" for all of them.`));
        break;
      }
      case 'case-file-audit': {
        const checks = p.audit.totals.filter((t) => !e.items?.length || e.items.includes(t.check));
        out.push(label, { kind: 'list', ordered: false, items: checks.map((t) => [run(`${AUDIT_CHECK_LABELS[t.check]}: ${t.applicable ? `${t.met} of ${t.applicable} files (${t.percent}%)` : 'for the auditor to judge'}`)]) });
        break;
      }
      case 'case-studies':
        out.push(label, paragraph(p.studies.length ? `See ${p.studies.map((s) => s.title).join(', ')}.` : 'No case studies chosen for this pack.'));
        break;
      case 'complaints':
        out.push(label, paragraph(p.figures.complaints ? `${p.figures.complaints.received} complaints received in the period; ${p.figures.complaints.acknowledgedLate} acknowledged later than 10 working days.` : 'Complaints: no data in this period.'));
        break;
    }
  }
  // The health check lets the quality lead write for any indicator; what they wrote is printed
  // even where the framework file cites only what the app computes, rather than silently dropped.
  const written = p.narratives?.[indicator.number];
  if (written && !indicator.evidence.some((e) => e.kind === 'narrative')) out.push(paragraph([run('The quality lead’s narrative', { bold: true })], { keepWithNext: true }), paragraph(written));
  // Listed by title only: an assessor asks the service for the files, which are not put in the pack.
  const files = p.evidenceTitles?.[indicator.number];
  if (files?.length) out.push(paragraph([run('Files held as evidence', { bold: true })], { keepWithNext: true }), { kind: 'list', ordered: false, items: files.map((t) => [run(t)]) });
  return out;
}

/** The charts of the figures section, in the order a commissioner reads them. */
function packCharts(p: PackContent): FiguresChart[] {
  return [
    referralsBySourceChart(p.figures),
    ...(p.referralDates ? [referralsByMonthChart(p.referralDates, p.period)] : []),
    closuresByOutcomeChart(p.figures),
    satisfactionChart(p.figures),
    deadlinesChart(p.figures),
  ];
}

/** Each chart under its heading with the rule that counts it; a chart with nothing in it is a sentence instead. */
function figuresSection(p: PackContent): Block[] {
  const out: Block[] = [{ kind: 'pageBreak' }, heading(2, 'Figures')];
  out.push(paragraph(`For ${formatDate(p.period.from)} to ${formatDate(p.period.to)}. The appendix says how each figure is counted.`));
  for (const c of packCharts(p)) {
    out.push(heading(3, c.spec.title), paragraph(c.hint, { size: 'small', keepWithNext: true }));
    out.push(isEmptyChart(c.spec) ? paragraph(c.spec.empty ?? 'No data in this period.') : chartBlock(c.spec, TEXT_WIDTH));
  }
  return out;
}

const COUNTING = [
  'Referrals: by the day received.',
  'Cases by stage and by exit: cases open at some point in the period, by their stage or exit now.',
  'Conferences held: conferences with status held, by meeting date. Indirect processes: by the day of the first message passed.',
  'Agreements reached: by the day signed; completed: every action done, by the day the last one was.',
  'Satisfaction: feedback by the day given. Working days: cases whose first contact (first conference) fell in the period, counting England and Wales working days.',
  "Victims' Code deadlines: those due in the period whose outcome is known; met means on or before the due date.",
  'Staff compliance: on the last day of the period, by the RJC codes as set in templates/quality/rules.yaml.',
  'Case-file audit: a sample of cases closed in the period, drawn the same way for the same period and seed, spread over process types and sensitive cases.',
];

export function buildEvidencePack(p: PackContent): DocumentModel {
  const f = p.framework;
  const blocks: Block[] = [
    heading(1, f.title),
    paragraph([run(p.serviceName, { bold: true })]),
    paragraph(`Evidence for ${formatDate(p.period.from)} to ${formatDate(p.period.to)}. Made on ${formatDate(p.madeOn)}.`),
    paragraph(f.purpose, { size: 'small' }),
    heading(2, 'Contents'),
    { kind: 'list', ordered: false, items: ['Figures', ...f.standards.map((s) => `${s.number}. ${s.title}`), 'Staff compliance', 'Policies', 'Case-file audit', ...(p.studies.length ? ['Case studies'] : []), 'How each figure is counted'].map((t) => [run(t)]) },
    ...figuresSection(p),
  ];
  for (const s of f.standards) {
    blocks.push({ kind: 'pageBreak' }, heading(2, `${s.number}. ${s.title}`));
    for (const { indicator } of indicatorsOf({ ...f, standards: [s] })) {
      blocks.push(heading(3, `${indicator.number} ${indicator.title}${indicator.safeguarding ? ' (safeguarding)' : ''}`), ...evidenceBlocks(p, indicator));
    }
  }
  const who = (i: number, name: string) => (p.staffAsRoles ? `Practitioner ${i + 1}` : name);
  blocks.push(
    { kind: 'pageBreak' },
    heading(2, 'Staff compliance'),
    paragraph(`On ${formatDate(p.compliance.at)}: ${Math.round(p.compliance.registeredShare * 100)}% of counted practitioners registered with the RJC.`),
    { kind: 'table', columns: [{ header: 'Practitioner', width: 3 }, ...COMPLIANCE_RULES.map((r) => ({ header: COMPLIANCE_RULE_LABELS[r], width: 2 }))], rows: p.compliance.staff.map((s, i) => [who(i, s.name), ...COMPLIANCE_RULES.map((r) => COMPLIANCE_STATUS_LABELS[s.checks.find((x) => x.rule === r)?.status ?? 'not-met'])]) },
    heading(2, 'Policies'),
    p.policies.length
      ? { kind: 'table', columns: [{ header: 'Policy', width: 4 }, { header: 'Version', width: 1 }, { header: 'Approved', width: 2 }, { header: 'Next review', width: 2 }, { header: 'Indicators', width: 2 }], rows: p.policies.map((x) => [x.title, x.version, formatDate(x.approvedOn), `${formatDate(x.nextReview)} (${x.status})`, x.indicators.join(', ')]) }
      : paragraph('No policies recorded yet.'),
    heading(2, 'Case-file audit'),
    paragraph(`${p.audit.files.length} case files checked against the Service Provider Code of Practice.`),
    { kind: 'table', columns: [{ header: 'Check', width: 5 }, { header: 'Met', width: 1 }, { header: 'Files', width: 1 }, { header: 'Share', width: 1 }], rows: p.audit.totals.map((t) => [AUDIT_CHECK_LABELS[t.check], String(t.met), String(t.applicable), t.percent === null ? 'auditor' : `${t.percent}%`]) },
  );
  const notes = p.audit.files.filter((f) => f.notes);
  if (notes.length) blocks.push(heading(3, 'Auditor’s notes'), { kind: 'list', ordered: false, items: notes.map((f) => [run(`${f.label}: `, { bold: true }), run(f.notes!)]) });
  if (p.studies.length) {
    blocks.push({ kind: 'pageBreak' }, heading(2, 'Case studies'));
    for (const s of p.studies) {
      blocks.push(heading(3, s.title));
      for (const para of s.paragraphs) blocks.push(...(para.heading ? [paragraph([run(para.heading, { bold: true })], { keepWithNext: true })] : []), paragraph(para.text));
    }
  }
  blocks.push(heading(2, 'How each figure is counted'), { kind: 'list', ordered: false, items: COUNTING.map((t) => [run(t)]) });
  return {
    metadata: { title: `${f.title}: evidence pack`, author: p.serviceName, subject: `${formatDate(p.period.from)} to ${formatDate(p.period.to)}`, ...(p.deterministic ? { deterministic: true } : {}) },
    header: { left: p.serviceName, right: f.title },
    footer: { left: 'OFFICIAL-SENSITIVE' },
    blocks,
  };
}
