import { useState } from 'react';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { isoToUk, parseUkDate } from '../shared/lib/dates';
import { DayField } from './register-form';

/** The day compliance is judged on: today by default, or any day typed the UK way (before an inspection, say). */
export function ComplianceOn({ at, onAt }: { at: string; onAt(day: string): void }) {
  const [text, setText] = useState(isoToUk(at));
  const [error, setError] = useState<string>();
  const [focusKey, setFocusKey] = useState(0);
  const show = (e: React.FormEvent) => {
    e.preventDefault();
    const day = parseUkDate(text);
    setError(day ? undefined : 'Compliance on must be a real date, like 23/11/2026');
    if (day) onAt(day);
    else setFocusKey((k) => k + 1);
  };
  return (
    <form noValidate onSubmit={show} className="cb-quality-on" data-testid="compliance-on">
      <ErrorSummary errors={error ? [{ fieldId: 'compliance-on', message: error }] : []} focusKey={focusKey} />
      <DayField id="compliance-on" label="Compliance on" error={error} value={text} onValue={setText} />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Show compliance
      </button>
    </form>
  );
}
