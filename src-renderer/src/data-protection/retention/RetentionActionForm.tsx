import { useState } from 'react';
import type { ProposeRetentionInput, RetentionResult } from '../../../../src-main/domain/data-protection/retention/contract';
import { RETENTION_ACTION_LABELS, type RetentionAction } from '../../../../src-main/domain/data-protection/retention/register';
import { ApiError, call, messageOf } from '../../shared/api/client';
import { ErrorSummary, type SummaryError } from '../../shared/components/ErrorSummary';
import { InputField, RadiosField, TextareaField } from '../../shared/components/Fields';
import { WarningText } from '../../shared/components/WarningText';
import { parseUkDate } from '../../shared/lib/dates';

const HINTS: Record<RetentionAction, string> = {
  anonymise: 'Names become each person’s part; contact details, dates of birth, addresses, notes and attachments are removed. The figures still count the case, so past figures do not change.',
  delete: 'The case, its attachments and its row in the case list go. A tombstone keeps the reference, dates and rule. The figures will no longer count it, so figures for past periods may change.',
  keep: 'Keep it for now, with a reason and the day to review it again.',
};

/** What to do with one record that is due: the action, why, and for keep the next review date. */
export function RetentionActionForm({ item, approvalNeeded, onDone, onCancel }: { item: { record: ProposeRetentionInput['record']; label: string; actions: RetentionAction[] }; approvalNeeded: boolean; onDone(r: RetentionResult): void; onCancel(): void }) {
  const [action, setAction] = useState<string>('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const FIELD: Record<string, string> = { action: 'rt-action', reason: 'rt-reason', until: 'rt-until' };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found: SummaryError[] = [];
    if (!action) found.push({ fieldId: 'rt-action', message: 'Choose what to do with it' });
    if (!reason.trim()) found.push({ fieldId: 'rt-reason', message: 'Enter the reason' });
    const iso = until.trim() ? parseUkDate(until) : undefined;
    if (action === 'keep' && !iso) found.push({ fieldId: 'rt-until', message: 'Enter the day to review it again, for example 31/01/2027' });
    setErrors(found);
    if (found.length > 0) return setFocusKey((n) => n + 1);
    setBusy(true);
    try {
      onDone(await call('proposeRetention', { record: item.record, action: action as RetentionAction, reason: reason.trim(), ...(action === 'keep' && iso ? { until: iso } : {}) }));
    } catch (x) {
      const issues = x instanceof ApiError ? (x.details.issues ?? []) : [];
      setErrors(issues.length ? issues.map((i) => ({ fieldId: FIELD[i.path] ?? 'rt-action', message: i.message })) : [{ message: messageOf(x) }]);
      setFocusKey((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="govuk-!-margin-bottom-8" data-testid="retention-action-form">
      <h3 className="govuk-heading-m">What to do with {item.label}</h3>
      <ErrorSummary errors={errors} focusKey={focusKey} level={4} />
      <RadiosField id="rt-action" name="rt-action" legend="Action" error={err('rt-action')} value={action} onValue={setAction} choices={item.actions.map((a) => ({ value: a, label: RETENTION_ACTION_LABELS[a], hint: HINTS[a] }))} />
      {action === 'keep' && <InputField id="rt-until" label="Review again on" hint="For example, 31/01/2027" value={until} onValue={setUntil} error={err('rt-until')} widthClass="govuk-input--width-10" autoComplete="off" />}
      <TextareaField id="rt-reason" label="Reason" hint="Say why, without naming anyone: it is kept in the retention register." value={reason} onValue={setReason} error={err('rt-reason')} rows={3} />
      {(action === 'anonymise' || action === 'delete') && (
        <WarningText>
          This cannot be undone. Afterwards a new backup is taken and every older backup, which would still hold the case, is removed. Copies saved outside the casebook are not changed.
        </WarningText>
      )}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy}>
          {approvalNeeded ? 'Propose for approval' : 'Do it now'}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
