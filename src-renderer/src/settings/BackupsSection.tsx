import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../src-main/ipc/contract';
import { useBackups } from './backups-state';
import { formatBytes, formatDateTime } from '../shared/lib/dates';
import { backupReasonLabel } from '../shared/lib/labels';
import { DateTime } from '../shared/components/DateTime';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { ConfirmAction } from '../shared/components/ConfirmAction';
import { BackupFiles } from './BackupFiles';
import { RecoverWhatOpens } from '../casebook/RecoverWhatOpens';

/**
 * The list of backups, "Back up now", and Restore with a confirm step: a restore replaces
 * everything changed since that backup, and locks the casebook afterwards. Below them, a copy
 * saved elsewhere and restoring from such a file.
 */
export function BackupsSection() {
  const { backups, busy, error, errorKey, notice, lost, load, backUpNow, restore, dismissLost } = useBackups();
  const [confirming, setConfirming] = useState<BackupInfo>();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    // The page's h1 is "Backups": this section has no heading of its own, so the questions it asks are h2s.
    <section>
      <p className="govuk-body">Backups are encrypted copies of the whole casebook, kept on this computer.</p>
      <p className="govuk-body" role="status" data-testid="backup-status">
        {busy ? 'Working…' : notice}
      </p>
      <ErrorSummary errors={error ? [{ message: error }] : []} focusKey={errorKey} />
      {lost && (
        <RecoverWhatOpens
          level={2}
          lost={lost.references}
          busy={busy}
          onRestore={() => void restore(lost.id, true)}
          onCancel={() => {
            dismissLost();
            setConfirming(undefined);
          }}
        />
      )}
      {backups && backups.length === 0 && <p className="govuk-body">There are no backups yet.</p>}
      {backups && backups.length > 0 && (
        <table className="govuk-table" data-testid="backups">
          <caption className="govuk-table__caption govuk-visually-hidden">Backups, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Made</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Size</th>
              <th scope="col" className="govuk-table__header">Why</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {newestFirst(backups).map((b) => (
              <tr className="govuk-table__row" key={b.id}>
                <td className="govuk-table__cell">
                  <DateTime iso={b.createdAt} />
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatBytes(b.bytes)}</td>
                <td className="govuk-table__cell">{backupReasonLabel(b.reason)}</td>
                <td className="govuk-table__cell">
                  <button type="button" className="cb-link-button" disabled={busy} onClick={() => setConfirming(b)}>
                    Restore<span className="govuk-visually-hidden"> the backup made {formatDateTime(b.createdAt)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && !lost && (
        <ConfirmAction
          level={2}
          title={`Restore the backup made ${formatDateTime(confirming.createdAt)}?`}
          confirmLabel="Yes, restore this backup"
          busy={busy}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void restore(confirming.id)}
        >
          <p className="govuk-body">
            Anything changed since then will be lost, including people added and passphrases changed: everyone will use
            the passphrase they had then. A backup of the casebook as it is now is made first, so this can be undone. The
            casebook locks afterwards.
          </p>
        </ConfirmAction>
      )}
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => void backUpNow()}>
        Back up now
      </button>
      <BackupFiles />
    </section>
  );
}

function newestFirst(list: BackupInfo[]): BackupInfo[] {
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
