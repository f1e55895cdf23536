import { z } from 'zod';
import { ReferenceSchema } from '../cases/case';
import { strictForm } from '../shared/strict-form';
import { text } from '../shared/text';
import { dateField } from '../time/dates';

/**
 * What an evidence pack is built from: a framework, a period, a format, the cases to write up
 * as case studies (by reference), and, when the leak check finds only shapes of personal data
 * the casebook does not list (a postcode, a phone number), the reason the person saving it
 * gives for keeping them: recorded in the audit trail with their name.
 */
export const PACK_FORMATS = ['pdf', 'docx'] as const;
export const MAX_CASE_STUDIES = 10;
export const MAX_STUDY_PARAGRAPH = 8000;
export const MAX_STUDY_PARAGRAPHS = 60;

/** A reviewed case study (case-study-review.ts): its paragraphs as the quality lead left them, in the draft's order. */
export const StudyEditSchema = z.strictObject({
  reference: ReferenceSchema,
  paragraphs: z.array(text('A case study paragraph', MAX_STUDY_PARAGRAPH)).min(1).max(MAX_STUDY_PARAGRAPHS, { error: `A case study has at most ${MAX_STUDY_PARAGRAPHS} paragraphs` }),
});
export type StudyEdit = z.infer<typeof StudyEditSchema>;

export const PackRequestSchema = strictForm(
  {
    framework: z.string({ error: 'Choose a framework' }).regex(/^[a-z][a-z0-9-]{1,30}$/, { error: 'Choose a framework, like rsqm' }),
    from: dateField('From'),
    to: dateField('To'),
    format: z.enum(PACK_FORMATS, { error: 'Choose pdf or docx' }),
    caseStudies: z.array(ReferenceSchema).max(MAX_CASE_STUDIES, { error: `At most ${MAX_CASE_STUDIES} case studies` }).optional(),
    studyEdits: z.array(StudyEditSchema).max(MAX_CASE_STUDIES).optional(),
    auditSize: z.number().int().min(1).max(200).optional(),
    waiver: z.string().trim().min(10, { error: 'Say why the pack may keep what looks like personal data (at least a sentence)' }).max(500).optional(),
  },
  'the evidence pack',
)
  .refine((r) => r.to >= r.from, { path: ['to'], error: 'To must be on or after From' })
  .refine((r) => (r.studyEdits ?? []).every((e) => (r.caseStudies ?? []).includes(e.reference)), { path: ['studyEdits'], error: 'A reviewed case study is no longer chosen: choose it again or review the studies again' });
export type PackRequest = z.infer<typeof PackRequestSchema>;

/**
 * A framework as the pack form offers it: the title and purpose people choose by (from the
 * framework file, so a service's own wording shows), and the period it fixes, if any.
 */
export const FrameworkChoiceSchema = z.strictObject({
  id: z.string().max(40),
  title: z.string().max(200),
  purpose: z.string().max(1_000),
  periodMonths: z.number().int().min(1).max(60).optional(),
});
export type FrameworkChoice = z.infer<typeof FrameworkChoiceSchema>;
