import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { COMPLAINANT_ROLES, COMPLAINANT_ROLE_LABELS, type ComplaintRow } from '../../../../src-main/domain/quality/complaints';
import { call } from '../../shared/api/client';
import { RadiosField } from '../../shared/components/ChoiceFields';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { TextArea } from '../../shared/components/TextArea';
import { TextField } from '../../shared/components/TextField';
import { useFormErrors } from '../../shared/hooks/useFormErrors';
import { applyServerError } from '../../shared/lib/form-errors';
import { DATE_HINT, isoOf, ukDate } from '../form-dates';
import { SaveOrCancel } from '../../shared/components/SaveOrCancel';

const Schema = z.object({
  receivedOn: ukDate('Received on', { required: true, missing: 'Enter the day the complaint was received' }),
  from: z.enum(COMPLAINANT_ROLES, { error: 'Choose who made the complaint' }),
  caseReference: z.string().trim().toUpperCase(),
  about: z.string().trim().min(1, { error: 'Enter what the complaint is about' }).max(2000, { error: 'What it is about must be at most 2,000 characters' }),
  acknowledgedOn: ukDate('Acknowledged on', { required: false }),
});
type Values = z.input<typeof Schema>;
const FIELDS = ['receivedOn', 'from', 'caseReference', 'about', 'acknowledgedOn'] as const;

/** Record a complaint as it arrives; who made it is their part in the case, not their name. */
export function ComplaintForm({ onSaved, onCancel }: { onSaved(c: ComplaintRow): void; onCancel(): void }) {
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: { receivedOn: '', from: '' as Values['from'], caseReference: '', about: '', acknowledgedOn: '' },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, 'complaint-');
  const onValid = async (v: Values) => {
    const caseReference = v.caseReference.trim().toUpperCase();
    const acknowledgedOn = isoOf(v.acknowledgedOn);
    try {
      onSaved(await call('recordComplaint', { receivedOn: isoOf(v.receivedOn) ?? '', from: v.from, about: v.about, ...(caseReference ? { caseReference } : {}), ...(acknowledgedOn ? { acknowledgedOn } : {}) }));
    } catch (e) {
      applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };
  return (
    <section aria-labelledby="complaint-form-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="complaint-form-title">
        Record a complaint
      </h2>
      <ErrorSummary errors={summary} focusKey={focusKey} level={3} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <TextField id="complaint-receivedOn" label="Received on" hint={DATE_HINT} error={messageFor('receivedOn')} registration={register('receivedOn')} widthClass="govuk-input--width-10" autoComplete="off" />
        <RadiosField
          id="complaint-from"
          legend="Who made the complaint?"
          hint="Their part in the case. Lists show this, never a name."
          error={messageFor('from')}
          choices={COMPLAINANT_ROLES.map((r) => ({ value: r, label: COMPLAINANT_ROLE_LABELS[r] }))}
          registration={register('from')}
          small
        />
        <TextField id="complaint-caseReference" label="Case reference (optional)" hint="For example, RJ-2026-0042" error={messageFor('caseReference')} registration={register('caseReference')} widthClass="govuk-input--width-10" autoComplete="off" spellCheck={false} />
        <TextArea id="complaint-about" label="What is the complaint about?" error={messageFor('about')} registration={register('about')} />
        <TextField id="complaint-acknowledgedOn" label="Acknowledged on (optional)" hint={`If it has been acknowledged already. ${DATE_HINT}`} error={messageFor('acknowledgedOn')} registration={register('acknowledgedOn')} widthClass="govuk-input--width-10" autoComplete="off" />
        <SaveOrCancel saving={formState.isSubmitting} onCancel={onCancel}>
          Record complaint
        </SaveOrCancel>
      </form>
    </section>
  );
}
