import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { PolicyRow } from '../../../../src-main/domain/quality/policies';
import { call } from '../../shared/api/client';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { TextField } from '../../shared/components/TextField';
import { useFormErrors } from '../../shared/hooks/useFormErrors';
import { applyServerError } from '../../shared/lib/form-errors';
import { DATE_HINT, isoOf, ukDate } from '../form-dates';
import { SaveOrCancel } from '../../shared/components/SaveOrCancel';

const Schema = z.object({
  version: z.string().trim().min(1, { error: 'Enter the new version, for example 4' }).max(20, { error: 'The version must be at most 20 characters' }),
  approvedOn: ukDate('Approved on', { required: true, missing: 'Enter the day the new version was approved' }),
  nextReview: ukDate('Next review', { required: true, missing: 'Enter the day the new version is next to be reviewed' }),
});
type Values = z.input<typeof Schema>;
const FIELDS = ['version', 'approvedOn', 'nextReview'] as const;

/** A new version: the current one is kept in the history with its document; the new document is attached after. */
export function VersionForm({ policy, onSaved, onCancel }: { policy: PolicyRow; onSaved(p: PolicyRow): void; onCancel(): void }) {
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(Schema), shouldFocusError: false, defaultValues: { version: '', approvedOn: '', nextReview: '' } });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, 'version-');
  const onValid = async (v: Values) => {
    try {
      onSaved(await call('addPolicyVersion', { policyId: policy.id, version: v.version, approvedOn: isoOf(v.approvedOn) ?? '', nextReview: isoOf(v.nextReview) ?? '' }));
    } catch (e) {
      applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };
  return (
    <section aria-labelledby="version-form-title" className="govuk-!-margin-top-6">
      <h3 className="govuk-heading-s" id="version-form-title">
        Add a new version
      </h3>
      <p className="govuk-body">Version {policy.current.version} is kept in the history with its document. Attach the new version’s document once it is added.</p>
      <ErrorSummary errors={summary} focusKey={focusKey} level={4} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <TextField id="version-version" label="New version" error={messageFor('version')} registration={register('version')} widthClass="govuk-input--width-5" autoComplete="off" />
        <TextField id="version-approvedOn" label="Approved on" hint={DATE_HINT} error={messageFor('approvedOn')} registration={register('approvedOn')} widthClass="govuk-input--width-10" autoComplete="off" />
        <TextField id="version-nextReview" label="Next review" hint={DATE_HINT} error={messageFor('nextReview')} registration={register('nextReview')} widthClass="govuk-input--width-10" autoComplete="off" />
        <SaveOrCancel saving={formState.isSubmitting} onCancel={onCancel}>
          Add version
        </SaveOrCancel>
      </form>
    </section>
  );
}
