import { useState } from 'react';
import { PARTICIPANT_ROLE_LABELS } from '../../../src-main/domain/cases/participant-role';
import type { PersonFound } from '../../../src-main/domain/data-protection/person-search';
import { can } from '../../../src-main/domain/access/capabilities';
import { useNav } from '../app/nav';
import { useSession } from '../app/session';
import { CorrectDetails } from './CorrectDetails';
import { ApiError, call, messageOf } from '../shared/api/client';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { InputField } from '../shared/components/Fields';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { TableHead } from './TableHead';
import { formatDate, parseUkDate } from '../shared/lib/dates';

/**
 * Find a person everywhere the casebook holds them (a subject access request, a correction of
 * their details, a safeguarding question): by name as you know it and, to be sure, their date
 * of birth. Every case is searched, closed ones included; the search is recorded in the audit
 * trail without the name. Administrators and coordinators only.
 */
export function FindPerson() {
  const h1 = usePageTitle('Find a person');
  const { openCase } = useNav();
  const [name, setName] = useState('');
  const [dob, setDob] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [result, setResult] = useState<{ found: PersonFound[]; casesSearched: number; asked: string; dateOfBirth?: string }>();
  const session = useSession((x) => x.session);
  const mayCorrect = !!session && !session.readOnly && can(session.user.role, 'rectify-person');
  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  const search = async (e: React.FormEvent) => {
    e.preventDefault();
    const found: SummaryError[] = [];
    if (name.trim().length < 2) found.push({ fieldId: 'find-name', message: 'Enter at least two letters of the name' });
    const iso = dob.trim() ? parseUkDate(dob) : undefined;
    if (dob.trim() && !iso) found.push({ fieldId: 'find-dob', message: 'Enter the date of birth as a real date, for example 01/05/1980' });
    // One message at a time: a new search clears the last answer and its problems.
    setResult(undefined);
    setErrors(found);
    if (found.length > 0) return setFocusKey((n) => n + 1);
    try {
      const r = await call('findPerson', { name: name.trim(), ...(iso ? { dateOfBirth: iso } : {}) });
      setResult({ ...r, asked: name.trim(), ...(iso ? { dateOfBirth: iso } : {}) });
    } catch (err) {
      const issues = err instanceof ApiError ? (err.details.issues ?? []) : [];
      setErrors(issues.length ? issues.map((i) => ({ fieldId: i.path === 'dateOfBirth' ? 'find-dob' : 'find-name', message: i.message })) : [{ message: messageOf(err) }]);
      setFocusKey((n) => n + 1);
    }
  };

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Find a person
      </h1>
      <p className="govuk-body">Every case is searched, closed ones included. Type the name as you know it: capitals and accents do not matter, and a preferred name or part of a name will do.</p>
      <form noValidate onSubmit={(e) => void search(e)}>
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <InputField id="find-name" label="Name" value={name} onValue={setName} error={fieldError('find-name')} widthClass="govuk-!-width-two-thirds" autoComplete="off" spellCheck={false} />
        <InputField id="find-dob" label="Date of birth (optional)" hint="For example, 01/05/1980" value={dob} onValue={setDob} error={fieldError('find-dob')} widthClass="govuk-input--width-10" autoComplete="off" inputMode="numeric" />
        <button type="submit" className="govuk-button">
          Find
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result && (
          <p className="govuk-body" data-testid="find-summary">
            {result.found.length === 0 ? `Nobody called “${result.asked}” in ${result.casesSearched} cases.` : `${result.found.length} ${result.found.length === 1 ? 'match' : 'matches'} in ${result.casesSearched} cases.`}
          </p>
        )}
      </div>
      {result && result.found.length > 0 && (
        <table className="govuk-table" data-testid="people-found">
          <caption className="govuk-table__caption govuk-table__caption--s">Where they are in the casebook</caption>
          <TableHead columns={['Name', 'Born', 'Part in the case', 'Case']} />
          <tbody className="govuk-table__body">
            {result.found.map((p) => (
              <tr key={`${p.caseId}-${p.role}-${p.name}`} className="govuk-table__row">
                <td className="govuk-table__cell">
                  {p.name}
                  {p.preferredName && <span className="govuk-hint govuk-!-margin-0"> known as {p.preferredName}</span>}
                </td>
                <td className="govuk-table__cell">{p.dateOfBirth ? formatDate(p.dateOfBirth) : 'Not recorded'}</td>
                <td className="govuk-table__cell">{PARTICIPANT_ROLE_LABELS[p.role]}</td>
                <td className="govuk-table__cell">
                  <button type="button" className="cb-link-button" onClick={() => openCase(p.caseId)}>
                    {p.reference}
                  </button>
                  {p.closed && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Ended</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result && result.found.length > 0 && mayCorrect && <CorrectDetails key={`${result.asked}-${result.dateOfBirth ?? ''}`} found={result.found} asked={{ name: result.asked, ...(result.dateOfBirth ? { dateOfBirth: result.dateOfBirth } : {}) }} />}
    </>
  );
}
