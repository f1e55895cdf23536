import { app, dialog, type BrowserWindow } from 'electron';
import { chmod, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CasebookError } from '../domain/shared/errors';
import type { FileSaver, SaveFormat } from '../services/shared/files';

const FILTERS = {
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  docx: [{ name: 'Word document', extensions: ['docx'] }],
  ics: [{ name: 'Calendar file', extensions: ['ics'] }],
  csv: [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
  json: [{ name: 'Case file (JSON)', extensions: ['json'] }],
  backup: [{ name: 'RJ Casebook backup', extensions: ['cbkbak'] }],
  original: [],
} as const satisfies Record<SaveFormat, readonly { name: string; extensions: readonly string[] }[]>;

const TITLES: Record<SaveFormat, string> = {
  pdf: 'Save as PDF',
  docx: 'Save as DOCX',
  ics: 'Save calendar file',
  csv: 'Save figures as CSV',
  json: 'Export cases (not encrypted)',
  backup: 'Save a copy of the casebook',
  original: 'Save a copy of the attachment',
};

/**
 * "Save as PDF/DOCX" in the app: the system's save dialog (over the main window, starting in
 * the user's Documents folder with the suggested name), then the file written readable only
 * by its owner (0600). Cancelling the dialog writes nothing and answers { saved: false }.
 */
export function createFileSaver(window: () => BrowserWindow | undefined): FileSaver {
  return {
    async save(suggestedName, bytes, format) {
      const options = {
        title: TITLES[format],
        // Only the name: a suggested name never carries a folder of its own.
        defaultPath: join(app.getPath('documents'), basename(suggestedName)),
        filters: [...FILTERS[format].map((f) => ({ name: f.name, extensions: [...f.extensions] }))],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const parent = window();
      const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return { saved: false };
      try {
        await writeFile(r.filePath, bytes, { mode: 0o600, flag: 'w' });
        // The mode above applies only to a new file; one the user chose to replace is narrowed too.
        await chmod(r.filePath, 0o600);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'the file could not be written';
        throw new CasebookError('WRITE_FAILED', `The file was not saved: ${why}. Choose another folder and try again.`);
      }
      return { saved: true };
    },
  };
}
