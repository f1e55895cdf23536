import { CONFERENCE_RESULT_LABELS } from '../../conferences/conference-record';
import { describeMeeting, MEETING_STATUS_LABELS } from '../../conferences/meeting';
import { INDIRECT_MEDIUM_LABELS } from '../../conferences/process-type';
import { CONSENT_METHOD_LABELS } from '../../consent/consent-record';
import { CONTACT_METHOD_LABELS, OUTCOME_LABELS } from '../../contacts/contact-record';
import { ACTION_STATUS_LABELS } from '../../outcomes/agreement';
import { AGREE_SCALE_LABELS, FEEDBACK_ITEM_LABELS, FEEDBACK_ITEMS, type AgreeScore } from '../../outcomes/feedback';
import { RISK_DECISION_LABELS } from '../../risk/risk-record';
import { day, entry, who, whoAll, type CaseAt } from './bundle-context';
import { SECTION_TITLES, type BundleEntry, type SectionId } from './bundle-schema';

/**
 * The requester's records in one case, one builder per section: only what is theirs (their
 * consent, the assessments of them, contacts with them, meetings and conferences they were in,
 * what was passed on from or to them, the actions they took on, the feedback they gave). Other
 * people in those records appear by their part; what anyone wrote goes through the redactor.
 */
const STATUS = { given: 'Given', declined: 'Declined', withdrawn: 'Withdrawn' } as const;
const FORMAT = { 'in-person': 'In person', video: 'Video call', phone: 'Phone' } as const;

function consent(at: CaseAt): BundleEntry[] {
  const s = at.src;
  return (at.requester.consent ?? []).map((e) =>
    entry(at, SECTION_TITLES.consent, `${s.consentTitle(e.elementId)} (version ${e.version})`, [
      ['Answer', STATUS[e.status]],
      ['On', day(e.on)],
      ['How', e.method ? CONSENT_METHOD_LABELS[e.method] : undefined],
      ['Taken by', s.staffName(e.takenBy)],
      ['Recorded for them by', s.staffName(e.recordedOnBehalfBy)],
      ['Also signed by', e.parentGuardianId ? who(at, e.parentGuardianId) : undefined],
    ], [['Reason', e.reason]]),
  );
}

function risk(at: CaseAt): BundleEntry[] {
  const s = at.src;
  return (at.requester.risk ?? []).map((a) =>
    entry(
      at,
      SECTION_TITLES.risk,
      `Assessment of ${day(a.assessedOn)} (version ${a.version})`,
      [
        ['Decision', RISK_DECISION_LABELS[a.decision]],
        ['Review on', day(a.reviewOn)],
        ['Assessed by', s.staffName(a.assessedBy)],
        ['Signed off by', a.signOff ? s.staffName(a.signOff.by) : undefined],
        ...a.factors.map((f): [string, string] => [s.factorTitle(f.factorId), f.rating[0]!.toUpperCase() + f.rating.slice(1)]),
      ],
      [['Reason', a.reason], ...a.factors.map((f): [string, string | undefined] => [`Mitigation: ${s.factorTitle(f.factorId)}`, f.mitigation]), ['Sign-off note', a.signOff?.note]],
    ),
  );
}

function contacts(at: CaseAt): BundleEntry[] {
  return (at.requester.contacts ?? []).map((e) =>
    entry(at, SECTION_TITLES.contacts, `${day(e.on)}${e.time ? `, ${e.time}` : ''}: ${e.kind === 'attempt' ? 'attempt to contact you' : 'contact with you'}`, [
      ['How', CONTACT_METHOD_LABELS[e.method]],
      ['Outcome', OUTCOME_LABELS[e.outcome]],
      ['Information about restorative justice given', e.rjInformationGiven],
      ['By', at.src.staffName(e.by)],
    ], [['Notes', e.notes]]),
  );
}

