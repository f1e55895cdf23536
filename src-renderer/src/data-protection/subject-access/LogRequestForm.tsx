import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { SubjectAccessRow } from '../../../../src-main/domain/data-protection/subject-access/register';
import { call } from '../../shared/api/client';
import { SingleCheckbox } from '../../shared/components/ChoiceFields';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { SaveOrCancel } from '../../shared/components/SaveOrCancel';
import { TextArea } from '../../shared/components/TextArea';
import { TextField } from '../../shared/components/TextField';
import { useFormErrors } from '../../shared/hooks/useFormErrors';
import { applyServerError } from '../../shared/lib/form-errors';
import { DATE_HINT, isoOf, ukDate } from '../../quality/form-dates';

const Schema = z.object({
  receivedOn: ukDate('Received on', { required: true, missing: 'Enter the day the request was received' }),
  name: z.string().trim().min(1, { error: 'Enter the name of the person the request is about' }).max(200, { error: 'The name must be at most 200 characters' }),
  dateOfBirth: ukDate('Date of birth', { required: false }),
  requester: z.string().trim().max(200, { error: 'Who made the request must be at most 200 characters' }),
  identityAsked: z.boolean(),
  notes: z.string().trim().max(4000, { error: 'Notes must be at most 4,000 characters' }),
});
type Values = z.input<typeof Schema>;
const FIELDS = ['receivedOn', 'name', 'dateOfBirth', 'requester', 'identityAsked', 'notes'] as const;

/**
 * Log a request as it arrives. Proof of identity asked for on the day it came is a tick (the
 * usual case); a later request for it is a step on the request's page.
 */
export function LogRequestForm({ onSaved, onCancel }: { onSaved(r: SubjectAccessRow): void; onCancel(): void }) {
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: { receivedOn: '', name: '', dateOfBirth: '', requester: '', identityAsked: false, notes: '' },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, 'sar-');
  const onValid = async (v: Values) => {
    const receivedOn = isoOf(v.receivedOn) ?? '';
    const dateOfBirth = isoOf(v.dateOfBirth);
    try {
      onSaved(
        await call('recordSubjectAccessRequest', {
          receivedOn,
          name: v.name.trim(),
          ...(dateOfBirth ? { dateOfBirth } : {}),
          ...(v.requester.trim() ? { requester: v.requester.trim() } : {}),
          ...(v.identityAsked ? { identityAskedOn: receivedOn } : {}),
          ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
        }),
      );
    } catch (e) {
      applyServerError(e, FIELDS, setError, { identityAskedOn: 'identityAsked' });
      setFocusKey((k) => k + 1);
    }
  };
  return (
    <section aria-labelledby="sar-form-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="sar-form-title">
        Log a request
      </h2>
      <ErrorSummary errors={summary} focusKey={focusKey} level={3} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <TextField id="sar-receivedOn" label="Received on" hint={`The day it reached the service, by any route. ${DATE_HINT}`} error={messageFor('receivedOn')} registration={register('receivedOn')} widthClass="govuk-input--width-10" autoComplete="off" />
        <TextField id="sar-name" label="Name of the person the request is about" hint="As the request gives it. The register’s lists and Home show the request’s number, never the name." error={messageFor('name')} registration={register('name')} widthClass="govuk-!-width-two-thirds" autoComplete="off" spellCheck={false} />
        <TextField id="sar-dateOfBirth" label="Their date of birth (optional)" hint={`Finds them in the cases more surely. ${DATE_HINT}`} error={messageFor('dateOfBirth')} registration={register('dateOfBirth')} widthClass="govuk-input--width-10" autoComplete="off" />
        <TextField id="sar-requester" label="Made by (optional)" hint="When someone else made it for them: a solicitor, a parent." error={messageFor('requester')} registration={register('requester')} widthClass="govuk-!-width-two-thirds" autoComplete="off" />
        <SingleCheckbox id="sar-identityAsked" label="Proof of identity was asked for on the day it was received" hint="The month starts when identity is checked." error={messageFor('identityAsked')} registration={register('identityAsked')} />
        <TextArea id="sar-notes" label="Notes (optional)" error={messageFor('notes')} registration={register('notes')} />
        <SaveOrCancel saving={formState.isSubmitting} onCancel={onCancel}>
          Log request
        </SaveOrCancel>
      </form>
    </section>
  );
}
