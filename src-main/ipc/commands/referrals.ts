import { z } from 'zod';
import { CaseViewSchema } from '../../domain/cases/case-view';
import { ReferralInputSchema, type DuplicateMatch } from '../../domain/referrals/referral';
import type { CommandGroup } from '../command-spec';

/** Taking a referral: possible duplicates first, then the case it opens. */
const computed = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

export const referralsCommands = {
  checkReferralDuplicates: {
    input: ReferralInputSchema,
    output: z.array(computed<DuplicateMatch>()),
    access: 'take-referrals',
    summary: 'List cases that may be the same people or the same offence as a referral',
  },
  createReferral: {
    input: z.strictObject({ referral: ReferralInputSchema, duplicatesSeen: z.boolean() }),
    output: CaseViewSchema,
    access: 'take-referrals',
    summary: 'Take a referral and open a case',
  },
} as const satisfies CommandGroup;