function meetings(at: CaseAt): BundleEntry[] {
  const me = at.requester.id;
  const staff = (ids: readonly (string | undefined)[]) => ids.map((id) => at.src.staffName(id)).filter(Boolean).join(', ');
  const prep = (at.c.meetings ?? []).filter((m) => m.participantIds.includes(me)).map((m) =>
    entry(at, SECTION_TITLES.meetings, `Preparation meeting on ${day(m.on)}${m.time ? `, ${m.time}` : ''}`, [
      ['Format', FORMAT[m.format]],
      ['With', whoAll(at, m.participantIds)],
      ['Held by', staff(m.staffIds)],
    ], [['Venue', m.venue], ['Notes', m.notes]]),
  );
  const booked = (at.c.schedule ?? []).filter((m) => m.participantIds.includes(me) || m.supporterIds.includes(me)).map((m) =>
    entry(at, SECTION_TITLES.meetings, describeMeeting(m), [
      ['Status', MEETING_STATUS_LABELS[m.status]],
      ['Format', FORMAT[m.format]],
      ['Invited', whoAll(at, [...m.participantIds, ...m.supporterIds])],
      ['Facilitators', staff([m.leadFacilitatorId, m.coFacilitatorId])],
      // An interpreter is named by the agency that sent them, not by name.
      ['Interpreter', m.interpreter ? `an interpreter (${m.interpreter.language})` : undefined],
    ], [['Reason', m.statusReason], ['Notes', m.notes]]),
  );
  return [...prep, ...booked];
}

function conferences(at: CaseAt): BundleEntry[] {
  return (at.c.conferenceRecords ?? []).filter((r) => r.attendedIds.includes(at.requester.id)).map((r) =>
    entry(at, SECTION_TITLES.conferences, `Conference held on ${day(r.heldOn)}`, [
      ['Result', CONFERENCE_RESULT_LABELS[r.result]],
      ['Resumes on', day(r.resumesOn)],
      ['Attended', whoAll(at, r.attendedIds)],
      ['Facilitators', r.attendedStaffIds.map((id) => at.src.staffName(id)).filter(Boolean).join(', ')],
      ['Others present', r.othersPresent?.join(', ')],
      ['Recorded by', at.src.staffName(r.recordedBy)],
    ], [['Ground rules', r.groundRules.join('\n')], ['Summary', r.summary], ['Notes', r.notes]]),
  );
}

function indirect(at: CaseAt): BundleEntry[] {
  const me = at.requester.id;
  return (at.c.indirectLog ?? []).filter((e) => e.fromParticipantId === me || e.toParticipantId === me).map((e) =>
    entry(at, SECTION_TITLES.indirect, `${day(e.on)}: ${INDIRECT_MEDIUM_LABELS[e.medium]}`, [
      ['From', who(at, e.fromParticipantId)],
      ['To', e.toParticipantId ? who(at, e.toParticipantId) : undefined],
      ['Passed on by', at.src.staffName(e.viaStaffId)],
    ], [['Summary', e.summary]]),
  );
}

function agreement(at: CaseAt): BundleEntry[] {
  const g = at.c.agreement;
  if (!g) return [];
  return g.actions.filter((a) => a.byParticipantId === at.requester.id).map((a, i) =>
    entry(at, SECTION_TITLES.agreement, `Action ${i + 1}, due ${day(a.dueOn)}`, [
      ['Status', ACTION_STATUS_LABELS[a.status]],
      ['Resolved on', day(a.resolvedOn)],
      ['Agreement signed on', day(g.signedOn)],
    ], [['What you agreed to do', a.description], ['How completion is shown', a.completionShownBy], ['Evidence notes', a.evidenceNotes]]),
  );
}

function feedback(at: CaseAt): BundleEntry[] {
  return (at.c.feedback ?? []).filter((f) => f.participantId === at.requester.id).map((f) =>
    entry(at, SECTION_TITLES.feedback, `Feedback given on ${day(f.givenOn)}`, [
      ...FEEDBACK_ITEMS.map((k): [string, string | undefined] => [FEEDBACK_ITEM_LABELS[k], f.answers[k] ? AGREE_SCALE_LABELS[f.answers[k] as AgreeScore] : undefined]),
      ['Overall score (0 to 10)', f.overall],
      ['Would recommend', f.wouldRecommend],
      ['Agreed to equality monitoring', f.equalityConsent],
      ...Object.entries(f.equality ?? {}).map(([k, v]): [string, string | undefined] => [k.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/^./, (x) => x.toUpperCase()), v]),
      ['Entered by', at.src.staffName(f.enteredBy)],
    ], [['Comments', f.comments]]),
  );
}

export const RECORD_SECTIONS: [SectionId, (at: CaseAt) => BundleEntry[]][] = [
  ['consent', consent],
  ['risk', risk],
  ['contacts', contacts],
  ['meetings', meetings],
  ['conferences', conferences],
  ['indirect', indirect],
  ['agreement', agreement],
  ['feedback', feedback],
];
