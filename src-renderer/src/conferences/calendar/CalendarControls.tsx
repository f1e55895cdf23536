import { useState } from 'react';
import type { StaffMember } from '../../../../src-main/domain/staff/staff';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { CheckboxField, InputField, RadiosField, SelectField } from '../../shared/components/Fields';
import { parseUkDate } from '../../shared/lib/dates';
import type { CalendarChoice, CalendarMode } from '../process-state';

const MODES: { value: CalendarMode; label: string }[] = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
];

/**
 * What the calendar shows: week or month, whose meetings, whether postponed and cancelled
 * ones are listed, and which week or month (previous, this, next, or any date typed).
 * Each choice applies at once; none moves focus.
 */
export function CalendarControls({
  choice,
  staff,
  onChoose,
  onStep,
  onToday,
  onGoTo,
}: {
  choice: CalendarChoice;
  staff: readonly StaffMember[];
  onChoose(patch: Partial<CalendarChoice>): void;
  onStep(by: -1 | 1): void;
  onToday(): void;
  onGoTo(date: string): void;
}) {
  const unit = choice.mode;
  const [goTo, setGoTo] = useState('');
  const [goToError, setGoToError] = useState<string>();
  const [focusKey, setFocusKey] = useState(0);

  const go = () => {
    const iso = parseUkDate(goTo);
    if (!iso) {
      setGoToError('Enter a real date, for example 29/03/2026');
      setFocusKey((k) => k + 1);
      return;
    }
    setGoToError(undefined);
    setGoTo('');
    onGoTo(iso);
  };

  return (
    <div className="cb-cal-controls">
      <div className="cb-filters">
        <RadiosField id="calendar-mode" name="calendar-mode" legend="Show" choices={MODES} value={choice.mode} onValue={(v) => onChoose({ mode: v as CalendarMode })} inline small />
        <SelectField
          id="calendar-facilitator"
          label="Facilitator"
          labelSize="s"
          value={choice.facilitatorId}
          onValue={(v) => onChoose({ facilitatorId: v })}
          placeholder="Everyone"
          choices={staff.map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} (left)` }))}
        />
        <CheckboxField id="calendar-hide-inactive" label="Hide postponed and cancelled meetings" checked={choice.hideInactive} onChecked={(v) => onChoose({ hideInactive: v })} />
      </div>
      <div className="cb-cal-controls__move">
        <div className="govuk-button-group" role="group" aria-label={`Change ${unit}`}>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onStep(-1)}>
            <span aria-hidden="true">‹ </span>Previous {unit}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onToday}>
            Today
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onStep(1)}>
            Next {unit}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <form
          className="cb-cal-controls__goto"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            go();
          }}
        >
          <ErrorSummary errors={goToError ? [{ fieldId: 'calendar-goto', message: goToError }] : []} focusKey={focusKey} />
          <div className="cb-search">
            <InputField
              id="calendar-goto"
              label="Go to a date"
              labelSize="plain"
              hint="For example, 29/03/2026"
              error={goToError}
              value={goTo}
              onValue={setGoTo}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              widthClass="govuk-input--width-10"
            />
            <button type="submit" className="govuk-button govuk-button--secondary">
              Go
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
