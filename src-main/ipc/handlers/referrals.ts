import type { CasebookService } from '../../services/casebook/api';
import type { referralsCommands } from '../commands/referrals';
import type { HandlersOf } from './types';

/** The referral commands, each a call into `service.referrals`. */
export function referralsHandlers(s: CasebookService): HandlersOf<typeof referralsCommands> {
  return {
    checkReferralDuplicates: (i) => s.referrals.checkReferralDuplicates(i),
    createReferral: (i) => s.referrals.createReferral(i),
  };
}
