import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormGroup, controlProps } from './FormGroup';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface Props {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly SelectOption[];
  /** A first option with an empty value ("Choose…"), when nothing is chosen yet. */
  placeholder?: string;
  registration: UseFormRegisterReturn;
}

/** GOV.UK select with its label, hint and error tied to it. */
export function SelectField({ id, label, hint, error, options, placeholder, registration }: Props) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select {...controlProps({ id, hint, error })} className={`govuk-select${error ? ' govuk-select--error' : ''}`} {...registration}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
