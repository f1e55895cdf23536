import type { ConsentRole, DocumentLanguage, DocumentRequest, DocumentSaveFormat, SaveDocumentRequest } from '../../domain/documents/catalogue';

export interface SavedDocument {
  saved: boolean;
  fileName: string;
  missingCharacters: string[];
  /** PDF only: how many pages. */
  pages?: number;
  bytes?: number;
}

/** Documents, reached as `service.documents`: preview, save (recorded), and the blank consent form. */
export interface DocumentsApi {
  previewDocument(i: DocumentRequest): Promise<{ html: string; title: string; missingCharacters: string[] }>;
  saveDocument(i: SaveDocumentRequest): Promise<SavedDocument>;
  /** Record that the document on screen is being printed (before the print dialog opens); refused where it could not be recorded. */
  recordPrint(i: DocumentRequest): Promise<{ recorded: true }>;
  /** A blank consent form: nothing from the casebook, so no session is needed and nothing is recorded. */
  saveBlankForm(i: { role?: ConsentRole | undefined; format: DocumentSaveFormat; largePrint?: boolean | undefined; language?: DocumentLanguage | undefined }): Promise<SavedDocument>;
}
