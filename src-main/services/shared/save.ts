import type { AuditDraft } from '../../domain/casebook/audit';
import { CasebookError } from '../../domain/shared/errors';
import type { Store } from '../../store/store';
import type { ServiceContext } from './context';
import type { SaveFormat } from './files';
import { mustBeAbleToRecord } from './leaving';

/**
 * Hand bytes to the file saver (a dialog, outside the queue) and, once they are saved, record
 * what left in the audit trail (inside it). Cancelled or failed: nothing is recorded, because
 * nothing left. Returns whether the file was saved.
 */
export async function saveTo(ctx: ServiceContext, name: string, bytes: Uint8Array, format: SaveFormat, record: (s: Store) => AuditDraft): Promise<boolean> {
  mustBeAbleToRecord(ctx.need(), 'save files from it');
  const saver = ctx.files.fileSaver;
  if (!saver) throw new CasebookError('WRITE_FAILED', 'Saving files is not available here: this copy of RJ Casebook has no way to choose where to save');
  const { saved } = await saver.save(name, bytes, format);
  if (saved) {
    await ctx.serial(async () => {
      const s = ctx.need();
      await s.commit([], [record(s)]);
    });
  }
  return saved;
}
