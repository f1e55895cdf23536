import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormGroup, controlProps } from './FormGroup';

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
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        {...controlProps({ id, hint, error }, afterId)}
        className={['govuk-input', error && 'govuk-input--error', widthClass, className].filter(Boolean).join(' ')}
        {...rest}
        {...registration}
      />
      {after}
    </FormGroup>
  );
}
