import { useState } from 'react';
import { ApiError, call } from '../shared/api/client';
import { WarningText } from '../shared/components/WarningText';

export interface Damage {
  backupId: string;
  userId: string;
  passphrase: string;
}

/**
 * Shown on the unlock screen when a file of the casebook is damaged and a backup that opens
 * cleanly exists: the casebook cannot be unlocked to reach Settings, so the restore is offered
 * here, with the passphrase just typed (it must open the backup itself).
 */
export function RestoreDamaged({ damage, onRestored }: { damage: Damage; onRestored: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const restore = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call('restoreBackupWhileLocked', { userId: damage.userId, passphrase: damage.passphrase, backupId: damage.backupId });
      onRestored();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The backup could not be restored');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="damaged-title" className="govuk-!-margin-bottom-6" role="region">
      <h2 className="govuk-heading-m" id="damaged-title">
        Part of this casebook is damaged
      </h2>
      <p className="govuk-body">The casebook cannot be opened as it is, but a backup that opens cleanly was found (see the message above).</p>
      <WarningText>Restoring replaces the casebook with the backup. Changes made since it was taken are kept aside as a backup, not lost.</WarningText>
      {error && <p className="govuk-error-message">{error}</p>}
      <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={restore}>
        {busy ? 'Restoring…' : 'Restore the backup that opens cleanly'}
      </button>
    </section>
  );
}
