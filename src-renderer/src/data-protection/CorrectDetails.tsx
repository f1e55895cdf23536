import { useState } from 'react';
import { PARTICIPANT_ROLE_LABELS } from '../../../src-main/domain/cases/participant-role';
import { RECTIFIABLE_FIELDS, RECTIFIABLE_LABELS, type RectifiableField } from '../../../src-main/domain/data-protection/rectification';
import type { PersonFound } from '../../../src-main/domain/data-protection/person-search';
import { ApiError, call, messageOf } from '../shared/api/client';
import { Banner } from '../shared/components/Banner';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { CheckboxesField, InputField } from '../shared/components/Fields';
import { parseUkDate } from '../shared/lib/dates';

/**
 * Rectification from the search (issue 13): the corrected details typed once, the cases they
 * apply to ticked, and every ticked case changed or none. Blank fields stay as they are.
 */
export function CorrectDetails({ found, asked }: { found: PersonFound[]; asked: { name: string; dateOfBirth?: string } }) {
  const cases = [...new Map(found.map((p) => [p.caseId, p])).values()];
  const [ticked, setTicked] = useState<string[]>([]);
  const [v, setV] = useState<Record<RectifiableField, string>>(() => Object.fromEntries(RECTIFIABLE_FIELDS.map((f) => [f, ''])) as Record<RectifiableField, string>);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [done, setDone] = useState<string>();
  const id = (f: string) => `correct-${f}`;
  const fieldError = (f: string) => errors.find((e) => e.fieldId === id(f))?.message;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    const changes: Partial<Record<RectifiableField, string>> = {};
    for (const f of RECTIFIABLE_FIELDS) {
      const t = v[f].trim();
      if (!t) continue;
      if (f === 'dateOfBirth') {
        const iso = parseUkDate(t);
        if (!iso) problems.push({ fieldId: id(f), message: 'Enter the date of birth as a real date, for example 01/05/1980' });
        else changes[f] = iso;
      } else changes[f] = t;
    }
    if (ticked.length === 0) problems.push({ fieldId: id('cases'), message: 'Tick at least one case to correct' });
    if (Object.keys(changes).length === 0 && !problems.some((p) => p.fieldId === id('dateOfBirth'))) problems.push({ fieldId: id('givenName'), message: 'Enter at least one corrected detail' });
    setDone(undefined);
    setErrors(problems);
    if (problems.length > 0) return setFocusKey((n) => n + 1);
    try {
      const r = await call('rectifyPerson', { name: asked.name, ...(asked.dateOfBirth ? { dateOfBirth: asked.dateOfBirth } : {}), caseIds: ticked, changes });
      setDone(`${r.fields.map((f) => RECTIFIABLE_LABELS[f]).join(', ')} corrected in ${r.cases.map((c) => c.reference).join(', ')}.`);
    } catch (err) {
      const issues = err instanceof ApiError ? (err.details.issues ?? []) : [];
      const field = (path: string) => (path.startsWith('changes.') ? id(path.slice('changes.'.length)) : path.startsWith('caseIds') ? id('cases') : undefined);
      setErrors(issues.length ? issues.map((i) => ({ fieldId: field(i.path), message: i.message })) : [{ message: messageOf(err) }]);
      setFocusKey((n) => n + 1);
    }
  };

  return (
    <section aria-labelledby="correct-title" data-testid="correct-details">
      <h2 className="govuk-heading-m" id="correct-title">
        Correct their details
      </h2>
      {done && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{done}</p>
          <p className="govuk-body">Each case records the change on its timeline; search again to see the details as they are now.</p>
        </Banner>
      )}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <CheckboxesField
          id={id('cases')}
          legend="Cases to correct"
          hint="Tick only the cases you are sure are this person. Every case ticked is corrected, or none is."
          error={fieldError('cases')}
          choices={cases.map((p) => ({ value: p.caseId, label: `${p.reference}: ${p.name}, ${PARTICIPANT_ROLE_LABELS[p.role].toLowerCase()}` }))}
          values={ticked}
          onValues={setTicked}
        />
        <p className="govuk-body">Enter only what is wrong; blank fields stay as they are.</p>
        {RECTIFIABLE_FIELDS.map((f) => (
          <InputField
            key={f}
            id={id(f)}
            label={RECTIFIABLE_LABELS[f]}
            {...(f === 'dateOfBirth' ? { hint: 'For example, 01/05/1980', inputMode: 'numeric' as const, widthClass: 'govuk-input--width-10' } : { widthClass: 'govuk-!-width-two-thirds' })}
            value={v[f]}
            onValue={(x) => setV({ ...v, [f]: x })}
            error={fieldError(f)}
            autoComplete="off"
          />
        ))}
        <button type="submit" className="govuk-button">
          Correct in the cases ticked
        </button>
      </form>
    </section>
  );
}
