import { z } from 'zod';
import { PdfPasswordSchema } from '../../documents/catalogue';
import { PARTICIPANT_ROLES } from '../../cases/participant-role';
import { strictForm } from '../../shared/strict-form';
import { SubjectAccessIdSchema } from './request';
import { BundleRedactionSchema, SECTION_IDS, type SubjectAccessBundle } from './bundle-schema';

/**
 * What the person answering a request sees before saving the bundle (what goes in, case by
 * case, and every redaction), and what they ask for when they save it. The preview carries the
 * labels that replaced other people, never what they replaced.
 */
export const BundleRequestSchema = strictForm({ requestId: SubjectAccessIdSchema }, 'the bundle');

export const SaveBundleSchema = strictForm(
  {
    requestId: SubjectAccessIdSchema,
    format: z.enum(['pdf', 'json'], { error: 'Save the bundle as PDF or JSON' }),
    password: PdfPasswordSchema.optional(),
  },
  'the bundle',
).refine((i) => i.password === undefined || i.format === 'pdf', { error: 'Only a PDF can be protected with a password: choose PDF, or leave the password empty', path: ['password'] });
export type SaveBundleInput = z.infer<typeof SaveBundleSchema>;

export const BundlePreviewSchema = z.strictObject({
  requestId: z.string(),
  name: z.string(),
  cases: z.array(z.strictObject({ reference: z.string(), role: z.enum(PARTICIPANT_ROLES), sections: z.array(z.strictObject({ id: z.enum(SECTION_IDS), title: z.string(), count: z.number().int().min(0) })) })).max(500),
  redactions: z.array(BundleRedactionSchema).max(100_000),
  redactionNote: z.string(),
});
export type BundlePreview = z.infer<typeof BundlePreviewSchema>;

export const SavedBundleSchema = z.strictObject({
  saved: z.boolean(),
  fileName: z.string(),
  bytes: z.number().int().min(0),
  pages: z.number().int().min(1).optional(),
  cases: z.number().int().min(0),
  redactions: z.number().int().min(0),
});
export type SavedBundle = z.infer<typeof SavedBundleSchema>;

export function previewOf(b: SubjectAccessBundle): BundlePreview {
  return {
    requestId: b.request.number,
    name: b.request.name,
    cases: b.cases.map((c) => ({ reference: c.reference, role: c.role, sections: c.sections.map((s) => ({ id: s.id, title: s.title, count: s.entries.length })) })),
    redactions: b.redactions,
    redactionNote: b.redactionNote,
  };
}
