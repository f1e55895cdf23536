import { z } from 'zod';
import { DocumentCheckSchema } from '../../domain/data-protection/leak-report';
import { FindPersonInputSchema, PeopleFoundSchema } from '../../domain/data-protection/person-search';
import {
  DecideRetentionInputSchema,
  ProposeRetentionInputSchema,
  RetentionResultSchema,
  RetentionReviewSchema,
  ReviewRetentionInputSchema,
} from '../../domain/data-protection/retention/contract';
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
} as const satisfies CommandGroup;
