import type { CaseView } from '../../src-main/domain/cases/case-view';
import { applyAll, people, type World } from './casebook';
import { steps } from './steps';

/**
 * From the referral (or screening) stage to the consent stage with consent from both parties
 * and both risk assessments made but not signed off, through the registry as the app calls it.
 * The administrator (Jo Whitfield) assigns the team; the facilitator (Fatima Hussain) signs in
 * to record the contacts, the assessments and the consent, so they name her; then the
 * administrator is signed in again.
 */
export async function toConsentStage(w: World, v: CaseView, team: { lead: string; co?: string }): Promise<CaseView> {
  const ref = await w.call('getCaseworkReference', {});
  const s = steps(ref);
  const p = people(v);
  const assigned = await applyAll(w, v, [
    ...(v.case.stage === 'referral' ? [{ type: 'advance' } as const] : []),
    { type: 'assign-team', leadId: team.lead, ...(team.co ? { coFacilitatorId: team.co } : {}) },
    { type: 'advance' }, // contact
  ]);
  await w.as('facilitator');
  const consenting = await applyAll(w, assigned, [
    s.contact(p.harmed),
    s.contact(p.responsible),
    { type: 'advance' }, // assessment
    s.assess(p.harmed, 'harmed'),
    s.assess(p.responsible, 'responsible'),
    { type: 'advance' }, // preparation
    { type: 'advance' }, // consent
    ...s.consentAll(p.harmed),
    ...s.consentAll(p.responsible),
  ]);
  await w.as('admin');
  return consenting;
}
