import type { CasebookService } from '../../services/casebook/api';
import type { documentsCommands } from '../commands/documents';
import type { HandlersOf } from './types';

/** The document commands, each a call into `service.documents`. */
export function documentsHandlers(s: CasebookService): HandlersOf<typeof documentsCommands> {
  return {
    previewDocument: (i) => s.documents.previewDocument(i),
    saveDocument: (i) => s.documents.saveDocument(i),
    recordPrint: (i) => s.documents.recordPrint(i),
    saveBlankForm: (i) => s.documents.saveBlankForm(i),
  };
}
