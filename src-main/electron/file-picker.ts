import { dialog, type BrowserWindow } from 'electron';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { CasebookError } from '../domain/shared/errors';
import type { FilePicker, PickKind } from '../services/shared/files';

/** The kinds of file offered in the dialog: for attachments, what the store accepts (store/attachments.ts). */
const FILTERS: Record<PickKind, { name: string; extensions: string[] }[]> = {
  attachment: [
    { name: 'Letters and scans', extensions: ['pdf', 'docx', 'txt', 'png', 'jpg', 'jpeg'] },
    { name: 'Recordings', extensions: ['mp3', 'm4a', 'wav', 'mp4', 'webm'] },
  ],
  backup: [{ name: 'RJ Casebook backup', extensions: ['cbkbak'] }],
  'case-file': [{ name: 'Case file (JSON)', extensions: ['json'] }],
  certificate: [{ name: 'Certificates (PDF or image)', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }],
  document: [{ name: 'PDF or Word document', extensions: ['pdf', 'docx'] }],
  'register-csv': [{ name: 'Spreadsheet saved as CSV', extensions: ['csv'] }],
  evidence: [{ name: 'Documents and pictures', extensions: ['pdf', 'docx', 'png', 'jpg', 'jpeg'] }],
  logo: [{ name: 'Pictures (PNG or JPEG)', extensions: ['png', 'jpg', 'jpeg'] }],
};
const TITLES: Record<PickKind, string> = {
  attachment: 'Attach a file',
  backup: 'Choose a backup to restore',
  'case-file': 'Choose a case file to import',
  certificate: 'Attach a training certificate',
  document: 'Choose a document to check for personal data',
  'register-csv': 'Choose a staff register CSV file to import',
  evidence: 'Attach evidence to the health check',
  logo: 'Choose the service logo',
};

/**
 * Choosing a file in the app (an attachment, a backup, a case file): the system's open dialog over the main window. The size is
 * checked on the open handle before anything is read, so a 4 GB video is refused at once and
 * the file cannot be swapped between the check and the read.
 */
export function createFilePicker(window: () => BrowserWindow | undefined): FilePicker {
  return {
    async pick(maxBytes, kind = 'attachment') {
      const options = { title: TITLES[kind], filters: FILTERS[kind], properties: ['openFile'] as ('openFile')[] };
      const parent = window();
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const path = r.canceled ? undefined : r.filePaths[0];
      if (!path) return undefined;
      let handle;
      try {
        handle = await open(path, 'r');
      } catch {
        throw new CasebookError('NOT_FOUND', 'The file could not be opened. Check it is still there and that you may read it.');
      }
      try {
        const { size } = await handle.stat();
        if (size > maxBytes) throw new CasebookError('INVALID_INPUT', `The file is ${(size / 1_048_576).toFixed(1)} MB; the largest that can be attached is ${maxBytes / 1_048_576} MB.`);
        return { name: basename(path), bytes: await handle.readFile() };
      } finally {
        await handle.close();
      }
    },
  };
}
