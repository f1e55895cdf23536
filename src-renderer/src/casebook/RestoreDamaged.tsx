import { useEffect, useRef, useState } from 'react';
import { ApiError, call } from '../shared/api/client';
import { WarningText } from '../shared/components/WarningText';
import { Details } from '../shared/components/Details';
import { RestoreFromFile } from './RestoreFromFile';
import { lostCasesOf, RecoverWhatOpens } from './RecoverWhatOpens';

export interface Damage {
  /** The newest backup kept with the casebook that opens cleanly, if there is one. */
  backupId?: string;
  userId: string;
  /** The name of the person who tried to unlock, to start the restore-from-file form with. */
  userName: string;
  passphrase: string;
  /** The main process's own words (which file, why), for whoever looks after the computer. */
  technical?: string;
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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="damaged-title" className="govuk-!-margin-bottom-6" role="region">
      <h2 className="govuk-heading-m" id="damaged-title" ref={heading} tabIndex={-1}>
        Part of this casebook is damaged
      </h2>
      <p className="govuk-body" data-testid="damage-what-happened">
        A file of this casebook could not be read: it has been damaged (a disk or copying problem, say) or changed outside RJ Casebook. Nothing was opened or changed.
      </p>
      {damage.technical && (
        <Details summary="Technical details">
          <p className="govuk-body" data-testid="damage-technical">
            {damage.technical}
          </p>
        </Details>
      )}
      {backupId ? (
        <>
          <p className="govuk-body">What to do: restore the newest backup kept with the casebook that opens cleanly.</p>
          <WarningText>Restoring replaces the casebook with the backup. Changes made since it was taken are kept aside as a backup, not lost.</WarningText>
          {error && <p className="govuk-error-message">{error}</p>}
          {lost && <RecoverWhatOpens lost={lost} busy={busy} onRestore={() => void restore(backupId, true)} onCancel={() => setLost(undefined)} />}
          <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={() => void restore(backupId)}>
            {busy ? 'Restoring…' : 'Restore the backup that opens cleanly'}
          </button>
        </>
      ) : (
        <p className="govuk-body">What to do: none of the backups kept with the casebook opens cleanly, so restore a copy saved elsewhere.</p>
      )}
      <RestoreFromFile userName={damage.userName} onRestored={onRestored} />
    </section>
  );
}
