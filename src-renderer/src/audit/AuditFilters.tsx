import { useState } from 'react';
import { useAudit, auditInitial, type AuditFilterForm } from './audit-state';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { isoToUk, parseUkDate } from '../shared/lib/dates';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_WORDS } from '../../../src-main/domain/casebook/audit-words';

type Box = 'from' | 'to';
const LABEL: Record<Box, string> = { from: 'From', to: 'To' };

/**
 * Date range, person and action; empty means "any", and both dates are included. Dates are
 * typed the UK way (23/11/2026) rather than with the browser's date picker, whose format
 * follows the computer's language settings and can come out American.
 */
export function AuditFilters() {
  const { filter, users, load } = useAudit();
  const [form, setForm] = useState({ ...filter, from: isoToUk(filter.from), to: isoToUk(filter.to) });
  const [errors, setErrors] = useState<Partial<Record<Box, string>>>({});
  const [focusKey, setFocusKey] = useState(0);
  const set = (k: keyof AuditFilterForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: e.target.value });

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Box, string>> = {};
    const iso: Record<Box, string> = { from: '', to: '' };
    for (const box of ['from', 'to'] as const) {
      if (!form[box].trim()) continue;
      const d = parseUkDate(form[box]);
      if (d) iso[box] = d;
      else found[box] = `Enter the “${LABEL[box].toLowerCase()}” date as a real date, for example 23/11/2026`;
    }
    if (!found.from && !found.to && iso.from && iso.to && iso.from > iso.to) found.to = 'The “to” date must be the same as or after the “from” date';
    setErrors(found);
    if (found.from || found.to) {
      setFocusKey((n) => n + 1);
      return;
    }
    void load({ ...form, ...iso }, 0);
  };
  const clear = () => {
    setForm(auditInitial.filter);
    setErrors({});
    void load(auditInitial.filter, 0);
  };
  const summary: SummaryError[] = (['from', 'to'] as const).flatMap((b) => (errors[b] ? [{ fieldId: `audit-${b}`, message: errors[b] }] : []));

  return (
    <form noValidate onSubmit={apply} aria-labelledby="audit-filter-title">
      <h2 className="govuk-heading-s" id="audit-filter-title">
        Filter the trail
      </h2>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <div className="cb-filters">
        {(['from', 'to'] as const).map((b) => (
          <div key={b} className={`govuk-form-group${errors[b] ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor={`audit-${b}`}>
              {LABEL[b]}
            </label>
            <div className="govuk-hint" id={`audit-${b}-hint`}>
              For example, 23/11/2026
            </div>
            {errors[b] && (
              <p id={`audit-${b}-error`} className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors[b]}
              </p>
            )}
            <input
              id={`audit-${b}`}
              className={`govuk-input govuk-input--width-10${errors[b] ? ' govuk-input--error' : ''}`}
              type="text"
              inputMode="numeric"
              spellCheck={false}
              value={form[b]}
              onChange={set(b)}
              aria-describedby={`audit-${b}-hint${errors[b] ? ` audit-${b}-error` : ''}`}
              aria-invalid={errors[b] ? true : undefined}
            />
          </div>
        ))}
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="audit-user">
            Person
          </label>
          <select id="audit-user" className="govuk-select" value={form.userId} onChange={set('userId')}>
            <option value="">Anyone</option>
            {(users ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="audit-action">
            Action
          </label>
          <ActionChoice value={form.action} onChange={set('action')} />
        </div>
        <div className="govuk-form-group govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Apply filters
          </button>
          <button type="button" className="cb-link-button" onClick={clear}>
            Clear filters
          </button>
        </div>
      </div>
    </form>
  );
}

/**
 * Actions as a choice list in words: each group as a whole ("All changes to cases"), then its
 * actions one by one. The filter matches the start of the code, so a group is its prefix.
 */
function ActionChoice({ value, onChange }: { value: string; onChange: (e: React.ChangeEvent<HTMLSelectElement>) => void }) {
  const actions = Object.entries(AUDIT_ACTION_WORDS);
  const ungrouped = actions.filter(([a]) => !AUDIT_ACTION_GROUPS.some((g) => a.startsWith(g.prefix)));
  return (
    <select id="audit-action" className="govuk-select" value={value} onChange={onChange}>
      <option value="">Any action</option>
      {AUDIT_ACTION_GROUPS.map((g) => (
        <optgroup key={g.prefix} label={g.label}>
          <option value={g.prefix}>All: {g.label.toLowerCase()}</option>
          {actions
            .filter(([a]) => a.startsWith(g.prefix))
            .map(([a, words]) => (
              <option key={a} value={a}>
                {words}
              </option>
            ))}
        </optgroup>
      ))}
      <optgroup label="Other">
        {ungrouped.map(([a, words]) => (
          <option key={a} value={a}>
            {words}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
