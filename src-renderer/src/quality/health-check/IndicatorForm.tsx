import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { MAX_NARRATIVE, RATING_LABELS, RATINGS, type HealthCheckAnswerRow, type Rating } from '../../../../src-main/domain/quality/health-check';
import type { PolicyRow } from '../../../../src-main/domain/quality/policies';
import { call } from '../../shared/api/client';
import { CheckboxesField, RadiosField } from '../../shared/components/ChoiceFields';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { SaveOrCancel } from '../../shared/components/SaveOrCancel';
import { TextArea } from '../../shared/components/TextArea';
import { useFormErrors } from '../../shared/hooks/useFormErrors';
import { applyServerError } from '../../shared/lib/form-errors';

const Schema = z
  .object({
    rating: z.enum(RATINGS).or(z.literal('')).nullable(),
    narrative: z.string().max(MAX_NARRATIVE, { error: `The narrative must be at most ${MAX_NARRATIVE.toLocaleString('en-GB')} characters` }),
    policyIds: z.array(z.string()).or(z.literal(false)),
  })
  .refine((v) => !!v.rating || v.narrative.trim() !== '' || (Array.isArray(v.policyIds) && v.policyIds.length > 0), { path: ['rating'], error: 'Choose a rating, write the narrative or link a policy' });
type Values = z.input<typeof Schema>;
const FIELDS = ['rating', 'narrative', 'policyIds'] as const;
/** A problem with one linked policy ("policyIds.0") belongs to the checkboxes. */
const RENAME = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`policyIds.${i}`, 'policyIds']));

const RATING_HINTS: Record<Rating, string> = {
  met: 'The evidence shows the service meets the indicator',
  partly: 'Some of it is in place; say what is left to do',
  'not-yet': 'Not in place yet; say what the plan is',
};

/**
 * One indicator's answer. Saving is the draft: the whole answer is sent each time (what is left
 * empty is cleared), and the quality lead can come back to it as often as they like.
 */
export function IndicatorForm({ framework, indicator, answer, policies, onSaved, onCancel }: { framework: string; indicator: string; answer?: HealthCheckAnswerRow; policies: PolicyRow[]; onSaved(a: HealthCheckAnswerRow): void; onCancel(): void }) {
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: { rating: answer?.rating ?? null, narrative: answer?.narrative ?? '', policyIds: answer?.policyIds ?? [] },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, 'hc-');

  const onValid = async (v: Values) => {
    const ids = Array.isArray(v.policyIds) ? v.policyIds : [];
    try {
      const saved = await call('saveIndicatorAnswer', {
        framework,
        indicator,
        ...(v.rating ? { rating: v.rating } : {}),
        ...(v.narrative.trim() ? { narrative: v.narrative } : {}),
        ...(ids.length ? { policyIds: ids } : {}),
      });
      onSaved(saved);
    } catch (e) {
      applyServerError(e, FIELDS, setError, RENAME);
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))} aria-labelledby="hc-indicator-title">
      <ErrorSummary errors={summary} focusKey={focusKey} level={3} />
      <RadiosField
        id="hc-rating"
        legend="How far does the service meet it?"
        legendSize="m"
        error={messageFor('rating')}
        choices={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r], hint: RATING_HINTS[r] }))}
        registration={register('rating')}
      />
      <TextArea
        id="hc-narrative"
        label="Narrative"
        hint="What an assessor should know, in the service’s words; the evidence pack prints it under the indicator. Write about the service, never about a participant: a pack that names anyone from a case is refused."
        error={messageFor('narrative')}
        registration={register('narrative')}
        rows={10}
      />
      {policies.length > 0 ? (
        <CheckboxesField
          id="hc-policyIds"
          legend="Policies that evidence it"
          hint="Select all that apply"
          error={messageFor('policyIds')}
          choices={policies.map((p) => ({ value: p.id, label: `${p.title} (version ${p.current.version})` }))}
          registration={register('policyIds')}
          small
        />
      ) : (
        <p className="govuk-body">There are no policies in the register yet to link to it.</p>
      )}
      <SaveOrCancel saving={formState.isSubmitting} onCancel={onCancel}>
        Save indicator {indicator}
      </SaveOrCancel>
    </form>
  );
}
