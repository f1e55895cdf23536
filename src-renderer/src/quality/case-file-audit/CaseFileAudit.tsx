import { useEffect, useState } from 'react';
import { GetCaseFileAuditInputSchema, type CaseFileAudit as Audit } from '../../../../src-main/domain/quality/auditor-review';
import { AUDIT_CHECK_LABELS, auditTotals } from '../../../../src-main/domain/quality/case-file-audit';
import type { FrameworkChoice } from '../../../../src-main/domain/quality/pack-request';
import type { FieldProblem } from '../../cases/command-form';
import { useCasework } from '../../cases/casework-state';
import { readDate } from '../../cases/shared';
import { call, messageOf } from '../../shared/api/client';
import { ActionError } from '../../shared/components/ActionError';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { InputField, SelectField } from '../../shared/components/Fields';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { isoToUk } from '../../shared/lib/dates';
import { summaryOf, type Problems } from '../../shared/lib/problems';
import { periodFor } from '../evidence-pack/pack-form';
import { DayField } from '../register-form';
import { AuditedFile } from './AuditedFile';
import '../../shared/components/casework.scss';
import './case-file-audit.scss';

/**
 * The case-file audit (issue 12): the quality lead draws the sample the pack will draw (same
 * framework, period and size), reads how each file meets the Service Provider Code of
 * Practice, judges what the record cannot prove and adds notes. The totals feed the pack and
 * the health check's indicators.
 */
const FIELDS = ['framework', 'from', 'to', 'size'] as const;
const PREFIX = 'cfa-';

export function CaseFileAudit() {
  const h1 = usePageTitle('Case-file audit');
  const { reference, load } = useCasework();
  useEffect(() => void load(), [load]);
  const today = reference?.today;
  const [frameworks, setFrameworks] = useState<FrameworkChoice[]>();
  const [v, setV] = useState({ framework: '', from: '', to: '', size: '30' });
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [audit, setAudit] = useState<Audit>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!today) return;
    call('listFrameworks')
      .then((fs) => {
        setFrameworks(fs);
        const first = fs.find((f) => f.id === 'rsqm') ?? fs[0];
        const p = periodFor(today, first?.periodMonths);
        setV((cur) => ({ ...cur, framework: first?.id ?? '', from: isoToUk(p.from), to: isoToUk(p.to) }));
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, [today]);

  const draw = async () => {
    if (busy) return;
    const found: FieldProblem[] = [];
    const from = readDate(v.from, 'from', { label: 'From date' }, found);
    const to = readDate(v.to, 'to', { label: 'To date', ...(today ? { notAfter: today } : {}) }, found);
    const size = Number(v.size.trim());
    const parsed = GetCaseFileAuditInputSchema.safeParse({ framework: v.framework, from, to, size: v.size.trim() === '' ? undefined : size });
    const all = [...found, ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.path[0] === 'size' ? 'Sample size must be a whole number from 1 to 200, like 30' : i.message })))];
    if (all.length > 0 || !parsed.success) {
      const p: Problems = {};
      for (const f of all) p[f.field && (FIELDS as readonly string[]).includes(f.field) ? f.field : ''] ??= f.message;
      setProblems(p);
      setFocusKey((n) => n + 1);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      setAudit(await call('getCaseFileAudit', parsed.data));
      setError(undefined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: (typeof FIELDS)[number]) => ({ id: PREFIX + name, error: problems[name] });

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Case-file audit
      </h1>
      <p className="govuk-body">
        A sample of case files closed in the period, spread over process types and sensitive cases, checked against the Service Provider Code of Practice. The evidence pack draws the same sample
        for the same framework, period and size, with your judgements and notes.
      </p>
      <ErrorSummary errors={summaryOf(problems, FIELDS, PREFIX)} focusKey={focusKey} />
      <ActionError message={error} />
      {frameworks && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void draw();
          }}
        >
          <SelectField {...field('framework')} label="Framework" value={v.framework} onValue={(x) => setV({ ...v, framework: x })} choices={frameworks.map((f) => ({ value: f.id, label: f.title }))} />
          <DayField {...field('from')} label="From" value={v.from} onValue={(x) => setV({ ...v, from: x })} />
          <DayField {...field('to')} label="To" value={v.to} onValue={(x) => setV({ ...v, to: x })} />
          <InputField {...field('size')} label="Sample size" hint="From 1 to 200 files" value={v.size} onValue={(x) => setV({ ...v, size: x })} inputMode="numeric" widthClass="govuk-input--width-4" />
          <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
            Draw the sample
          </button>
        </form>
      )}
      {audit && <Results audit={audit} onChange={setAudit} />}
    </>
  );
}

function Results({ audit, onChange }: { audit: Audit; onChange(a: Audit): void }) {
  if (audit.files.length === 0) return <p className="govuk-body">No case was closed in this period, so there is no file to audit.</p>;
  return (
    <>
      <h2 className="govuk-heading-m">{audit.files.length} files</h2>
      <table className="govuk-table" data-testid="audit-totals">
        <caption className="govuk-table__caption govuk-table__caption--s">How the files meet each check</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Check</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Met</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Files it applies to</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Share</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {audit.totals.map((t) => (
            <tr key={t.check} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{AUDIT_CHECK_LABELS[t.check]}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{t.met}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{t.applicable}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{t.percent === null ? 'For you to judge' : `${t.percent}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {audit.files.map((f, i) => (
        <AuditedFile
          key={f.caseId}
          file={f}
          onSaved={(checks, notes) => {
            const files = audit.files.map((x, j) => (j === i ? { ...x, checks, ...(notes ? { notes } : {}) } : x));
            onChange({ files, totals: auditTotals(files) });
          }}
        />
      ))}
    </>
  );
}
