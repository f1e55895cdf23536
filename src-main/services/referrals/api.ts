import type { CaseView } from '../../domain/cases/case-view';
import type { DuplicateMatch, ReferralInput } from '../../domain/referrals/referral';

/** Taking referrals, reached as `service.referrals`. */
export interface ReferralsApi {
  /** Cases that may be the same people or the same offence; nothing is written. */
  checkReferralDuplicates(referral: ReferralInput): Promise<DuplicateMatch[]>;
  /** Refused with CONFLICT while there are possible duplicates the user has not seen. */
  createReferral(input: { referral: ReferralInput; duplicatesSeen: boolean }): Promise<CaseView>;
}
