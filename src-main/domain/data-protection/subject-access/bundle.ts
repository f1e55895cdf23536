import type { Case, Participant } from '../../cases/case';
import { PARTICIPANT_ROLE_LABELS } from '../../cases/participant-role';
import { EXIT_LABELS, STAGE_LABELS } from '../../cases/stage-labels';
import { PROCESS_KIND_LABELS } from '../../conferences/process-type';
import { CLOSURE_OUTCOME_LABELS } from '../../outcomes/closure';
import { formatDate, londonDate } from '../../time/dates';
import type { IdentifierFinder } from '../anonymiser/find';
import { day, entry, type BundleSources, type CaseAt } from './bundle-context';
import { bundleLabels, requesterIn } from './bundle-people';
import { RECORD_SECTIONS } from './bundle-records';
import { Redactor } from './bundle-redactor';
import {
  SECTION_IDS,
  SECTION_TITLES,
  SUBJECT_ACCESS_BUNDLE_FORMAT,
  SUBJECT_ACCESS_BUNDLE_VERSION,
  type BundleCase,
  type BundleEntry,
  type SectionId,
  type SubjectAccessBundle,
} from './bundle-schema';

export type { BundleSources } from './bundle-context';

/**
 * The subject access bundle (UK GDPR Article 15): everything the casebook holds about one
 * person, from the cases confirmed as theirs. Per case: the case in brief, their own record in
 * full, the other people by their part only, then each kind of record about them, the
 * documents made for them, the case's history and the audit trail of its record. Pure: the
 * service reads the cases, the audit trail and the templates, and gives an anonymiser that
 * knows everyone in the casebook (keys as peopleOfCases makes them); this decides what goes in
 * and what is redacted, and lists every redaction.
 */
export const REDACTION_NOTE =
  'Information about other people has been taken out. Where it was, a description stands in square brackets (in italics in the PDF), such as [the other party], [a supporter] or [phone number]. Other people’s dates of birth and contact details are left out altogether. Staff are named: they acted for the service in their work.';

const when = (at: string) => formatDate(londonDate(at));

function aboutTheCase(at: CaseAt): BundleEntry {
  const { c, src } = at;
  const closure = c.closure;
  if (c.referral.referrerName) at.r.person({ case: c.reference, where: `${SECTION_TITLES.case}: the referrer` }, '[the referrer]');
  return entry(at, SECTION_TITLES.case, `Case ${c.reference}`, [
    ['Reference', c.reference],
    ['Your part', PARTICIPANT_ROLE_LABELS[at.requester.role]],
    ['Stage', STAGE_LABELS[c.stage]],
    ['Referral received', day(c.referral.receivedOn)],
    ['Referred by', c.referral.source],
    ['Referrer', c.referral.referrerName ? '[the referrer]' : undefined],
    ['Referrer’s organisation', c.referral.referrerOrganisation],
    ['Offence', c.referral.offenceCategory],
    ['Offence date', day(c.referral.offenceDate)],
    ['Process', c.processKind ? PROCESS_KIND_LABELS[c.processKind] : undefined],
    ['Lead facilitator', src.staffName(c.leadFacilitatorId) ?? c.leadFacilitator],
    ['Co-facilitator', src.staffName(c.coFacilitatorId)],
    ['Ended early', c.exit ? `${EXIT_LABELS[c.exit.kind]}, ${day(c.exit.on)}` : undefined],
    ['Closed', closure ? `${CLOSURE_OUTCOME_LABELS[closure.outcome]}, ${day(closure.closedOn)}` : undefined],
    ['Closed by', closure ? src.staffName(closure.closedBy) : undefined],
  ], [['What happened', c.referral.offenceDescription], ['Case notes', c.notes], ['Why the case ended', c.exit?.reason], ['Closing summary', closure?.summary]], true);
}

function yourRecord(at: CaseAt): BundleEntry {
  const p = at.requester.person;
  return entry(at, SECTION_TITLES.you, 'Your record', [
    ['Given name', p.givenName],
    ['Family name', p.familyName],
    ['Preferred name', p.preferredName],
    ['Pronouns', p.pronouns],
    ['Date of birth', day(p.dateOfBirth)],
    ['Phone', p.phone],
    ['Email', p.email],
    ['Address', p.address],
    ['Language', p.language],
    ['Needs an interpreter', p.interpreter],
    ['Preferred way to contact you', p.preferredContact],
    ['Vulnerability flags', p.vulnerabilities?.join(', ')],
    ['Enhanced rights under the Victims’ Code', p.enhancedRights],
    ['Takes part in the process', at.requester.takesPart],
  ], [['Accessibility needs', p.accessibilityNeeds], ['Safe times to contact you', p.safeTimes]], true);
}

