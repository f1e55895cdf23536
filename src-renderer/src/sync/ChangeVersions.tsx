import { useState } from 'react';
import type { ChangeToResolve } from '../../../src-main/domain/sync/status';
import { call, messageOf } from '../shared/api/client';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { RadiosField } from '../shared/components/Fields';
import { Tag } from '../shared/components/Tag';
import { keptWords } from './sync-words';

/** One change: its record and field, the versions side by side, and the choice of one to keep. */
export function ChangeVersions({ change, onResolved }: { change: ChangeToResolve; onResolved(left: ChangeToResolve[], words: string): void }) {
  // Ids allow dots; element ids only need to be unique and stable.
  const id = `keep-${change.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const [choice, setChoice] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const keep = async (e: React.FormEvent) => {
    e.preventDefault();
    if (choice === '') {
      setErrors([{ fieldId: id, message: 'Choose the version to keep' }]);
      return setFocusKey((k) => k + 1);
    }
    setErrors([]);
    setBusy(true);
    try {
      const n = Number(choice);
      onResolved(await call('resolveChange', { id: change.id, choice: n }), keptWords(change, n));
    } catch (err) {
      setErrors([{ message: messageOf(err) }]);
      setFocusKey((k) => k + 1);
      setBusy(false);
    }
  };
  return (
    <section className="cb-change" aria-labelledby={`${id}-title`} data-testid="change-to-resolve">
      <h2 className="govuk-heading-m govuk-!-margin-bottom-1" id={`${id}-title`}>
        {change.record.label}
      </h2>
      <p className="govuk-body-l">{change.field}</p>
      <div className="cb-versions">
        {change.versions.map((v, i) => (
          <div className="govuk-summary-card" key={i} data-testid="version">
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">
                Version {i + 1}
                {i === change.kept && (
                  <Tag colour="turquoise" className="govuk-!-margin-left-2">
                    Kept for now
                  </Tag>
                )}
              </h3>
            </div>
            <div className="govuk-summary-card__content">
              <p className="govuk-body cb-versions__text">{v.text === '' ? <span className="govuk-hint">(left empty)</span> : v.text}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">from {v.from}</p>
            </div>
          </div>
        ))}
      </div>
      <form noValidate onSubmit={(e) => void keep(e)} className="govuk-!-margin-top-6">
        <ErrorSummary errors={errors} focusKey={focusKey} level={3} />
        <RadiosField
          id={id}
          name={id}
          legend="Which version do you want to keep?"
          choices={change.versions.map((v, i) => ({ value: String(i), label: `Version ${i + 1}, from ${v.from}`, ...(i === change.kept ? { hint: 'Kept for now' } : {}) }))}
          value={choice}
          onValue={setChoice}
          error={errors.find((x) => x.fieldId === id)?.message}
        />
        <button type="submit" className="govuk-button" disabled={busy}>
          {busy ? 'Keeping…' : 'Keep this version'}
        </button>
      </form>
    </section>
  );
}
