import { useState } from 'react';
import type { Period } from '../../../src-main/domain/figures/figures';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { InputField } from '../shared/components/Fields';
import { isoToUk, parseUkDate } from '../shared/lib/dates';
import { QUICK_PERIODS, quickPeriod } from './periods';

type Box = 'from' | 'to';

/**
 * The period the figures cover: two dates typed the UK way, or one of the usual reporting
 * periods in a click. Both dates are included.
 */
export function PeriodPicker({ period, today, onPeriod, onInvalid }: { period: Period; today: string; onPeriod(p: Period): void; /** The dates typed cannot be shown: the page hides the figures of the last period. */ onInvalid(): void }) {
  const [text, setText] = useState<Record<Box, string>>({ from: isoToUk(period.from), to: isoToUk(period.to) });
  const [errors, setErrors] = useState<Partial<Record<Box, string>>>({});
  const [focusKey, setFocusKey] = useState(0);

  const show = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Box, string>> = {};
    const from = parseUkDate(text.from);
    const to = parseUkDate(text.to);
    if (!text.from.trim()) found.from = 'Enter the first day of the period';
    else if (!from) found.from = 'The start of the period must be a real date, like 01/04/2026';
    if (!text.to.trim()) found.to = 'Enter the last day of the period';
    else if (!to) found.to = 'The end of the period must be a real date, like 31/03/2027';
    if (from && to && to < from) found.to = 'The end of the period must be the same as or after its start';
    setErrors(found);
    if (found.from || found.to || !from || !to) {
      setFocusKey((k) => k + 1);
      onInvalid();
      return;
    }
    onPeriod({ from, to });
  };

  const quick = (p: Period) => {
    setText({ from: isoToUk(p.from), to: isoToUk(p.to) });
    setErrors({});
    onPeriod(p);
  };

  const summary: SummaryError[] = (['from', 'to'] as const).flatMap((b) => (errors[b] ? [{ fieldId: `figures-${b}`, message: errors[b] }] : []));
  const box = (b: Box, label: string, example: string) => (
    <InputField
      id={`figures-${b}`}
      label={label}
      labelSize="plain"
      hint={`For example, ${example}`}
      error={errors[b]}
      value={text[b]}
      onValue={(v) => setText({ ...text, [b]: v })}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      widthClass="govuk-input--width-10"
    />
  );

  return (
    <form noValidate onSubmit={show} aria-labelledby="figures-period-title" className="cb-period">
      <h2 className="govuk-heading-s" id="figures-period-title">
        Period
      </h2>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <ul className="cb-period__quick" aria-label="Usual periods">
        {QUICK_PERIODS.map((q) => (
          <li key={q.id}>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => quick(quickPeriod(q.id, today))}>
              {q.label}
            </button>
          </li>
        ))}
      </ul>
      <p className="govuk-hint">Quarters run January to March, April to June, July to September and October to December. The financial year runs from 1 April to 31 March.</p>
      <div className="cb-filters">
        {box('from', 'From', '01/04/2026')}
        {box('to', 'To', '31/03/2027')}
        <div className="govuk-form-group cb-period__submit">
          <button type="submit" className="govuk-button">
            Show figures
          </button>
        </div>
      </div>
    </form>
  );
}
