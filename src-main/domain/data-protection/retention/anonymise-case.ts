import type { Case, CaseSummary, Participant } from '../../cases/case';
import { storyLabels } from '../anonymiser/case-people';

/**
 * A case anonymised under the retention schedule. Everyone in it becomes their part in the
 * story ("Person harmed", "Supporter B"); contact details, dates of birth, addresses, free text
 * and attachments go; what the figures count stays. The figures are worked out from the case
 * list row's facts (case-facts.ts), so the row keeps its facts as they were and figures for
 * past periods do not change, while the case file keeps only the bare outline: stage, dates,
 * how it ended, the process kind, offence category, source and flags.
 */
export const REMOVED = 'Removed when the case was anonymised under the retention schedule.';
export const ANONYMISED_FAMILY_NAME = 'Anonymised';
export const ANONYMISED_TIMELINE_KIND = 'retention-anonymised';

/** "the person harmed" → "Person harmed": a label that is also a valid given name. */
function nameLabel(label: string): string {
  const bare = label.replace(/^the /, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

export function participantLabels(c: Case): Map<string, string> {
  const labels = storyLabels(c);
  return new Map(c.participants.map((p) => [p.id, nameLabel(labels.get(`${c.id}/${p.id}`) ?? 'Participant')]));
}

function anonymousParticipant(p: Participant, label: string): Participant {
  return { id: p.id, role: p.role, person: { givenName: label, familyName: ANONYMISED_FAMILY_NAME }, ...(p.takesPart !== undefined ? { takesPart: p.takesPart } : {}) };
}

export function anonymisedCase(c: Case, o: { now: string; by: string; rule: string }): Case {
  const labels = participantLabels(c);
  const r = c.referral;
  return {
    id: c.id,
    reference: c.reference,
    createdAt: c.createdAt,
    updatedAt: o.now,
    revision: c.revision + 1,
    stage: c.stage,
    ...(c.exit ? { exit: { ...c.exit, reason: REMOVED } } : {}),
    referral: { source: r.source, receivedOn: r.receivedOn, offenceCategory: r.offenceCategory, offenceDescription: '', cjsStage: r.cjsStage, sensitive: r.sensitive, priority: r.priority },
    ...(c.leadFacilitator ? { leadFacilitator: c.leadFacilitator } : {}),
    ...(c.leadFacilitatorId ? { leadFacilitatorId: c.leadFacilitatorId } : {}),
    ...(c.coFacilitatorId ? { coFacilitatorId: c.coFacilitatorId } : {}),
    ...(c.processKind ? { processKind: c.processKind } : {}),
    ...(c.processForm ? { processForm: c.processForm } : {}),
    ...(c.closure ? { closure: { ...c.closure, summary: REMOVED } } : {}),
    participants: c.participants.map((p) => anonymousParticipant(p, labels.get(p.id) as string)),
    timeline: [{ at: o.now, by: o.by, kind: ANONYMISED_TIMELINE_KIND, text: `${REMOVED} Rule: ${o.rule}. Names were replaced by each person's part; contact details, dates of birth, addresses, notes, records of meetings, consent, risk and contacts, and attachments were removed. The figures still count the case as they did.` }],
  };
}

/** The case list row of the anonymised case: labels for names, no dates of birth, the facts (and so the figures) as they were. */
export function anonymisedRow(row: CaseSummary, anonymised: Case): CaseSummary {
  const labels = participantLabels(anonymised);
  return {
    ...row,
    names: anonymised.participants.map((p) => labels.get(p.id) as string),
    people: anonymised.participants.map((p) => ({ role: p.role })),
    updatedAt: anonymised.updatedAt,
    revision: anonymised.revision,
  };
}

/** True for a case this module anonymised: it is not changed again (a save would work its facts out afresh from what is left). */
export function isAnonymised(c: Pick<Case, 'timeline'>): boolean {
  return c.timeline.some((e) => e.kind === ANONYMISED_TIMELINE_KIND);
}

/** Attachment references (keyed digests, 64 hex characters) anywhere in a record. */
export function attachmentRefsIn(value: unknown): Set<string> {
  const out = new Set<string>();
  for (const m of JSON.stringify(value).matchAll(/"([0-9a-f]{64})"/g)) out.add(m[1] as string);
  return out;
}
