import { requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import { buildBundle, parseBundle, verifyBundle } from '../../store/backup-bundle';
import { listBackupFiles } from '../../store/backups';
import { readBundleFrom, restoreWithPassphrase } from '../../store/restore';
import type { FilePorts } from '../shared/files';
import { audit } from './audit-entry';
import { mustBeAbleToRecord } from '../shared/leaving';
import type { StoreHolder } from './holder';

/** The largest backup file anyone can choose to restore (a casebook of 10,000 cases is under 100 MB). */
const MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/**
 * Backups: the rotating ones kept beside the casebook, a copy saved elsewhere, and restoring
 * (from the list, from a file, and without unlocking when the casebook will not open).
 * Every restore verifies the whole backup before it changes anything.
 */
export function backupUseCases(dir: string, h: StoreHolder, files: FilePorts, lock: (reason: 'restore') => Promise<void>, serial: <T>(job: () => Promise<T>) => Promise<T>) {
  const pickBackup = async () => {
    if (!files.filePicker) throw new CasebookError('WRITE_FAILED', 'Choosing a file is not available here: this copy of RJ Casebook has no way to choose one');
    return files.filePicker.pick(MAX_BACKUP_BYTES, 'backup');
  };
  const restoreWhileLocked = async (source: { backupId: string } | { file: string } | { bytes: Uint8Array; name: string }, who: string, passphrase: string) => {
    if (h.store) throw new CasebookError('CONFLICT', 'Lock the casebook before restoring this way, or restore from Settings');
    const { bundle, name } = await readBundleFrom(dir, source);
    await restoreWithPassphrase(dir, bundle, name, who, passphrase);
    h.tell('restore');
    return { restored: true as const };
  };

  return {
    async listBackups() {
      requireCapability(h.need().user.role, 'manage-backups');
      return (await listBackupFiles(dir)).map(({ rel: _rel, ...b }) => b);
    },
    async createBackup(reason: string) {
      const s = h.need();
      mustBeAbleToRecord(s, 'back it up');
      const b = await s.backup(reason);
      await audit(s, 'backup.create', { type: 'backup', id: b.id }, [reason]);
      return b;
    },
    async saveBackupCopy() {
      const s = h.need();
      requireCapability(s.user.role, 'manage-backups');
      mustBeAbleToRecord(s, 'copy it');
      if (!files.fileSaver) throw new CasebookError('WRITE_FAILED', 'Saving files is not available here: this copy of RJ Casebook has no way to choose where to save');
      const saver = files.fileSaver;
      const now = s.opts.now();
      const bytes = await serial(() => buildBundle(dir, s.dk, { storeId: s.index.storeId, reason: 'export', now }));
      const fileName = `casebook-backup-${now.toISOString().slice(0, 10)}.cbkbak`;
      // The dialog runs outside the queue; the record of what left, inside it.
      const { saved } = await saver.save(fileName, bytes, 'backup');
      if (saved) await serial(() => audit(h.need(), 'backup.export', { type: 'backup', id: 'file' }));
      return { saved, fileName, bytes: bytes.length };
    },
    async restoreBackup(id: string) {
      const s = h.need();
      requireCapability(s.user.role, 'manage-backups');
      const { bundle, rel } = await s.readBackup(id);
      await s.restore(bundle, rel);
      await lock('restore');
      return { restored: true as const };
    },
    async restoreBackupFile() {
      const s = h.need();
      requireCapability(s.user.role, 'manage-backups');
      const file = await pickBackup();
      if (!file) return { restored: false };
      await serial(async () => {
        const now = h.need();
        const bundle = parseBundle(Buffer.from(file.bytes), 'the backup file');
        verifyBundle(bundle, now.dk, 'the backup file');
        await now.restore(bundle, 'the backup file');
        await lock('restore');
      });
      return { restored: true };
    },
    restoreWhileLocked,
    async restoreFileWhileLocked(who: string, passphrase: string) {
      if (h.store) throw new CasebookError('CONFLICT', 'Lock the casebook before restoring this way, or restore from Settings');
      const file = await pickBackup();
      if (!file) return { restored: false };
      return serial(() => restoreWhileLocked({ bytes: file.bytes, name: file.name }, who, passphrase));
    },
  };
}
