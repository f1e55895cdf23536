import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { IndicatorSchema, type PolicyRow } from '../../../../src-main/domain/quality/policies';
import { call } from '../../shared/api/client';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { useFormErrors } from '../../shared/hooks/useFormErrors';
import { applyServerError } from '../../shared/lib/form-errors';
import { useCasework } from '../../cases/casework-state';
import { DATE_HINT, isoOf, ukDate, ukOf } from '../form-dates';
import { SaveOrCancel } from '../../shared/components/SaveOrCancel';

/** "2.1, 2.5 6.5" → ["2.1", "2.5", "6.5"]. */
const splitIndicators = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

const Schema = z.object({
  title: z.string().trim().min(1, { error: 'Enter the title of the policy' }).max(200, { error: 'The title must be at most 200 characters' }),
  version: z.string().trim().min(1, { error: 'Enter the version, for example 3 or 2.1' }).max(20, { error: 'The version must be at most 20 characters' }),
  ownerId: z.string().min(1, { error: 'Choose who owns the policy' }),
  approvedOn: ukDate('Approved on', { required: true, missing: 'Enter the day the policy was approved' }),
  nextReview: ukDate('Next review', { required: true, missing: 'Enter the day the policy is next to be reviewed' }),
  indicators: z.string().refine((s) => splitIndicators(s).every((i) => IndicatorSchema.safeParse(i).success), { error: 'Write each indicator as its number, like 2.1, separated by commas' }),
});
type Values = z.input<typeof Schema>;
const FIELDS = ['title', 'version', 'ownerId', 'approvedOn', 'nextReview', 'indicators'] as const;
/** Every problem with one indicator ("indicators.2") belongs to the one box. */
const RENAME = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`indicators.${i}`, 'indicators']));

/** Add a policy to the register, or change one's details (a new version has its own form). */
export function PolicyForm({ policy, onSaved, onCancel }: { policy?: PolicyRow; onSaved(p: PolicyRow): void; onCancel(): void }) {
  const staff = useCasework((s) => s.reference?.staff ?? []);
  const [focusKey, setFocusKey] = useState(0);
  const defaults: Values = policy
    ? { title: policy.title, version: policy.current.version, ownerId: policy.ownerId, approvedOn: ukOf(policy.current.approvedOn), nextReview: ukOf(policy.nextReview), indicators: policy.indicators.join(', ') }
    : { title: '', version: '', ownerId: '', approvedOn: '', nextReview: '', indicators: '' };
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(Schema), shouldFocusError: false, defaultValues: defaults });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, 'policy-');

  const onValid = async (v: Values) => {
    try {
      const saved = await call('savePolicy', {
        ...(policy ? { id: policy.id } : {}),
        title: v.title,
        version: v.version,
        ownerId: v.ownerId,
        approvedOn: isoOf(v.approvedOn) ?? '',
        nextReview: isoOf(v.nextReview) ?? '',
        indicators: splitIndicators(v.indicators),
      });
      onSaved(saved);
    } catch (e) {
      applyServerError(e, FIELDS, setError, RENAME);
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <section aria-labelledby="policy-form-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="policy-form-title">
        {policy ? `Change “${policy.title}”` : 'Add a policy'}
      </h2>
      <ErrorSummary errors={summary} focusKey={focusKey} level={3} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <TextField id="policy-title" label="Title" error={messageFor('title')} registration={register('title')} widthClass="govuk-!-width-two-thirds" autoComplete="off" />
        <TextField id="policy-version" label="Version" hint="As written on the document, for example 3 or 2.1" error={messageFor('version')} registration={register('version')} widthClass="govuk-input--width-5" autoComplete="off" />
        <SelectField id="policy-ownerId" label="Owner" hint="The member of staff who keeps it up to date" error={messageFor('ownerId')} placeholder="Choose a member of staff" options={staff.filter((m) => m.active || m.id === policy?.ownerId).map((m) => ({ value: m.id, label: m.name }))} registration={register('ownerId')} />
        <TextField id="policy-approvedOn" label="Approved on" hint={DATE_HINT} error={messageFor('approvedOn')} registration={register('approvedOn')} widthClass="govuk-input--width-10" autoComplete="off" />
        <TextField id="policy-nextReview" label="Next review" hint={DATE_HINT} error={messageFor('nextReview')} registration={register('nextReview')} widthClass="govuk-input--width-10" autoComplete="off" />
        <TextField id="policy-indicators" label="RJC indicators it evidences (optional)" hint="Indicator numbers separated by commas, for example 2.1, 2.5" error={messageFor('indicators')} registration={register('indicators')} widthClass="govuk-!-width-one-half" autoComplete="off" />
        <SaveOrCancel saving={formState.isSubmitting} onCancel={onCancel}>
          {policy ? 'Save changes' : 'Add policy'}
        </SaveOrCancel>
      </form>
    </section>
  );
}
