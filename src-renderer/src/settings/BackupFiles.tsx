import { call } from '../shared/api/client';
import { formatBytes } from '../shared/lib/dates';
import { FileAction, useFileAction, type FileActionConfirm } from '../shared/components/FileAction';
import { restoreAndLock } from './backups-state';
import { lostCasesOf, RecoverWhatOpens } from '../casebook/RecoverWhatOpens';
import { useState } from 'react';

const RESTORE_FILE: FileActionConfirm = {
  title: 'Restore from a backup file?',
  confirmLabel: 'Yes, choose the file and restore it',
  body: (
    <p className="govuk-body">
      You choose the backup file next. It is checked before anything is replaced. Anything changed since the copy was saved will be lost, including people added and
      passphrases changed: everyone will use the passphrase they had then. A backup of the casebook as it is now is made first, so this can be undone. The casebook
      locks afterwards.
    </p>
  ),
};

/**
 * Backups kept away from this computer: save an encrypted copy where the person chooses (the
 * main process shows the dialog), and restore from such a file. The backups made here go
 * with the computer if it is stolen, breaks or is replaced; a copy kept elsewhere does not.
 */
export function BackupFiles() {
  const copy = useFileAction();
  const restore = useFileAction();
  const saveCopy = () =>
    copy.run(async () => {
      const r = await call('saveBackupCopy');
      return r.saved ? { heading: `A copy of the casebook was saved as ${r.fileName} (${formatBytes(r.bytes)})` } : undefined;
    });
  // Restored: the casebook locks and this page goes; cancelled: nothing changed, nothing is said.
  // Cases of the chosen backup that do not open, until the person decides (choosing the file again).
  const [lost, setLost] = useState<string[]>();
  const restoreFile = (partial = false) =>
    restore.run(async () => {
      setLost(undefined);
      try {
        await restoreAndLock(async () => (await call('restoreBackupFile', { partial })).restored);
      } catch (e) {
        const references = lostCasesOf(e);
        if (!references) throw e;
        setLost(references);
      }
      return undefined;
    });

  return (
    <>
      <FileAction id="backup-copy" level={2} title="Save a copy of the casebook" action={copy} onRun={saveCopy}>
        <p className="govuk-body">
          Backups made here stay on this computer, so they are lost with it if it is stolen, breaks or is replaced. Save a copy somewhere else as well, for example on
          an encrypted USB stick or in your service’s secure file store.
        </p>
        <p className="govuk-body">
          The copy is encrypted like the casebook itself. It can be restored only with a passphrase of this casebook: over it, the passphrase you unlock it with
          now; onto a new computer, the one you had when the copy was saved.
        </p>
      </FileAction>
      <FileAction id="backup-file" level={2} title="Restore from a backup file" action={restore} onRun={() => restoreFile()} confirm={RESTORE_FILE}>
        <p className="govuk-body">Replace the casebook with a copy saved earlier. Only a copy of this casebook can be restored here.</p>
      </FileAction>
      {lost && <RecoverWhatOpens level={2} lost={lost} busy={restore.busy} chooseFileAgain onRestore={() => void restoreFile(true)} onCancel={() => setLost(undefined)} />}
    </>
  );
}
