import { z } from 'zod';
import { DocumentCheckSchema } from '../../domain/data-protection/leak-report';
import { FindPersonInputSchema, PeopleFoundSchema } from '../../domain/data-protection/person-search';
import { BundlePreviewSchema, BundleRequestSchema, SaveBundleSchema, SavedBundleSchema } from '../../domain/data-protection/subject-access/bundle-preview';
import type { CommandGroup } from '../command-spec';

const empty = z.strictObject({});

/** Data protection in daily use: the leak check on any document, against everyone the casebook names. */
export const dataProtectionCommands = {
  findPerson: {
    input: FindPersonInputSchema,
    output: PeopleFoundSchema,
    access: 'find-person',
    summary: 'Find a person in every case, closed ones included, by name (any case, accents or not, preferred names) and date of birth',
  },
  checkFileForPersonalData: {
    input: empty,
    output: DocumentCheckSchema,
    access: 'check-for-personal-data',
    summary: 'Choose a PDF or Word document and look in it for personal data from the casebook',
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
