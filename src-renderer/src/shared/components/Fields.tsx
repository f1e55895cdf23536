import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { FieldsetGroup, FormGroup, controlProps } from './FormGroup';

/**
 * Controlled GOV.UK form fields (label, hint, error, control) for forms kept in React state
 * rather than react-hook-form: the referral form, whose shape changes as people are added.
 * Hint and error are tied to the control with aria-describedby; the error message comes
 * before the control, as GOV.UK Frontend renders it.
 */

interface Common {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Label size: 's' (bold, the default), 'm' for a page-level question, or 'plain'. */
  labelSize?: 's' | 'm' | 'plain';
}

function labelClass(size: Common['labelSize']): string {
  return size === 'plain' ? 'govuk-label' : `govuk-label govuk-label--${size ?? 's'}`;
}

export function InputField({
  id,
  label,
  hint,
  error,
  labelSize,
  value,
  onValue,
  widthClass,
  className,
  ...rest
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & { value: string; onValue(v: string): void; widthClass?: string }) {
  return (
    <FormGroup id={id} label={label} labelClassName={labelClass(labelSize)} hint={hint} error={error}>
      <input
        {...controlProps({ id, hint, error })}
        className={['govuk-input', error && 'govuk-input--error', widthClass, className].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        {...rest}
      />
    </FormGroup>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  error,
  labelSize,
  value,
  onValue,
  rows = 4,
  ...rest
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> & { value: string; onValue(v: string): void }) {
  return (
    <FormGroup id={id} label={label} labelClassName={labelClass(labelSize)} hint={hint} error={error}>
      <textarea
        {...controlProps({ id, hint, error })}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        rows={rows}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        {...rest}
      />
    </FormGroup>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  labelSize,
  value,
  onValue,
  choices,
  placeholder,
  ...rest
}: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> & {
    value: string;
    onValue(v: string): void;
    choices: readonly Choice[];
    /** The empty first option, like "Choose a source"; leave out when a value is always set. */
    placeholder?: string;
  }) {
  return (
    <FormGroup id={id} label={label} labelClassName={labelClass(labelSize)} hint={hint} error={error}>
      <select
        {...controlProps({ id, hint, error })}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.hint ? `${c.label} (${c.hint})` : c.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

/**
 * GOV.UK checkboxes in a fieldset. The first box's id is `id`, so an error summary link to
 * the group lands on it (as GOV.UK Frontend does).
 */
export function CheckboxesField({
  id,
  legend,
  hint,
  error,
  choices,
  values,
  onValues,
  small = true,
  columns = false,
  legendSize = 's',
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice[];
  values: readonly string[];
  onValues(v: string[]): void;
  small?: boolean;
  /** Lay long lists out in two columns on wide windows. */
  columns?: boolean;
  legendSize?: 's' | 'm';
}) {
  const toggle = (v: string, on: boolean) => onValues(on ? [...values.filter((x) => x !== v), v] : values.filter((x) => x !== v));
  return (
    <FieldsetGroup id={id} legend={legend} legendClassName={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`} hint={hint} error={error}>
      <div className={['govuk-checkboxes', small && 'govuk-checkboxes--small', columns && 'cb-columns'].filter(Boolean).join(' ')} data-module="govuk-checkboxes">
        {choices.map((c, i) => {
          const boxId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div className="govuk-checkboxes__item" key={c.value}>
              <input
                className="govuk-checkboxes__input"
                id={boxId}
                type="checkbox"
                value={c.value}
                checked={values.includes(c.value)}
                onChange={(e) => toggle(c.value, e.target.checked)}
                aria-describedby={c.hint ? `${boxId}-item-hint` : undefined}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={boxId}>
                {c.label}
              </label>
              {c.hint && (
                <div id={`${boxId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                  {c.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}

/** GOV.UK radios in a fieldset; the first radio's id is `id`. */
export function RadiosField({
  id,
  name,
  legend,
  hint,
  error,
  choices,
  value,
  onValue,
  inline = false,
  small = false,
  legendSize = 's',
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice[];
  value: string;
  onValue(v: string): void;
  inline?: boolean;
  small?: boolean;
  legendSize?: 's' | 'm';
}) {
  return (
    <FieldsetGroup id={id} legend={legend} legendClassName={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`} hint={hint} error={error}>
      <div className={['govuk-radios', inline && 'govuk-radios--inline', small && 'govuk-radios--small'].filter(Boolean).join(' ')} data-module="govuk-radios">
        {choices.map((c, i) => {
          const radioId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div className="govuk-radios__item" key={c.value}>
              <input
                className="govuk-radios__input"
                id={radioId}
                name={name}
                type="radio"
                value={c.value}
                checked={value === c.value}
                onChange={() => onValue(c.value)}
                aria-describedby={c.hint ? `${radioId}-item-hint` : undefined}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={radioId}>
                {c.label}
              </label>
              {c.hint && (
                <div id={`${radioId}-item-hint`} className="govuk-hint govuk-radios__hint">
                  {c.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}

/** A single checkbox answering a yes/no question ("Needs an interpreter"). */
export function CheckboxField({ id, label, hint, checked, onChecked }: { id: string; label: string; hint?: string; checked: boolean; onChecked(v: boolean): void }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
