import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ErrorMessage, FieldsetGroup, describedBy, groupClass } from './FormGroup';

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the choice while it is selected (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

interface Props {
  /** The first input's id; the error summary links here. Later inputs get "-2", "-3"… */
  id: string;
  legend: ReactNode;
  /** s (default), m or a visually plain legend. */
  legendSize?: 's' | 'm' | 'plain';
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice[];
  registration: UseFormRegisterReturn;
  /** Values currently selected, to reveal conditional content. */
  selected?: readonly string[] | string | boolean;
  inline?: boolean;
  small?: boolean;
}

function isSelected(selected: Props['selected'], value: string): boolean {
  if (Array.isArray(selected)) return selected.includes(value);
  return selected === value;
}

function Group({ type, id, legend, legendSize = 's', hint, error, choices, registration, selected, inline, small }: Props & { type: 'radio' | 'checkbox' }) {
  const base = type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  const legendClass = legendSize === 'plain' ? 'govuk-fieldset__legend' : `govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`;
  return (
    <FieldsetGroup id={id} legend={legend} legendClassName={legendClass} hint={hint} error={error}>
      <div className={[base, inline && `${base}--inline`, small && `${base}--small`].filter(Boolean).join(' ')}>
        {choices.map((c, i) => {
          const inputId = i === 0 ? id : `${id}-${i + 1}`;
          const itemHintId = c.hint ? `${inputId}-item-hint` : undefined;
          const open = c.conditional !== undefined && isSelected(selected, c.value);
          return (
            <div key={c.value}>
              <div className={`${base}__item`}>
                <input
                  className={`${base}__input`}
                  id={inputId}
                  type={type}
                  value={c.value}
                  aria-describedby={itemHintId}
                  aria-controls={open ? `${inputId}-conditional` : undefined}
                  {...registration}
                />
                <label className={`govuk-label ${base}__label`} htmlFor={inputId}>
                  {c.label}
                </label>
                {c.hint && (
                  <div id={itemHintId} className={`govuk-hint ${base}__hint`}>
                    {c.hint}
                  </div>
                )}
              </div>
              {open && (
                <div className={`${base}__conditional`} id={`${inputId}-conditional`}>
                  {c.conditional}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}

/** GOV.UK radios in a fieldset, with hints and conditional reveals. */
export function RadiosField(props: Props) {
  return <Group type="radio" {...props} />;
}

/** GOV.UK checkboxes in a fieldset; react-hook-form reads the ticked values as a list. */
export function CheckboxesField(props: Props) {
  return <Group type="checkbox" {...props} />;
}

/**
 * One checkbox on its own ("Needs an interpreter"), read as true or false. `conditional` is
 * revealed under it while it is ticked (GOV.UK conditional reveal): pass it only then.
 */
export function SingleCheckbox({ id, label, hint, error, registration, conditional }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; registration: UseFormRegisterReturn; conditional?: ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={groupClass(error)}>
      <ErrorMessage id={id} error={error} />
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} type="checkbox" aria-describedby={describedBy(id, hint, error)} aria-controls={conditional ? `${id}-conditional` : undefined} {...registration} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div id={hintId} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
        {conditional && (
          <div className="govuk-checkboxes__conditional" id={`${id}-conditional`}>
            {conditional}
          </div>
        )}
      </div>
    </div>
  );
}
