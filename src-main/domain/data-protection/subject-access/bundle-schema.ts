import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../../cases/participant-role';

/**
 * The subject access bundle as a file: everything the casebook holds about one person, case by
 * case, with other people redacted. The same object is drawn as the PDF and written as the JSON
 * file, so both say the same thing. Its shape is documented here and versioned: a reader checks
 * `format` and `version` before anything else; a change that would break a reader adds a version.
 *
 * - `cases[].sections[]`: one per kind of record (SECTION_IDS), in that order, only when the
 *   case holds something of that kind about the person.
 * - each entry: a title, `facts` (short values: dates, choices, staff names) and `texts` (what
 *   people wrote, run through the anonymiser; `marks` say where each redaction stands in it).
 * - `redactions`: every place something about someone else was taken out, for review; never
 *   what was taken out.
 *
 * Redactions read the same everywhere: a description in square brackets, "[the other party]",
 * "[phone number]", drawn in italics in the PDF.
 */
export const SUBJECT_ACCESS_BUNDLE_FORMAT = 'rj-casebook.subject-access-bundle';
export const SUBJECT_ACCESS_BUNDLE_VERSION = 1;

export const SECTION_IDS = ['case', 'you', 'people', 'consent', 'risk', 'contacts', 'meetings', 'conferences', 'indirect', 'agreement', 'feedback', 'documents', 'history', 'audit'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  case: 'About the case',
  you: 'Your details',
  people: 'Other people in the case',
  consent: 'Your consent',
  risk: 'Risk assessments about you',
  contacts: 'Contacts with you',
  meetings: 'Meetings you were part of',
  conferences: 'Conferences you attended',
  indirect: 'Messages passed on for you or from you',
  agreement: 'Agreement actions you took on',
  feedback: 'Feedback you gave',
  documents: 'Documents made for you',
  history: 'Case history',
  audit: 'Who worked on the case record (audit trail)',
};

/** Kinds of redaction: the anonymiser's kinds, and 'person' for someone shown by their part only. */
export const REDACTION_KINDS = ['person', 'name', 'date-of-birth', 'phone', 'email', 'address', 'postcode', 'nhs-number', 'ni-number', 'vehicle', 'reference', 'date'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

const Mark = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) });
export const BundleTextSchema = z.strictObject({ name: z.string(), text: z.string(), marks: z.array(Mark) });
export type BundleText = z.infer<typeof BundleTextSchema>;

export const BundleEntrySchema = z.strictObject({
  title: z.string(),
  facts: z.array(z.strictObject({ name: z.string(), value: z.string() })),
  texts: z.array(BundleTextSchema),
});
export type BundleEntry = z.infer<typeof BundleEntrySchema>;

export const BundleSectionSchema = z.strictObject({ id: z.enum(SECTION_IDS), title: z.string(), entries: z.array(BundleEntrySchema) });
export type BundleSection = z.infer<typeof BundleSectionSchema>;

export const BundleCaseSchema = z.strictObject({
  reference: z.string(),
  /** The person's part in this case. */
  role: z.enum(PARTICIPANT_ROLES),
  sections: z.array(BundleSectionSchema),
});
export type BundleCase = z.infer<typeof BundleCaseSchema>;

export const BundleRedactionSchema = z.strictObject({
  /** The case reference. */
  case: z.string(),
  /** Where, in words: "Contacts with you: 3 March 2026, notes". */
  where: z.string(),
  kind: z.enum(REDACTION_KINDS),
  /** What stands in its place, as printed: "[the other party]". */
  label: z.string(),
});
export type BundleRedaction = z.infer<typeof BundleRedactionSchema>;

export const SubjectAccessBundleSchema = z.strictObject({
  format: z.literal(SUBJECT_ACCESS_BUNDLE_FORMAT),
  version: z.literal(SUBJECT_ACCESS_BUNDLE_VERSION),
  request: z.strictObject({ number: z.string(), receivedOn: z.string(), name: z.string(), dateOfBirth: z.string().optional() }),
  service: z.string(),
  madeOn: z.string(),
  /** How redactions are shown, in the words of the cover page. */
  redactionNote: z.string(),
  cases: z.array(BundleCaseSchema),
  redactions: z.array(BundleRedactionSchema),
});
export type SubjectAccessBundle = z.infer<typeof SubjectAccessBundleSchema>;
