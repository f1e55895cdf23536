import { RectifiedSchema, RectifyInputSchema } from '../../domain/data-protection/rectification';
import { z } from 'zod';
import { DocumentCheckSchema } from '../../domain/data-protection/leak-report';
import { FindPersonInputSchema, PeopleFoundSchema } from '../../domain/data-protection/person-search';
import {
  GetSubjectAccessInputSchema,
  ListSubjectAccessInputSchema,
  RecordSubjectAccessInputSchema,
  SubjectAccessListSchema,
  SubjectAccessRowSchema,
  SubjectAccessViewSchema,
  UpdateSubjectAccessInputSchema,
} from '../../domain/data-protection/subject-access/register';
import {
  DecideRetentionInputSchema,
  ProposeRetentionInputSchema,
  RetentionResultSchema,
  RetentionReviewSchema,
  ReviewRetentionInputSchema,
} from '../../domain/data-protection/retention/contract';
import { BundlePreviewSchema, BundleRequestSchema, SaveBundleSchema, SavedBundleSchema } from '../../domain/data-protection/subject-access/bundle-preview';
import type { CommandGroup } from '../command-spec';

const empty = z.strictObject({});

/** Data protection in daily use: finding a person, the leak check on any document, the subject access register. */
export const dataProtectionCommands = {
  findPerson: {
    input: FindPersonInputSchema,
    output: PeopleFoundSchema,
    access: 'find-person',
    summary: 'Find a person in every case, closed ones included, by name (any case, accents or not, preferred names) and date of birth',
  },
  rectifyPerson: {
    input: RectifyInputSchema,
    output: RectifiedSchema,
    access: 'rectify-person',
    summary: "Correct a person's details once and apply it to the cases ticked, each as that case's own change; all or none",
  },
  checkFileForPersonalData: {
    input: empty,
    output: DocumentCheckSchema,
    access: 'check-for-personal-data',
    summary: 'Choose a PDF or Word document and look in it for personal data from the casebook',
  },
  listSubjectAccessRequests: {
    input: ListSubjectAccessInputSchema,
    output: SubjectAccessListSchema,
    access: 'manage-subject-access',
    summary: 'The subject access register: each request with its due date (one calendar month, the clock stopped while waiting), status and days left',
  },
  getSubjectAccessRequest: {
    input: GetSubjectAccessInputSchema,
    output: SubjectAccessViewSchema,
    access: 'manage-subject-access',
    summary: 'One subject access request, with the cases its name and date of birth are found in, to tick those that are this person',
  },
  recordSubjectAccessRequest: {
    input: RecordSubjectAccessInputSchema,
    output: SubjectAccessRowSchema,
    access: 'manage-subject-access',
    summary: 'Log a subject access request: received on, the person it is about, their date of birth, who made it',
  },
  updateSubjectAccessRequest: {
    input: UpdateSubjectAccessInputSchema,
    output: SubjectAccessRowSchema,
    access: 'manage-subject-access',
    summary: 'Record a step on a subject access request: identity, clarification, an extension with its reason, the cases covered, completed or closed',
  },
  reviewRetention: {
    input: ReviewRetentionInputSchema,
    output: RetentionReviewSchema,
    access: 'review-retention',
    summary: 'Records due under the retention schedule on a day (today unless given), with the rule and why, and proposals waiting for approval',
  },
  proposeRetention: {
    input: ProposeRetentionInputSchema,
    output: RetentionResultSchema,
    access: 'apply-retention',
    summary: 'Anonymise, delete or keep a record that is due: proposed for a second person when the setting asks, otherwise done at once',
  },
  decideRetention: {
    input: DecideRetentionInputSchema,
    output: RetentionResultSchema,
    access: 'apply-retention',
    summary: "Approve (and so carry out) or refuse someone else's retention proposal",
  },
  previewSubjectAccessBundle: {
    input: BundleRequestSchema,
    output: BundlePreviewSchema,
    access: 'manage-subject-access',
    summary: 'What the subject access bundle for a request will hold, case by case, and every redaction of other people, for review before saving',
  },
  saveSubjectAccessBundle: {
    input: SaveBundleSchema,
    output: SavedBundleSchema,
    access: 'manage-subject-access',
    summary: 'Save the subject access bundle for a request as PDF (optionally with a password) or JSON, after a check that nobody else is named in it',
  },
} as const satisfies CommandGroup;
