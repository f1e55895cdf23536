import { requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import { buildBundle, parseBundle } from '../../store/backup-bundle';
import type { LostCase } from '../../store/lost-cases';
import { listBackupFiles } from '../../store/backups';
import type { OpenOptions } from '../../store/open-store';
import { readBundleFrom, restoreWithPassphrase } from '../../store/restore';
import type { FilePorts } from '../shared/files';
import { audit } from './audit-entry';
import { mustBeAbleToRecord } from '../shared/leaving';
import type { StoreHolder } from './holder';
import type { Restored } from './api';

/** A restore's answer: the references of the cases left out, when it was asked to restore what opens. */
const restored = <R extends boolean>(r: R, partial: boolean, lost: readonly LostCase[]): Restored<R> => (partial ? { restored: r, lost: lost.map((l) => l.reference) } : { restored: r });

/** The largest backup file anyone can choose to restore (a casebook of 10,000 cases is under 100 MB). */
const MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/**
 * Backups: the rotating ones kept beside the casebook, a copy saved elsewhere, and restoring
 * (from the list, from a file, and without unlocking when the casebook will not open).
 * Every restore verifies the whole backup before it changes anything.
 */
export function backupUseCases(dir: string, h: StoreHolder, files: FilePorts, lock: (reason: 'restore') => Promise<void>, serial: <T>(job: () => Promise<T>) => Promise<T>, o: OpenOptions = {}) {
  const pickBackup = async () => {
    if (!files.filePicker) throw new CasebookError('WRITE_FAILED', 'Choosing a file is not available here: this copy of RJ Casebook has no way to choose one');
    return files.filePicker.pick(MAX_BACKUP_BYTES, 'backup');
  };
  const restoreWhileLocked = async (source: { backupId: string } | { file: string } | { bytes: Uint8Array; name: string }, who: string, passphrase: string, partial = false) => {
    if (h.store) throw new CasebookError('CONFLICT', 'Lock the casebook before restoring this way, or restore from Settings');
    const { bundle, name } = await readBundleFrom(dir, source);
    const lost = await restoreWithPassphrase(dir, bundle, name, who, passphrase, { ...o, partial });
    h.tell('restore');
    return restored(true, partial, lost);
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
    async restoreBackup(id: string, partial = false) {
      const s = h.need();
      requireCapability(s.user.role, 'manage-backups');
      const { bundle, rel } = await s.readBackup(id);
      const lost = await s.restore(bundle, rel, partial);
      await lock('restore');
      return restored(true, partial, lost);
    },
    async restoreBackupFile(partial = false): Promise<Restored<boolean>> {
      const s = h.need();
      requireCapability(s.user.role, 'manage-backups');
      const file = await pickBackup();
      if (!file) return { restored: false };
      const lost = await serial(async () => {
        const bundle = parseBundle(Buffer.from(file.bytes), 'the backup file');
        const left = await h.need().restore(bundle, 'the backup file', partial);
        await lock('restore');
        return left;
      });
      return restored(true, partial, lost);
    },
    restoreWhileLocked,
    async restoreFileWhileLocked(who: string, passphrase: string, partial = false): Promise<Restored<boolean>> {
      if (h.store) throw new CasebookError('CONFLICT', 'Lock the casebook before restoring this way, or restore from Settings');
      const file = await pickBackup();
      if (!file) return { restored: false };
      return serial(() => restoreWhileLocked({ bytes: file.bytes, name: file.name }, who, passphrase, partial));
    },
  };
}
