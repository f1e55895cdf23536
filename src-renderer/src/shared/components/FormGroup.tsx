import type { ReactNode } from 'react';

/**
 * The parts every GOV.UK form field shares: the form group (red bar on error), the label or
 * legend, the hint, and the error message with its visually hidden "Error:" prefix, tied to
 * the control by aria-describedby. Field components supply only their own control.
 * Hint and error ids are `${id}-hint` and `${id}-error`; error summaries and tests rely on them.
 */

export interface MessageProps {
  id: string;
  hint?: ReactNode;
  error?: string;
}

/** The ids for a control's aria-describedby: hint and error when shown, then any extra ids. */
export function describedBy(id: string, hint?: ReactNode, error?: string, ...extra: (string | undefined)[]): string | undefined {
  return [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined, ...extra].filter(Boolean).join(' ') || undefined;
}

/** id, aria-describedby and aria-invalid for the control a FormGroup wraps. */
export function controlProps({ id, hint, error }: MessageProps, extraDescribedBy?: string) {
  return { id, 'aria-describedby': describedBy(id, hint, error, extraDescribedBy), 'aria-invalid': error ? true : undefined };
}

export function groupClass(error?: string): string {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

export function ErrorMessage({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

/** Hint then error, the order GOV.UK Frontend renders them (both before the control). */
export function HintAndError({ id, hint, error }: MessageProps) {
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={id} error={error} />
    </>
  );
}

/** A labelled field: label, hint, error, then the control (children). */
export function FormGroup({ id, label, labelClassName = 'govuk-label govuk-label--s', hint, error, children }: MessageProps & { label: ReactNode; labelClassName?: string; children: ReactNode }) {
  return (
    <div className={groupClass(error)}>
      <label className={labelClassName} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** A group of radios or checkboxes: a fieldset whose legend asks the question. */
export function FieldsetGroup({ id, legend, legendClassName, hint, error, children }: MessageProps & { legend: ReactNode; legendClassName: string; children: ReactNode }) {
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={legendClassName}>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}
