import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { COMPLAINANT_ROLE_LABELS, type ComplaintRow } from '../../../../src-main/domain/quality/complaints';
import { call } from '../../shared/api/client';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { TextArea } from '../../shared/components/TextArea';
import { TextField } from '../../shared/components/TextField';
import { useFormErrors } from '../../shared/hooks/useFormErrors';
import { applyServerError } from '../../shared/lib/form-errors';
import { formatDate } from '../../shared/lib/dates';
import { DATE_HINT, isoOf, ukDate, ukOf } from '../form-dates';
import { SaveOrCancel } from '../../shared/components/SaveOrCancel';

const Schema = z.object({
  acknowledgedOn: ukDate('Acknowledged on', { required: false }),
  outcome: z.string().trim().max(4000, { error: 'The outcome must be at most 4,000 characters' }),
  lessons: z.string().trim().max(4000, { error: 'Lessons learned must be at most 4,000 characters' }),
  closedOn: ukDate('Closed on', { required: false }),
});
type Values = z.input<typeof Schema>;
const FIELDS = ['acknowledgedOn', 'outcome', 'lessons', 'closedOn'] as const;

/** Acknowledge, record the outcome and lessons learned, close: the main process checks the order of the dates. */
export function ComplaintUpdateForm({ complaint: c, onSaved, onCancel }: { complaint: ComplaintRow; onSaved(c: ComplaintRow): void; onCancel(): void }) {
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: { acknowledgedOn: ukOf(c.acknowledgedOn), outcome: c.outcome ?? '', lessons: c.lessons ?? '', closedOn: ukOf(c.closedOn) },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, 'update-');
  const onValid = async (v: Values) => {
    const given = { acknowledgedOn: isoOf(v.acknowledgedOn), outcome: v.outcome.trim() || undefined, lessons: v.lessons.trim() || undefined, closedOn: isoOf(v.closedOn) };
    try {
      onSaved(await call('updateComplaint', { id: c.id, ...Object.fromEntries(Object.entries(given).filter(([, x]) => x !== undefined)) }));
    } catch (e) {
      applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };
  return (
    <section aria-labelledby="update-form-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="update-form-title">
        Complaint received on {formatDate(c.receivedOn)} from {COMPLAINANT_ROLE_LABELS[c.from].toLowerCase()}
      </h2>
      <p className="govuk-body">{c.about}</p>
      <p className="govuk-body">To be acknowledged by {formatDate(c.acknowledgeBy)} (10 working days after it was received).</p>
      <ErrorSummary errors={summary} focusKey={focusKey} level={3} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <TextField id="update-acknowledgedOn" label="Acknowledged on" hint={DATE_HINT} error={messageFor('acknowledgedOn')} registration={register('acknowledgedOn')} widthClass="govuk-input--width-10" autoComplete="off" />
        <TextArea id="update-outcome" label="Outcome" error={messageFor('outcome')} registration={register('outcome')} />
        <TextArea id="update-lessons" label="Lessons learned" error={messageFor('lessons')} registration={register('lessons')} />
        <TextField id="update-closedOn" label="Closed on" hint={`Once the outcome is recorded. ${DATE_HINT}`} error={messageFor('closedOn')} registration={register('closedOn')} widthClass="govuk-input--width-10" autoComplete="off" />
        <SaveOrCancel saving={formState.isSubmitting} onCancel={onCancel}>
          Save
        </SaveOrCancel>
      </form>
    </section>
  );
}
