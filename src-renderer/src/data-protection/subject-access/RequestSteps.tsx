import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { SubjectAccessRow, UpdateSubjectAccessInput } from '../../../../src-main/domain/data-protection/subject-access/register';
import { call } from '../../shared/api/client';
import { RadiosField } from '../../shared/components/ChoiceFields';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { TextArea } from '../../shared/components/TextArea';
import { TextField } from '../../shared/components/TextField';
import { useFormErrors } from '../../shared/hooks/useFormErrors';
import { applyServerError } from '../../shared/lib/form-errors';
import { formatDate } from '../../shared/lib/dates';
import { DATE_HINT, isoOf, ukDate, ukOf } from '../../quality/form-dates';

const Schema = z
  .object({
    identityAskedOn: ukDate('Proof of identity asked for on', { required: false }),
    identityCheckedOn: ukDate('Identity checked on', { required: false }),
    clarificationAskedOn: ukDate('Clarification asked for on', { required: false }),
    clarificationReceivedOn: ukDate('Clarification received on', { required: false }),
    clarificationAskedAgainOn: ukDate('Further clarification asked for on', { required: false }),
    extensionMonths: z.enum(['', '1', '2']),
    extensionReason: z.string().trim().max(2000, { error: 'The reason must be at most 2,000 characters' }),
    extensionDecidedOn: ukDate('Extension decided on', { required: false }),
    completedOn: ukDate('Completed on', { required: false }),
    closedWithoutBundleOn: ukDate('Closed without a bundle on', { required: false }),
    notes: z.string().trim().max(4000, { error: 'Notes must be at most 4,000 characters' }),
  })
  .superRefine((v, ctx) => {
    // An extension is lawful only with a reason the requester is told (Article 12(3)).
    if (v.extensionMonths && !v.extensionReason) ctx.addIssue({ code: 'custom', path: ['extensionReason'], message: 'Enter the reason for the extension, as the requester will be told it' });
    if (v.extensionMonths && !v.extensionDecidedOn) ctx.addIssue({ code: 'custom', path: ['extensionDecidedOn'], message: 'Enter the day the extension was decided' });
  });
type Values = z.input<typeof Schema>;
const FIELDS = ['identityAskedOn', 'identityCheckedOn', 'clarificationAskedOn', 'clarificationReceivedOn', 'clarificationAskedAgainOn', 'extensionMonths', 'extensionReason', 'extensionDecidedOn', 'completedOn', 'closedWithoutBundleOn', 'notes'] as const;
const RENAME = { 'extension.months': 'extensionMonths', 'extension.reason': 'extensionReason', 'extension.decidedOn': 'extensionDecidedOn' };
const DATES = ['identityAskedOn', 'identityCheckedOn', 'clarificationAskedOn', 'clarificationReceivedOn', 'completedOn', 'closedWithoutBundleOn'] as const;

/** Only what changed is sent: a date left as it was stays, and the audit trail names only the steps taken. */
function changes(r: SubjectAccessRow, v: Values): Omit<UpdateSubjectAccessInput, 'id'> {
  const out: Omit<UpdateSubjectAccessInput, 'id'> = {};
  for (const f of DATES) {
    const iso = isoOf(v[f]);
    if (iso && iso !== r[f]) out[f] = iso;
  }
  const again = isoOf(v.clarificationAskedAgainOn);
  if (again) out.clarificationAskedAgainOn = again;
  if (v.extensionMonths) {
    const extension = { months: Number(v.extensionMonths) as 1 | 2, reason: v.extensionReason.trim(), decidedOn: isoOf(v.extensionDecidedOn) ?? '' };
    if (JSON.stringify(extension) !== JSON.stringify(r.extension)) out.extension = extension;
  }
  if (v.notes.trim() && v.notes.trim() !== r.notes) out.notes = v.notes.trim();
  return out;
}

/**
 * The steps on a request, in the order they happen: identity, clarification (again if need
 * be), an extension with its reason, then completed or closed without a bundle. The main
 * process checks the dates' order and that none is in the future.
 */
export function RequestSteps({ r, onSaved }: { r: SubjectAccessRow; onSaved(r: SubjectAccessRow): void }) {
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, formState, watch, reset } = useForm<Values>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: {
      ...Object.fromEntries(DATES.map((f) => [f, ukOf(r[f])])),
      clarificationAskedAgainOn: '',
      extensionMonths: r.extension ? (String(r.extension.months) as '1' | '2') : '',
      extensionReason: r.extension?.reason ?? '',
      extensionDecidedOn: ukOf(r.extension?.decidedOn),
      notes: r.notes ?? '',
    } as Values,
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, 'step-');
  const months = watch('extensionMonths');
  const answered = !!r.clarificationAskedOn && !!r.clarificationReceivedOn;
  const onValid = async (v: Values) => {
    try {
      const saved = await call('updateSubjectAccessRequest', { id: r.id, ...changes(r, v) });
      reset({ ...v, clarificationAskedAgainOn: '' });
      onSaved(saved);
    } catch (e) {
      applyServerError(e, FIELDS, setError, RENAME);
      setFocusKey((k) => k + 1);
    }
  };
  const date = (f: (typeof FIELDS)[number], label: string, hint?: string) => (
    <TextField id={`step-${f}`} label={label} hint={hint ? `${hint} ${DATE_HINT}` : DATE_HINT} error={messageFor(f)} registration={register(f)} widthClass="govuk-input--width-10" autoComplete="off" />
  );
  return (
    <section aria-labelledby="steps-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="steps-title">
        Steps
      </h2>
      <ErrorSummary errors={summary} focusKey={focusKey} level={3} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Identity</legend>
          {date('identityAskedOn', 'Proof of identity asked for on', 'Only when you are not sure who they are. The month then starts when it is checked.')}
          {date('identityCheckedOn', 'Identity checked on')}
        </fieldset>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Clarification</legend>
          {(r.earlierClarifications ?? []).length > 0 && (
            <p className="govuk-body">
              Asked before: {(r.earlierClarifications ?? []).map((c) => `${formatDate(c.askedOn)} to ${formatDate(c.receivedOn)}`).join('; ')}.
            </p>
          )}
          {date('clarificationAskedOn', 'Clarification asked for on', 'The clock stops until the answer comes.')}
          {date('clarificationReceivedOn', 'Clarification received on')}
          {answered && date('clarificationAskedAgainOn', 'Asked for clarification again on (optional)', 'The days already stopped still count.')}
        </fieldset>
        <RadiosField
          id="step-extensionMonths"
          legend="Extension"
          hint="Up to two further months when the request is complex or one of many from the same person; tell them within the first month, with the reason."
          error={messageFor('extensionMonths')}
          choices={[
            { value: '', label: 'No extension' },
            { value: '1', label: 'One month' },
            { value: '2', label: 'Two months' },
          ]}
          registration={register('extensionMonths')}
          small
        />
        {months && (
          <>
            <TextArea id="step-extensionReason" label="Reason for the extension" error={messageFor('extensionReason')} registration={register('extensionReason')} />
            {date('extensionDecidedOn', 'Extension decided on')}
          </>
        )}
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Answer</legend>
          {date('completedOn', 'Completed on', 'The day the bundle was sent.')}
          {date('closedWithoutBundleOn', 'Closed without a bundle on', 'Withdrawn, or refused as manifestly unfounded or excessive: say why in the notes.')}
        </fieldset>
        <TextArea id="step-notes" label="Notes" error={messageFor('notes')} registration={register('notes')} />
        <button type="submit" className="govuk-button" disabled={formState.isSubmitting}>
          Save steps
        </button>
      </form>
    </section>
  );
}
