/**
 * The two ways a file crosses the casebook's edge, as ports the outer layers fill in: in the
 * app a save or open dialog, in the CLI the path on the command line, in tests memory. The
 * services never choose a path themselves, and record what left only once it has been saved.
 */

/** 'original': a file kept as it came (an attachment), saved under its own name and type. */
export type SaveFormat = 'pdf' | 'docx' | 'ics' | 'csv' | 'json' | 'backup' | 'original';

export interface FileSaver {
  /** Write the bytes where the user chooses; `saved: false` when they cancel. */
  save(suggestedName: string, bytes: Uint8Array, format: SaveFormat): Promise<{ saved: boolean }>;
}

/** What a chosen file is for: the dialog offers the right kinds of file. */
export type PickKind = 'attachment' | 'backup' | 'case-file' | 'certificate' | 'document' | 'register-csv' | 'evidence' | 'logo';

export interface FilePicker {
  /** The chosen file, or undefined when the user cancels. Files over `maxBytes` are refused before reading. */
  pick(maxBytes: number, kind?: PickKind): Promise<{ name: string; bytes: Uint8Array } | undefined>;
}

export interface FilePorts {
  fileSaver?: FileSaver | undefined;
  filePicker?: FilePicker | undefined;
}
