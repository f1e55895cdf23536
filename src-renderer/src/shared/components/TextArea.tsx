import type { ReactNode, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormGroup, controlProps } from './FormGroup';

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
  return (
    <FormGroup id={id} label={label} labelClassName={`govuk-label${plainLabel ? '' : ' govuk-label--s'}`} hint={hint} error={error}>
      <textarea
        {...controlProps({ id, hint, error })}
        rows={rows}
        className={['govuk-textarea', error && 'govuk-textarea--error', className].filter(Boolean).join(' ')}
        {...rest}
        {...registration}
      />
    </FormGroup>
  );
}
