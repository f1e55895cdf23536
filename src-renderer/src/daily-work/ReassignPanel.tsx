import { useEffect, useRef, useState } from 'react';
import type { FacilitatorLoad } from '../../../src-main/domain/daily-work/team-caseload';
import { PRACTITIONER_LEVEL_LABELS } from '../../../src-main/domain/staff/staff';
import { ApiError, call, messageOf } from '../shared/api/client';
import { useCasework } from '../cases/casework-state';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { SelectField } from '../shared/components/Fields';

/**
 * Reassign the cases one facilitator leads or co-facilitates: tick the cases (all to begin
 * with), choose who takes their place, and confirm. All or none: a case that cannot take the
 * change (a sensitive case needs an Advanced practitioner) stops them all, and the summary
 * says which.
 */
export function ReassignPanel({ from, onCancel, onDone }: { from: FacilitatorLoad; onCancel(): void; onDone(message: string): void }) {
  const { reference, load } = useCasework();
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(from.cases.map((c) => c.caseId)));
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    void load(true);
    heading.current?.focus();
  }, [load]);

  const staff = (reference?.staff ?? []).filter((s) => s.active && s.level && s.id !== from.staffId);
  const fail = (list: SummaryError[]) => {
    setErrors(list);
    setFocusKey((k) => k + 1);
  };
  const submit = async () => {
    const caseIds = from.cases.filter((c) => ticked.has(c.caseId)).map((c) => c.caseId);
    const problems: SummaryError[] = [];
    if (caseIds.length === 0) problems.push({ fieldId: `reassign-${from.cases[0]?.caseId ?? 'none'}`, message: 'Tick at least one case to reassign' });
    if (!to) problems.push({ fieldId: 'reassign-to', message: 'Choose who will take the cases over' });
    if (problems.length > 0) return fail(problems);
    setBusy(true);
    try {
      const r = await call('reassignCases', { caseIds, toStaffId: to, fromStaffId: from.staffId });
      onDone(`${r.cases.length} ${r.cases.length === 1 ? 'case' : 'cases'} reassigned from ${from.name} to ${r.to}.`);
    } catch (e) {
      const issues = e instanceof ApiError ? e.details.issues : undefined;
      // "caseIds.3": the case's own tick box, so the link goes to the box to untick.
      const fieldOf = (path: string) => {
        const i = /^caseIds\.(\d+)$/.exec(path)?.[1];
        return i === undefined ? undefined : `reassign-${caseIds[Number(i)]}`;
      };
      fail(issues && issues.length > 0 ? issues.map((i) => ({ message: i.message, ...(fieldOf(i.path) ? { fieldId: fieldOf(i.path) } : {}) })) : [{ message: messageOf(e) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cb-edit-panel" aria-labelledby="reassign-title" data-testid="reassign">
      <h2 className="govuk-heading-m" id="reassign-title" ref={heading} tabIndex={-1}>
        Reassign the cases of {from.name}
      </h2>
      <ErrorSummary errors={errors} focusKey={focusKey} level={3} />
      <p className="govuk-body">
        The person you choose takes {from.name}&rsquo;s place on each case ticked, as lead or as co-facilitator. Each case is its own change, on its timeline and in the audit trail. If any case cannot take the change, none is changed.
      </p>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Cases to reassign</legend>
          <p className="govuk-body govuk-!-margin-bottom-2">
            <button type="button" className="cb-link-button" onClick={() => setTicked(new Set(from.cases.map((c) => c.caseId)))}>
              Tick all
            </button>
            {' · '}
            <button type="button" className="cb-link-button" onClick={() => setTicked(new Set())}>
              Untick all
            </button>
          </p>
          <div className="govuk-checkboxes govuk-checkboxes--small cb-reassign__cases">
            {from.cases.map((c) => (
              <div className="govuk-checkboxes__item" key={c.caseId}>
                <input
                  className="govuk-checkboxes__input"
                  id={`reassign-${c.caseId}`}
                  type="checkbox"
                  checked={ticked.has(c.caseId)}
                  onChange={(e) => {
                    const next = new Set(ticked);
                    if (e.target.checked) next.add(c.caseId);
                    else next.delete(c.caseId);
                    setTicked(next);
                  }}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`reassign-${c.caseId}`}>
                  {c.reference}
                  {` (${[c.role === 'lead' ? 'leads' : 'co-facilitates', c.sensitive && 'sensitive', c.overdue && 'overdue'].filter(Boolean).join(', ')})`}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <SelectField
        id="reassign-to"
        label="Give them to"
        hint="Sensitive cases need an Advanced practitioner."
        value={to}
        onValue={setTo}
        placeholder="Choose a facilitator"
        choices={staff.map((s) => ({ value: s.id, label: `${s.name} (${PRACTITIONER_LEVEL_LABELS[s.level!]})` }))}
      />
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" disabled={busy} onClick={() => void submit()}>
          Reassign {ticked.size} {ticked.size === 1 ? 'case' : 'cases'}
        </button>
        <button type="button" className="cb-link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
