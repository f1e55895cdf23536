import { z } from 'zod';
import { CONSENT_ROLES, DocumentRequestSchema, DOCUMENT_SAVE_FORMATS, MissingCharactersSchema, SaveDocumentSchema } from '../../domain/documents/catalogue';
import type { CommandGroup } from '../command-spec';

/**
 * Documents: preview one as HTML, or make it as PDF or DOCX and save it where the user
 * chooses. Saving records the kind and format (never the content) in the audit trail and on
 * the case's timeline. A blank consent form holds nothing from the casebook, so it can be made
 * without unlocking.
 */
export const documentsCommands = {
  previewDocument: {
    input: DocumentRequestSchema,
    output: z.strictObject({ html: z.string(), title: z.string(), missingCharacters: MissingCharactersSchema }),
    access: 'read-cases',
    summary: 'Preview a document',
  },
  saveDocument: {
    input: SaveDocumentSchema,
    output: z.strictObject({ saved: z.boolean(), fileName: z.string(), missingCharacters: MissingCharactersSchema, pages: z.number().int().optional(), bytes: z.number().int().optional() }),
    access: 'save-documents',
    summary: 'Save a document as PDF or DOCX',
  },
  recordPrint: {
    input: DocumentRequestSchema,
    output: z.strictObject({ recorded: z.literal(true) }),
    access: 'save-documents',
    summary: 'Record that a document is being printed (before the print dialog opens)',
  },
  saveBlankForm: {
    input: z.strictObject({
      role: z.enum(CONSENT_ROLES, { error: 'Choose the role the blank form is for' }).optional(),
      format: z.enum(DOCUMENT_SAVE_FORMATS, { error: 'Save as PDF or DOCX' }),
      largePrint: DocumentRequestSchema.shape.largePrint,
      language: DocumentRequestSchema.shape.language,
    }),
    output: z.strictObject({ saved: z.boolean(), fileName: z.string(), missingCharacters: MissingCharactersSchema, pages: z.number().int().optional(), bytes: z.number().int().optional() }),
    access: 'anyone',
    summary: 'Save a blank consent form to fill in by hand',
  },
} as const satisfies CommandGroup;
