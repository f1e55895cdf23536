import type { CasebookApi } from '../../services/casebook/api';
import type { CommandName, OutputOf, ParsedInputOf } from '../contract';
import type { documentsCommands } from '../commands/documents';

type DocumentsName = keyof typeof documentsCommands & CommandName;
export type DocumentsHandlers = { [N in DocumentsName]: (input: ParsedInputOf<N>) => Promise<OutputOf<N>> };

/** The documents commands (contract-documents.ts), each a call into `service.documents`. */
export function documentsHandlers(s: CasebookApi): DocumentsHandlers {
  return {
    previewDocument: (i) => s.documents.previewDocument(i),
    saveDocument: (i) => s.documents.saveDocument(i),
  };
}
