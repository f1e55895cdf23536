import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Extra content under the input, described with it (for example the strength hint). */
  after?: ReactNode;
  afterId?: string;
  registration: UseFormRegisterReturn;
  /** A govuk-input--width-N or govuk-!-width-* class. */
  widthClass?: string;
}

/** GOV.UK text input: label, hint and error all tied to the input with aria-describedby. */
export function TextField({ id, label, hint, error, after, afterId, registration, widthClass, className, ...rest }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, afterId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        id={id}
        className={['govuk-input', error && 'govuk-input--error', widthClass, className].filter(Boolean).join(' ')}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...rest}
        {...registration}
      />
      {after}
    </div>
  );
}
