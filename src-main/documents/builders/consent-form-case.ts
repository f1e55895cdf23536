/**
 * A consent form pre-filled from a real case: the participant and their role, the lead
 * facilitator from the staff list, the process chosen for the case, the parent or guardian's
 * block for an under-18 (and the young person's wording), and, where consent is already
 * recorded, a record of it with a tick against each element currently given (never a form to
 * sign with boxes already ticked). A small adapter over buildConsentForm, which lays the form out.
 */
import { isUnder18 } from '../../domain/shared/age';
import type { Case } from '../../domain/cases/case';
import { currentConsent } from '../../domain/consent/consent';
import type { DocumentModel } from '../model';
import type { ConsentElementId, DocumentTemplates } from '../templates';
import { buildConsentForm } from './consent-form';
import { findParticipant, leadFacilitatorName, personName, type CaseDocumentContext } from './common';

export interface CaseConsentFormInput extends CaseDocumentContext {
  readonly caseData: Case;
  readonly participantId: string;
  /** Overrides the process named from the case's process kind (e.g. "Letter exchange"). */
  readonly processType?: string;
  /** For a supporter: the person they support (the case does not record it). */
  readonly supports?: string;
  /** The young person's form or not; by default, whether the participant is under 18 on the form's date. */
  readonly youngPerson?: boolean;
}

export function buildCaseConsentForm(templates: DocumentTemplates, input: CaseConsentFormInput): DocumentModel {
  const c = input.caseData;
  const p = findParticipant(c, input.participantId);
  const current = currentConsent(p);
  const given = templates.consentForm.elements.filter((e) => current.get(e.caseworkId ?? e.id)?.status === 'given');
  const ticked: ConsentElementId[] = given.map((e) => e.id);
  // Consent already recorded prints as a record of it, dated with the latest consent given; otherwise a form to sign, unticked.
  const recordedOn = given.map((e) => current.get(e.caseworkId ?? e.id)!.on).sort().pop();
  const under18 = isUnder18(p.person.dateOfBirth, input.today);
  const young = input.youngPerson ?? (under18 && p.role !== 'parent-guardian');

  // The parent or guardian who co-signed most recently, if any consent names one.
  let parentGuardianName: string | undefined;
  if (under18) {
    const signed = [...(p.consent ?? [])].filter((e) => e.parentGuardianId).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).pop();
    // Before anyone has co-signed, the case's one parent or guardian, if it has exactly one.
    const parents = c.participants.filter((x) => x.role === 'parent-guardian');
    const pg = signed ? c.participants.find((x) => x.id === signed.parentGuardianId) : parents.length === 1 ? parents[0] : undefined;
    if (pg) parentGuardianName = personName(pg);
  }

  const form = young ? templates.consentFormYoung : templates.consentForm;
  const processType = input.processType ?? (c.processKind ? form.processTypes?.[c.processKind] : undefined);
  return buildConsentForm(templates, {
    role: p.role,
    caseReference: c.reference,
    participantName: personName(p),
    ...(input.supports ? { supports: input.supports } : {}),
    ...(leadFacilitatorName(c, input.staff) ? { facilitatorName: leadFacilitatorName(c, input.staff) } : {}),
    ...(processType ? { processType } : {}),
    under18,
    ...(parentGuardianName ? { parentGuardianName } : {}),
    date: input.today,
    ticked,
    ...(recordedOn ? { record: { on: recordedOn } } : {}),
    ...(young ? { young: true } : {}),
    ...(input.logo ? { logo: input.logo } : {}),
    ...(input.deterministic ? { deterministic: true } : {}),
  });
}
