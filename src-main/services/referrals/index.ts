import { requireCapability } from '../../domain/access/capabilities';
import { caseworkOf } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import type { ReferralsApi } from './api';
import { createReferral, findDuplicates, parseReferral } from './referrals';

export type { ReferralsApi } from './api';

/** Taking referrals: the form checked against today and the service's lists, duplicates, the new case. */
export function createReferrals(ctx: ServiceContext): ReferralsApi {
  const cw = () => caseworkOf(ctx.need(), ctx.templates);
  return {
    async checkReferralDuplicates(referral) {
      const c = cw();
      requireCapability(c.s.user.role, 'take-referrals');
      return findDuplicates(c, parseReferral(c, referral));
    },
    async createReferral(input) {
      const c = cw();
      requireCapability(c.s.user.role, 'take-referrals');
      return createReferral(c, input);
    },
  };
}
