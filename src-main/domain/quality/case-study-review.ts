import { z } from 'zod';
import { ReferenceSchema } from '../cases/case';
import { strictForm } from '../shared/strict-form';
import type { CaseStudy } from './case-study';
import { MAX_CASE_STUDIES, type StudyEdit } from './pack-request';

/**
 * The quality lead reads each case study before it goes into the pack: the draft comes with
 * every replacement's place, so the page can highlight what the anonymiser put in ("the person
 * harmed", "[phone number]", "in the third week"), and each paragraph can be reworded. What
 * was reworded travels back with the pack request by case reference and paragraph number;
 * headings stay the app's own. The finished pack is leak-checked whatever was typed.
 */
export const DraftCaseStudiesInputSchema = strictForm(
  { caseStudies: z.array(ReferenceSchema).min(1, { error: 'Choose at least one case to write up' }).max(MAX_CASE_STUDIES, { error: `At most ${MAX_CASE_STUDIES} case studies` }) },
  'the case studies',
);
export type DraftCaseStudiesInput = z.infer<typeof DraftCaseStudiesInputSchema>;

const REPLACEMENT_KINDS = ['name', 'date', 'date-of-birth', 'phone', 'email', 'address', 'postcode', 'nhs-number', 'ni-number', 'vehicle', 'reference'] as const;

export const StudyDraftSchema = z.strictObject({
  reference: z.string(),
  title: z.string(),
  paragraphs: z.array(
    z.strictObject({
      heading: z.string().optional(),
      text: z.string(),
      replacements: z.array(z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0), kind: z.enum(REPLACEMENT_KINDS), label: z.string() })),
    }),
  ),
});
export type StudyDraft = z.infer<typeof StudyDraftSchema>;
export const StudyDraftsSchema = z.strictObject({ studies: z.array(StudyDraftSchema) });

export function draftFor(reference: string, study: CaseStudy): StudyDraft {
  return { reference, title: study.title, paragraphs: study.paragraphs.map((p) => ({ ...(p.heading ? { heading: p.heading } : {}), text: p.text, replacements: p.replacements })) };
}

/**
 * The study with the reviewed wording in place. The draft is made again from the case when the
 * pack is built, so a case changed since the review has a different number of paragraphs:
 * refused then, rather than putting a paragraph under the wrong heading.
 */
export function withEdits(study: CaseStudy, edit: StudyEdit | undefined): CaseStudy | { problem: string } {
  if (!edit) return study;
  if (edit.paragraphs.length !== study.paragraphs.length) {
    return { problem: `${study.title} has changed since it was reviewed (its case was updated): review it again before building the pack` };
  }
  return { ...study, paragraphs: study.paragraphs.map((p, i) => (edit.paragraphs[i] === p.text ? p : { ...p, text: edit.paragraphs[i]!, replacements: [] })) };
}
