import { useState } from 'react';
import { useSession } from '../app/session';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { PublicLayout } from '../shared/components/PublicLayout';
import { WarningText } from '../shared/components/WarningText';
import { usePageTitle } from '../shared/hooks/usePageTitle';

/**
 * The recovery key is shown once, straight after the casebook is created or its key is changed
 * (then it replaces the old one, which opens nothing any more). The person must say they have
 * stored it before going on: without it a forgotten passphrase loses the data.
 */
export function RecoveryKey() {
  const { recoveryKey, recoveryKeyReplaced, session, recoveryKeyStored } = useSession();
  const h1 = usePageTitle(recoveryKeyReplaced ? 'Your new recovery key' : 'Your recovery key');
  const [stored, setStored] = useState(false);
  const [error, setError] = useState<string>();
  const [focusKey, setFocusKey] = useState(0);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!stored) {
      setError('Tick the box to confirm you have stored the recovery key safely');
      setFocusKey((k) => k + 1);
      return;
    }
    recoveryKeyStored();
  };

  return (
    <PublicLayout serviceName={session?.settings.serviceName}>
      <ErrorSummary errors={error ? [{ fieldId: 'stored', message: error }] : []} focusKey={focusKey} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {recoveryKeyReplaced ? 'Your new recovery key' : 'Your recovery key'}
      </h1>
      {recoveryKeyReplaced && (
        <WarningText>
          The casebook&rsquo;s key was changed, so the old recovery key no longer works. Destroy it, and store this new one in its place.
        </WarningText>
      )}
      <p className="govuk-body">
        If everyone forgets their passphrase, this key is the only way back into the casebook. Nobody else has a copy,
        and you will not see it again.
      </p>
      <p className="govuk-body" id="key-label">
        Recovery key:
      </p>
      <output className="cb-recovery-key" aria-labelledby="key-label" data-testid="recovery-key">
        {/* Groups on a grid so a line never ends mid-group; the dashes stay in the text so a
            copy and paste gives the key exactly as the recover screen accepts it. */}
        {groupsOf(recoveryKey ?? '').map((g, i, all) => (
          <span className="cb-recovery-key__group" key={i}>
            {g}
            {i < all.length - 1 ? '-' : ''}
          </span>
        ))}
      </output>
      <h2 className="govuk-heading-m">Store it safely</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>Write it on paper and keep it in a locked drawer or safe, away from this computer.</li>
        <li>Or keep it in your organisation&rsquo;s password manager.</li>
        <li>Do not email it, photograph it or save it in a file on this computer.</li>
      </ul>
      <WarningText>If you lose both your passphrase and this key, nobody can open the casebook.</WarningText>
      <form noValidate onSubmit={onSubmit}>
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          {error && (
            <p id="stored-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          )}
          <div className="govuk-checkboxes" data-module="govuk-checkboxes">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="stored"
                type="checkbox"
                checked={stored}
                aria-describedby={error ? 'stored-error' : undefined}
                onChange={(e) => {
                  setStored(e.target.checked);
                  if (e.target.checked) setError(undefined);
                }}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="stored">
                I have stored the recovery key safely
              </label>
            </div>
          </div>
        </div>
        <button type="submit" className="govuk-button">
          Continue
        </button>
      </form>
    </PublicLayout>
  );
}

function groupsOf(key: string): string[] {
  return key.split('-').filter(Boolean);
}