function otherPeople(at: CaseAt): BundleEntry[] {
  return at.c.participants.filter((p) => p.id !== at.requester.id).map((p) => {
    const label = at.labels.get(`${at.c.id}/${p.id}`)!;
    at.r.person({ case: at.c.reference, where: `${SECTION_TITLES.people}: name, date of birth and contact details` }, label);
    return entry(at, SECTION_TITLES.people, label, [['Part in the case', PARTICIPANT_ROLE_LABELS[p.role]], ['Takes part', p.takesPart]]);
  });
}

const DOCUMENT_KINDS = new Set(['document.generated', 'document.printed']);

/**
 * Documents the timeline records as made for the requester's part ("… generated for Person
 * harmed"), or for the whole case. The timeline names the part, not the person, so with two
 * supporters each sees the documents made for either.
 */
function documents(at: CaseAt): BundleEntry[] {
  const mine = ` for ${at.src.roleLabel(at.requester.role)}`;
  return at.c.timeline.filter((e) => DOCUMENT_KINDS.has(e.kind) && (e.text.endsWith(mine) || !e.text.includes(' for '))).map((e) =>
    entry(at, SECTION_TITLES.documents, when(e.at), [['Document', e.text], ['By', e.by]]),
  );
}

function history(at: CaseAt): BundleEntry[] {
  return at.c.timeline.filter((e) => !DOCUMENT_KINDS.has(e.kind)).map((e) => entry(at, SECTION_TITLES.history, `${when(e.at)}, ${e.by}`, [], [['Entry', e.text]]));
}

function audit(at: CaseAt): BundleEntry[] {
  return at.src.audit.filter((e) => e.entity.type === 'case' && e.entity.id === at.c.id).map((e) =>
    entry(at, SECTION_TITLES.audit, `${when(e.at)} ${e.at.slice(11, 16)} UTC`, [['Who', e.userName], ['What', e.action], ['Fields', e.fields.join(', ') || '—']]),
  );
}

const BUILDERS: Record<SectionId, (at: CaseAt) => BundleEntry[]> = {
  case: (at) => [aboutTheCase(at)],
  you: (at) => [yourRecord(at)],
  people: otherPeople,
  ...Object.fromEntries(RECORD_SECTIONS),
  documents,
  history,
  audit,
} as Record<SectionId, (at: CaseAt) => BundleEntry[]>;

export interface BuiltBundle {
  bundle: SubjectAccessBundle;
  /** The requester's keys (`caseId/participantId`), so the leak check can leave them out. */
  requesterKeys: Set<string>;
}

/** The requester in each case first (a case without them stops the bundle), then the bundle. */
export function buildSubjectAccessBundle(src: BundleSources, finder: IdentifierFinder): BuiltBundle {
  const found: [Case, Participant][] = src.cases.map((c) => [c, requesterIn(c, src.request.name, src.request.dateOfBirth)]);
  const requesterKeys = new Set(found.map(([c, p]) => `${c.id}/${p.id}`));
  const r = new Redactor(finder, requesterKeys);
  const cases: BundleCase[] = found.map(([c, requester]) => {
    const at: CaseAt = { c, requester, labels: bundleLabels(c, requester), r, src };
    const sections = SECTION_IDS.map((id) => ({ id, title: SECTION_TITLES[id], entries: BUILDERS[id](at) })).filter((s) => s.entries.length > 0);
    return { reference: c.reference, role: requester.role, sections };
  });
  const q = src.request;
  return {
    bundle: {
      format: SUBJECT_ACCESS_BUNDLE_FORMAT,
      version: SUBJECT_ACCESS_BUNDLE_VERSION,
      request: { number: q.id, receivedOn: q.receivedOn, name: q.name, ...(q.dateOfBirth ? { dateOfBirth: q.dateOfBirth } : {}) },
      service: src.serviceName,
      madeOn: src.madeOn,
      redactionNote: REDACTION_NOTE,
      cases,
      redactions: r.redactions,
    },
    requesterKeys,
  };
}
