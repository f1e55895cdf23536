import type { CaseView } from '../../src-main/domain/cases/case-view';
import { applyAll, people, type World } from './casebook';
import { steps } from './steps';

/**
 * From the referral (or screening) stage to the consent stage with consent from both parties
 * and both risk assessments made but not signed off, through the registry as the app calls it.
 */
export async function toConsentStage(w: World, v: CaseView, team: { lead: string; co?: string }): Promise<CaseView> {
  const ref = await w.call('getCaseworkReference', {});
  const s = steps(ref);
  const p = people(v);
  return applyAll(w, v, [
    ...(v.case.stage === 'referral' ? [{ type: 'advance' } as const] : []),
    { type: 'assign-team', leadId: team.lead, ...(team.co ? { coFacilitatorId: team.co } : {}) },
    { type: 'advance' }, // contact
    s.contact(p.harmed, w.staff.sian),
    s.contact(p.responsible, w.staff.sian),
    { type: 'advance' }, // assessment
    s.assess(p.harmed, 'harmed', w.staff.sian),
    s.assess(p.responsible, 'responsible', w.staff.sian),
    { type: 'advance' }, // preparation
    { type: 'advance' }, // consent
    ...s.consentAll(p.harmed, w.staff.sian),
    ...s.consentAll(p.responsible, w.staff.sian),
  ]);
}
