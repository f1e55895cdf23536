import { CasebookError } from '../domain/shared/errors';
import type { FilePicker, FilePorts, FileSaver } from '../services/shared/files';
import { fileSize, readBytes, replacePrivateFile, writePrivateFile } from './files';

/**
 * The CLI's side of the file ports: what the app asks a dialog for, the command line has
 * already said (--out, --from). A command names the file before it calls the contract; the
 * casebook then saves to it (exclusive create, mode 0600, or replaced with --force) or reads
 * from it, exactly as it would through a dialog, and records what left once it has been written.
 */
export class CliFiles implements FilePorts {
  private target: { abs: string; shown: string; force: boolean; written?: number } | undefined;
  private source: { abs: string; shown: string } | undefined;

  saveTo(abs: string, shown: string, o: { force?: boolean } = {}): void {
    this.target = { abs, shown, force: o.force === true };
  }

  readFrom(abs: string, shown: string): void {
    this.source = { abs, shown };
  }

  /** How many bytes the last save wrote (the size on disk). */
  get written(): number | undefined {
    return this.target?.written;
  }

  readonly fileSaver: FileSaver = {
    save: async (_suggested, bytes) => {
      const t = this.target;
      if (!t) throw new CasebookError('USAGE', 'Say where to write the file with --out FILE.');
      t.written = t.force ? await replacePrivateFile(t.abs, t.shown, bytes) : await writePrivateFile(t.abs, t.shown, bytes);
      return { saved: true };
    },
  };

  readonly filePicker: FilePicker = {
    pick: async (maxBytes) => {
      const s = this.source;
      if (!s) throw new CasebookError('USAGE', 'Say which file to read with --from FILE.');
      const size = await fileSize(s.abs, s.shown);
      if (size > maxBytes) throw new CasebookError('INVALID_INPUT', `${s.shown} is ${Math.ceil(size / 1_048_576)} MB; the limit is ${Math.floor(maxBytes / 1_048_576)} MB. Nothing was read.`);
      const name = s.abs.split(/[\\/]/).pop() ?? s.shown;
      return { name, bytes: await readBytes(s.abs, s.shown, maxBytes) };
    },
  };
}
