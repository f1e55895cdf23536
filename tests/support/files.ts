import type { FilePicker, FilePorts, FileSaver, PickKind, SaveFormat } from '../../src-main/services/shared/files';

export interface SavedFile {
  name: string;
  bytes: Uint8Array;
  format: SaveFormat;
}

/**
 * The file ports as tests use them: what the casebook saves is kept in memory (or refused,
 * to play a user cancelling the dialog), and what it asks to open comes from a queue.
 */
export class MemoryFiles implements FilePorts {
  readonly saved: SavedFile[] = [];
  /** Files the next picks return, in order; undefined plays "cancelled". */
  readonly toPick: ({ name: string; bytes: Uint8Array } | undefined)[] = [];
  readonly picked: PickKind[] = [];
  /** The next save is cancelled (the user closes the dialog). */
  cancelNextSave = false;

  readonly fileSaver: FileSaver = {
    save: async (name, bytes, format) => {
      if (this.cancelNextSave) {
        this.cancelNextSave = false;
        return { saved: false };
      }
      this.saved.push({ name, bytes, format });
      return { saved: true };
    },
  };

  readonly filePicker: FilePicker = {
    pick: async (_max, kind = 'attachment') => {
      this.picked.push(kind);
      return this.toPick.shift();
    },
  };

  /** The last file saved. */
  last(): SavedFile {
    const f = this.saved[this.saved.length - 1];
    if (!f) throw new Error('Nothing was saved');
    return f;
  }

  lastText(): string {
    return new TextDecoder().decode(this.last().bytes);
  }
}
