import { useState } from 'react';
import { ApiError, call } from '../shared/api/client';
import { WarningText } from '../shared/components/WarningText';
import { RestoreFromFile } from './RestoreFromFile';
import { lostCasesOf, RecoverWhatOpens } from './RecoverWhatOpens';

export interface Damage {
  /** The newest backup kept with the casebook that opens cleanly, if there is one. */
  backupId?: string;
  userId: string;
  /** The name of the person who tried to unlock, to start the restore-from-file form with. */
  userName: string;
  passphrase: string;
}

/**
 * Shown on the unlock screen when a file of the casebook is damaged: the casebook cannot be
 * unlocked to reach Settings, so restoring is offered here. A backup kept with the casebook
 * that opens cleanly is restored with the passphrase just typed (it must open the backup
 * itself); a copy saved elsewhere, with the name and passphrase that open it.
 */
export function RestoreDamaged({ damage, onRestored }: { damage: Damage; onRestored: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [lost, setLost] = useState<string[]>();
  const restore = async (backupId: string, partial = false) => {
    setBusy(true);
    setError(undefined);
    setLost(undefined);
    try {
      await call('restoreBackupWhileLocked', { userId: damage.userId, passphrase: damage.passphrase, backupId, partial });
      onRestored();
    } catch (e) {
      const references = lostCasesOf(e);
      if (references) setLost(references);
      else setError(e instanceof ApiError ? e.message : 'The backup could not be restored');
    } finally {
      setBusy(false);
    }
  };
  const { backupId } = damage;
  return (
    <section aria-labelledby="damaged-title" className="govuk-!-margin-bottom-6" role="region">
      <h2 className="govuk-heading-m" id="damaged-title">
        Part of this casebook is damaged
      </h2>
      {backupId ? (
        <>
          <p className="govuk-body">The casebook cannot be opened as it is, but a backup that opens cleanly was found (see the message above).</p>
          <WarningText>Restoring replaces the casebook with the backup. Changes made since it was taken are kept aside as a backup, not lost.</WarningText>
          {error && <p className="govuk-error-message">{error}</p>}
          {lost && <RecoverWhatOpens lost={lost} busy={busy} onRestore={() => void restore(backupId, true)} onCancel={() => setLost(undefined)} />}
          <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={() => void restore(backupId)}>
            {busy ? 'Restoring…' : 'Restore the backup that opens cleanly'}
          </button>
        </>
      ) : (
        <p className="govuk-body">The casebook cannot be opened as it is, and none of the backups kept with it opens cleanly. Restore a copy saved elsewhere instead.</p>
      )}
      <RestoreFromFile userName={damage.userName} onRestored={onRestored} />
    </section>
  );
}
