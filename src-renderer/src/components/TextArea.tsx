import type { ReactNode, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
  /** Bold label (the default) or plain, for a box inside a fieldset that already has a legend. */
  plainLabel?: boolean;
}

/** GOV.UK textarea: label, hint and error tied to the box with aria-describedby. */
export function TextArea({ id, label, hint, error, registration, plainLabel, rows = 4, className, ...rest }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label${plainLabel ? '' : ' govuk-label--s'}`} htmlFor={id}>
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
      <textarea
        id={id}
        rows={rows}
        className={['govuk-textarea', error && 'govuk-textarea--error', className].filter(Boolean).join(' ')}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        {...rest}
        {...registration}
      />
    </div>
  );
}
