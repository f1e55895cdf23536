import { useAudit } from './audit-state';
import { Banner } from '../shared/components/Banner';

/** Decrypt every file and walk the hash chain; say plainly whether anything was wrong. */
export function VerifyAudit() {
  const { verifying, verifyResult, verify } = useAudit();
  return (
    <section aria-labelledby="verify-title" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="verify-title">
        Check nothing has been tampered with
      </h2>
      <p className="govuk-body">
        This opens every file in the casebook and checks that no entry in the trail has been changed or removed.
      </p>
      <div aria-live="polite" data-testid="verify-result">
        {verifying && <p className="govuk-body">Checking every file and the audit trail…</p>}
        {verifyResult?.ok && (
          <Banner title="Success" success>
            <p className="govuk-notification-banner__heading">The audit trail is intact</p>
            <p className="govuk-body">
              {verifyResult.entries} {verifyResult.entries === 1 ? 'entry was' : 'entries were'} checked and every file
              opened correctly. Nothing has been changed outside RJ Casebook.
            </p>
          </Banner>
        )}
        {verifyResult && !verifyResult.ok && (
          <div className="govuk-error-summary" tabIndex={-1}>
            <h2 className="govuk-error-summary__title">The check found problems</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">
                Some files could not be read or the audit trail has been changed. Restore the newest backup that
                checks cleanly, and tell your administrator.
              </p>
              <ul className="govuk-list govuk-list--bullet">
                {verifyResult.problems.map((p, i) => (
                  <li key={i}>
                    <span className="cb-mono">{p.file}</span>: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </div>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={verifying} onClick={() => void verify()}>
        Verify the audit trail
      </button>
    </section>
  );
}
