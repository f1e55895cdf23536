import { z } from 'zod';
import { ParticipantIdSchema } from '../cases/participant-role';
import { CaseIdSchema } from '../cases/stages';

/**
 * The one document catalogue: every document a case can make, what it is called where it is
 * recorded (the timeline, the audit trail) and where it is chosen (the Documents tab), and
 * whether it is for one participant. The contract, the services, the CLI and the renderer all
 * read this list; the document engine's builders are checked against it.
 */
export const DOCUMENT_KINDS = ['consent-form', 'risk-assessment', 'preparation-record', 'case-summary', 'first-contact-letter', 'meeting-invitation', 'outcome-agreement'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentEntry {
  /** As the timeline records it: "Case summary (PDF) generated". */
  readonly label: string;
  /** As the Documents tab offers it, saying what it is for. */
  readonly choice: string;
  /** For one participant (required), optionally for one, or for the whole case (none). */
  readonly participant: 'required' | 'optional' | 'none';
}

export const DOCUMENT_CATALOGUE: Readonly<Record<DocumentKind, DocumentEntry>> = {
  'consent-form': { label: 'Consent form', choice: 'Consent form', participant: 'required' },
  'risk-assessment': { label: 'Risk assessment record', choice: 'Risk assessment record', participant: 'optional' },
  'preparation-record': { label: 'Preparation meeting record', choice: 'Preparation meeting record', participant: 'optional' },
  'case-summary': { label: 'Case summary', choice: 'Case summary for supervision', participant: 'none' },
  'first-contact-letter': { label: 'First-contact letter', choice: 'First-contact letter', participant: 'required' },
  'meeting-invitation': { label: 'Meeting invitation', choice: 'Meeting invitation', participant: 'required' },
  'outcome-agreement': { label: 'Outcome agreement', choice: 'Outcome agreement (for signing)', participant: 'none' },
};

/** The roles a consent form is printed for (product.md: parents or guardians take part for under-18s). */
export const CONSENT_ROLES = ['harmed', 'responsible', 'supporter', 'parent-guardian'] as const;
export type ConsentRole = (typeof CONSENT_ROLES)[number];

/**
 * The languages a participant's documents are printed in: English, Welsh, or both (Welsh
 * first, as Welsh public services print them). Chosen from the person's recorded language
 * (documentLanguageFor) unless the user picks one.
 */
export const DOCUMENT_LANGUAGES = ['en', 'cy', 'bilingual'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** "Welsh", "Cymraeg", "cy" → Welsh; "Welsh and English", "bilingual", "dwyieithog" → both; anything else → English. */
export function documentLanguageFor(recorded: string | undefined): DocumentLanguage {
  const l = (recorded ?? '').trim().toLowerCase();
  if (!l) return 'en';
  const welsh = /\b(welsh|cymraeg|cymreig)\b|^cy(-gb)?$/.test(l);
  if (/\bbilingual\b|\bdwyieithog\b/.test(l) || (welsh && /\b(english|saesneg)\b/.test(l))) return 'bilingual';
  return welsh ? 'cy' : 'en';
}

export const DOCUMENT_SAVE_FORMATS = ['pdf', 'docx'] as const;
export type DocumentSaveFormat = (typeof DOCUMENT_SAVE_FORMATS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MeetingDetailsSchema = z.strictObject({
  date: z.string().regex(ISO_DATE, { error: 'The meeting date is a date like 2026-03-28' }).optional(),
  time: z.string().trim().max(20, { error: 'The meeting time can have at most 20 characters' }).optional(),
  place: z.string().trim().max(200, { error: 'The meeting place can have at most 200 characters' }).optional(),
});

/** A document asked for: of a case (and participant), or a blank consent form. */
export const DocumentRequestSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS, { error: 'Choose a document' }),
  caseId: CaseIdSchema.optional(),
  participantId: ParticipantIdSchema.optional(),
  blank: z.boolean().optional(),
  role: z.enum(CONSENT_ROLES, { error: 'Choose the role the blank form is for' }).optional(),
  /** Meeting invitation only: what to print for the meeting (left as lines to fill in otherwise). */
  meeting: MeetingDetailsSchema.optional(),
  /** Large print: 16 pt type throughout. */
  largePrint: z.boolean({ error: 'Large print is yes or no' }).optional(),
  /** Overrides the language chosen from the participant's recorded language. */
  language: z.enum(DOCUMENT_LANGUAGES, { error: `Choose the language: ${DOCUMENT_LANGUAGES.join(', ')}` }).optional(),
  /** Consent form and first-contact letter: the young person's version (true) or the adult one (false), instead of choosing by age. */
  youngPerson: z.boolean({ error: 'The young person’s version is yes or no' }).optional(),
});
export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

export const PdfPasswordSchema = z
  .string()
  .min(8, { error: 'A PDF password needs at least 8 characters' })
  .max(200, { error: 'A PDF password can have at most 200 characters' });

export const SaveDocumentSchema = DocumentRequestSchema.extend({
  format: z.enum(DOCUMENT_SAVE_FORMATS, { error: 'Save as PDF or DOCX' }),
  password: PdfPasswordSchema.optional(),
}).refine((i) => i.password === undefined || i.format === 'pdf', { error: 'Only a PDF can be protected with a password', path: ['password'] });
export type SaveDocumentRequest = z.infer<typeof SaveDocumentSchema>;

/** Characters no bundled font has, as the preview and a save report them. */
export const MissingCharactersSchema = z.array(z.string().max(8)).max(10_000);
