import { useState } from 'react';
import type { UpdateCheck } from '../../../src-main/domain/casebook/updates';
import { call, messageOf } from '../shared/api/client';
import { Details } from '../shared/components/Details';

/**
 * Check for updates, for those who may (administrators and coordinators). RJ Casebook never
 * updates itself: it asks the update address in the service settings whether a newer version
 * is out, and says so, with what the IT team needs to install it.
 */
export function UpdatesSection() {
  const [result, setResult] = useState<UpdateCheck | { state: 'error'; message: string }>();
  const [busy, setBusy] = useState(false);
  async function check() {
    setBusy(true);
    try {
      setResult(await call('checkForUpdates'));
    } catch (e) {
      setResult({ state: 'error', message: messageOf(e) });
    } finally {
      setBusy(false);
    }
  }
  const latest = result?.state === 'available' ? result.latest : undefined;
  return (
    <section aria-labelledby="updates-title" className="govuk-!-margin-top-9" data-testid="updates">
      <h2 className="govuk-heading-m" id="updates-title">
        Updates
      </h2>
      <p className="govuk-body">
        RJ Casebook never downloads or installs anything by itself: your IT team installs new versions. Checking asks the update address in the service settings
        whether there is one.
      </p>
      <button type="button" className="govuk-button" onClick={() => void check()} disabled={busy}>
        Check for updates
      </button>
      <div role="status" data-testid="update-result">
        {busy && <p className="govuk-body">Checking…</p>}
        {!busy && result && (
          <div className="govuk-inset-text">
            <p className={`govuk-body${latest ? ' govuk-!-font-weight-bold' : ''}`}>{result.message}</p>
            {latest?.notes && <p className="govuk-body">{latest.notes}</p>}
            {latest && (
              <Details summary="For your IT team">
                <dl className="govuk-summary-list">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Download</dt>
                    <dd className="govuk-summary-list__value govuk-!-text-break-word">{latest.downloadUrl}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">SHA-256</dt>
                    <dd className="govuk-summary-list__value govuk-!-text-break-word">{latest.sha256}</dd>
                  </div>
                </dl>
              </Details>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
