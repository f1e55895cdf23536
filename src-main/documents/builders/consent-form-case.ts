/**
 * A consent form pre-filled from a real case: the participant and their role, the lead
 * facilitator from the staff list, the process chosen for the case, the parent or guardian's
 * block for an under-18, and a tick against each element the participant has currently
 * consented to (the latest recorded version is "given"). A small adapter over
 * buildConsentForm, which lays the form out.
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
}

export function buildCaseConsentForm(templates: DocumentTemplates, input: CaseConsentFormInput): DocumentModel {
  const c = input.caseData;
  const p = findParticipant(c, input.participantId);
  const current = currentConsent(p);
  const ticked: ConsentElementId[] = templates.consentForm.elements.filter((e) => current.get(e.caseworkId ?? e.id)?.status === 'given').map((e) => e.id);
  const under18 = isUnder18(p.person.dateOfBirth, input.today);

  // The parent or guardian who co-signed most recently, if any consent names one.
  let parentGuardianName: string | undefined;
  if (under18) {
    const signed = [...(p.consent ?? [])].filter((e) => e.parentGuardianId).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).pop();
    const pg = signed ? c.participants.find((x) => x.id === signed.parentGuardianId) : undefined;
    if (pg) parentGuardianName = personName(pg);
  }

  const processType = input.processType ?? (c.processKind ? templates.consentForm.processTypes?.[c.processKind] : undefined);
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
    ...(input.logo ? { logo: input.logo } : {}),
    ...(input.deterministic ? { deterministic: true } : {}),
  });
}
