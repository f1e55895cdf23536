import { z } from 'zod';
import { CaseIdSchema } from '../../domain/cases/case';
import { ParticipantIdSchema } from '../../domain/cases/participant-role';
import type { Role } from '../../domain/access/roles';
import type { ConsentRole } from '../../documents/templates';
import type { DocumentKind } from '../../services/documents/generate';
import type { CommandSpec } from '../contract';

// Spelled out here rather than imported, so the contract does not pull the document engine
// (pdf-lib, docx) into whatever imports it; the types check the lists against the engine's.
export const DOCUMENT_KINDS = ['consent-form', 'risk-assessment', 'preparation-record', 'case-summary', 'first-contact-letter', 'meeting-invitation', 'outcome-agreement'] as const satisfies readonly DocumentKind[];
export const CONSENT_ROLES = ['harmed', 'responsible', 'supporter', 'parent-guardian'] as const satisfies readonly ConsentRole[];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsComplete: Same<(typeof DOCUMENT_KINDS)[number], DocumentKind> = true;
const _rolesComplete: Same<(typeof CONSENT_ROLES)[number], ConsentRole> = true;
void _kindsComplete;
void _rolesComplete;

/**
 * Documents commands (issue 4): preview a document as HTML, or make it as PDF or DOCX and
 * save it where the user chooses. Saving records the kind and format (never the content) in
 * the audit trail and on the case's timeline.
 */
const ALL: readonly Role[] = ['administrator', 'coordinator', 'facilitator', 'quality-lead'];
const CASEWORK: readonly Role[] = ['administrator', 'coordinator', 'facilitator'];

const DocumentRequestSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS, { error: 'Choose a document' }),
  caseId: CaseIdSchema.optional(),
  participantId: ParticipantIdSchema.optional(),
  blank: z.boolean().optional(),
  role: z.enum(CONSENT_ROLES, { error: 'Choose the role the blank form is for' }).optional(),
});

const Missing = z.array(z.string().max(8)).max(10_000);

export const documentsCommands = {
  previewDocument: {
    input: DocumentRequestSchema,
    output: z.strictObject({ html: z.string(), title: z.string(), missingCharacters: Missing }),
    access: ALL,
    summary: 'Preview a document',
  },
  saveDocument: {
    input: DocumentRequestSchema.extend({
      format: z.enum(['pdf', 'docx'], { error: 'Save as PDF or DOCX' }),
      password: z
        .string()
        .min(8, { error: 'A PDF password needs at least 8 characters' })
        .max(200, { error: 'A PDF password can have at most 200 characters' })
        .optional(),
    }).refine((i) => i.password === undefined || i.format === 'pdf', { error: 'Only a PDF can be protected with a password', path: ['password'] }),
    output: z.strictObject({ saved: z.boolean(), fileName: z.string(), missingCharacters: Missing }),
    access: CASEWORK,
    summary: 'Save a document as PDF or DOCX',
  },
} as const satisfies Record<string, CommandSpec>;
