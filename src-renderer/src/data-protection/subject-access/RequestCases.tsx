import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { PARTICIPANT_ROLE_LABELS } from '../../../../src-main/domain/cases/participant-role';
import type { SubjectAccessRow, SubjectAccessView } from '../../../../src-main/domain/data-protection/subject-access/register';
import { call } from '../../shared/api/client';
import { CheckboxesField } from '../../shared/components/ChoiceFields';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { useFormErrors } from '../../shared/hooks/useFormErrors';
import { applyServerError } from '../../shared/lib/form-errors';
import { formatDate } from '../../shared/lib/dates';

type Values = { caseIds: string[] };
const FIELDS = ['caseIds'] as const;

/**
 * The cases the bundle covers: everywhere the request's name (and date of birth) is found,
 * for the person answering to tick those that are this person — a namesake is not. Cases
 * ticked before and no longer found (a name corrected since) stay on the list.
 */
export function RequestCases({ view, onSaved }: { view: SubjectAccessView; onSaved(r: SubjectAccessRow): void }) {
  const r = view.request;
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ shouldFocusError: false, defaultValues: { caseIds: r.caseIds ?? [] } });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, 'cases-');
  const found = new Set(view.candidates.map((c) => c.caseId));
  const choices = [
    ...view.candidates.map((c) => ({
      value: c.caseId,
      label: `${c.reference}: ${c.name}${c.preferredName ? ` (known as ${c.preferredName})` : ''}, ${PARTICIPANT_ROLE_LABELS[c.role].toLowerCase()}`,
      hint: `${c.dateOfBirth ? `Born ${formatDate(c.dateOfBirth)}` : 'Date of birth not recorded'}${c.closed ? '. The case has ended.' : ''}`,
    })),
    ...r.cases.filter((c) => !found.has(c.caseId)).map((c) => ({ value: c.caseId, label: `${c.reference}`, hint: 'Ticked before; the name no longer matches.' })),
  ];
  const onValid = async (v: Values) => {
    try {
      onSaved(await call('updateSubjectAccessRequest', { id: r.id, caseIds: v.caseIds }));
    } catch (e) {
      applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };
  return (
    <section aria-labelledby="cases-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="cases-title">
        Cases covered
      </h2>
      <p className="govuk-body">
        {view.candidates.length === 0
          ? `Nobody with this name${r.dateOfBirth ? ' and date of birth' : ''} is in the ${view.casesSearched} ${view.casesSearched === 1 ? 'case' : 'cases'} searched.`
          : `Found in ${view.candidates.length} ${view.candidates.length === 1 ? 'place' : 'places'} among ${view.casesSearched} ${view.casesSearched === 1 ? 'case' : 'cases'}, closed ones included.`}
      </p>
      <ErrorSummary errors={summary} focusKey={focusKey} level={3} />
      {choices.length > 0 && (
        <form noValidate onSubmit={handleSubmit(onValid)}>
          <CheckboxesField id="cases-caseIds" legend="Which of these are the person the request is about?" hint="Tick only those you are sure of: the bundle will hold what these cases record about them." error={messageFor('caseIds')} choices={choices} registration={register('caseIds')} />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={formState.isSubmitting}>
            Save cases covered
          </button>
        </form>
      )}
    </section>
  );
}
