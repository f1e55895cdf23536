import type { UseFormRegisterReturn } from 'react-hook-form';
import type { UserChoice } from '../../../../src-main/domain/casebook/user';

/**
 * "Who are you?" as GOV.UK radios. The first radio's id is the field name so the error
 * summary's link lands on it, as GOV.UK Frontend does.
 */
export function UserRadios({ users, error, registration }: { users: UserChoice[]; error?: string; registration: UseFormRegisterReturn }) {
  const name = registration.name;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who are you?</legend>
        {error && (
          <p id={`${name}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-radios" data-module="govuk-radios">
          {users.map((u, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`;
            return (
              <div className="govuk-radios__item" key={u.id}>
                <input className="govuk-radios__input" id={id} type="radio" value={u.id} {...registration} />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {u.name}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
