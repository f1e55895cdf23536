/**
 * The case summary for supervision: the case at a glance (stage, referral, offence,
 * facilitators), every participant with their consent state and risk, the preparation
 * meetings, the timeline and the case notes, then room for the supervisor's notes and both
 * signatures.
 */
import type { Case } from '../../domain/cases/case';
import { DEFAULT_CASEWORK_SETTINGS, type CaseworkSettings } from '../../domain/casebook/casework-settings';
import { consentSummary, currentConsent, type ConsentElement } from '../../domain/consent/consent';
import { currentAssessment, highestRating, riskStatus } from '../../domain/risk/risk';
import { findStaff } from '../../domain/staff/staff';
import { heading, paragraph, type Block, type DocumentModel } from '../model';
import { fillPlaceholders, type DocumentTemplates } from '../templates';
import {
  ageText,
  commonData,
  furniture,
  instantDateTime,
  leadFacilitatorName,
  longDate,
  personName,
  roleLabel,
  staffNamer,
  type CaseDocumentContext,
} from './common';

export interface CaseSummaryInput extends CaseDocumentContext {
  readonly caseData: Case;
  /** The elements of templates/casework/consent-elements.yaml: what each role must give. */
  readonly consentElements: readonly ConsentElement[];
  /** Who must sign off a high risk (default: a manager). */
  readonly settings?: Pick<CaseworkSettings, 'riskApproverRole'>;
}

export function buildCaseSummary(templates: DocumentTemplates, input: CaseSummaryInput): DocumentModel {
  const c = input.caseData;
  const t = templates.caseSummary;
  const r = c.referral;
  const staffName = staffNamer(c, input.staff);
  const settings = input.settings ?? DEFAULT_CASEWORK_SETTINGS;
  const sensitive = r.sensitive.length > 0;
  const stage = t.stages[c.stage];
  const fill = (text: string) => fillPlaceholders(text, { ...commonData(templates, c, input), case: { reference: c.reference, stage } });
  const who = (id: string) => {
    const p = c.participants.find((x) => x.id === id);
    return p ? personName(p) : id;
  };

  const blocks: Block[] = [heading(1, t.title)];
  if (t.intro) blocks.push(paragraph(fill(t.intro)));

  const lead = leadFacilitatorName(c, input.staff);
  const co = c.coFacilitatorId ? (findStaff(input.staff ?? [], c.coFacilitatorId)?.name ?? c.coFacilitatorId) : undefined;
  const items: { key: string; value: string }[] = [
    { key: t.details.reference, value: c.reference },
    { key: t.details.stage, value: stage },
  ];
  if (c.exit) items.push({ key: t.details.ended, value: `${t.exits[c.exit.kind]}, ${longDate(c.exit.on)}${c.exit.withdrawnBy ? ` (${who(c.exit.withdrawnBy)})` : ''}: ${c.exit.reason}` });
  items.push({ key: t.details.received, value: longDate(r.receivedOn) }, { key: t.details.source, value: r.source });
  const referrer = [r.referrerName, r.referrerOrganisation].filter(Boolean).join(', ');
  if (referrer) items.push({ key: t.details.referrer, value: referrer });
  items.push({ key: t.details.offence, value: r.offenceCategory });
  if (r.offenceDate) items.push({ key: t.details.offenceDate, value: longDate(r.offenceDate) });
  items.push(
    { key: t.details.cjsStage, value: t.cjsStages[r.cjsStage] },
    { key: t.details.priority, value: t.priorities[r.priority] },
    { key: t.details.sensitive, value: sensitive ? `${t.words.yes}: ${r.sensitive.join(', ')}` : t.words.no },
    { key: t.details.leadFacilitator, value: lead ?? t.words.notRecorded },
  );
  if (co) items.push({ key: t.details.coFacilitator, value: co });
  if (c.processKind) items.push({ key: t.details.processKind, value: t.processKinds[c.processKind] });
  blocks.push(heading(2, t.detailsHeading), { kind: 'keyValue', items });

  if (r.offenceDescription.trim()) blocks.push(heading(2, t.offenceHeading), paragraph(r.offenceDescription.trim()));

  // Consent and risk per participant, worked out once for the three tables that show them.
  const people = c.participants.map((p) => {
    const consent = consentSummary(p, input.consentElements, input.today);
    const a = currentAssessment(p);
    const highest = a ? highestRating(a) : undefined;
    return { p, consent, a, highest, risk: riskStatus(p, sensitive, settings) };
  });

  blocks.push(heading(2, t.participantsHeading), {
    kind: 'table',
    columns: [
      { header: t.participantColumns.name, width: 3.2 },
      { header: t.participantColumns.role, width: 2.4 },
      { header: t.participantColumns.age, width: 1.5 },
      { header: t.participantColumns.takesPart, width: 1.4 },
      { header: t.participantColumns.consent, width: 2 },
      { header: t.participantColumns.risk, width: 2.4 },
    ],
    rows: people.map(({ p, consent, highest, risk }) => [
      personName(p),
      roleLabel(templates, p.role),
      ageText(p, input.today, t.words.under18),
      p.takesPart === false ? t.words.no : t.words.yes,
      t.consentStates[consent.state],
      [highest ? t.ratings[highest] : '', t.riskStatuses[risk]].filter(Boolean).join(' · '),
    ]),
  });

  // Consent: how many required elements are given, and what is outstanding and why, by the
  // elements' numbers on the consent form.
  const number = (id: string) => input.consentElements.find((e) => e.id === id)?.number;
  const byNumber = (ids: readonly string[]) => [...ids].sort((a, b) => (number(a) ?? 99) - (number(b) ?? 99));
  const label = (id: string) => String(number(id) ?? id);
  const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  blocks.push(heading(2, t.consentHeading));
  if (t.consentIntro) blocks.push(paragraph(fill(t.consentIntro), { size: 'small' }));
  blocks.push({
    kind: 'table',
    columns: [
      { header: t.consentColumns.participant, width: 3 },
      { header: t.consentColumns.state, width: 1.8 },
      { header: t.consentColumns.given, width: 1.1 },
      { header: t.consentColumns.outstanding, width: 6 },
    ],
    rows: people.map(({ p, consent }) => {
      const current = currentConsent(p);
      const required = consent.given.length + consent.missing.length;
      const dated = (ids: readonly string[]) => byNumber(ids).map((id) => `${label(id)} (${longDate(current.get(id)?.on)})`).join(', ');
      const plain = (ids: readonly string[]) => byNumber(ids).map(label).join(', ');
      const notYet = consent.missing.filter((id) => !consent.withdrawn.includes(id) && !consent.declined.includes(id) && !consent.needsParentGuardian.includes(id));
      const outstanding = [
        consent.withdrawn.length ? `${sentence(t.consentStatuses.withdrawn)}: ${dated(consent.withdrawn)}` : '',
        consent.declined.length ? `${sentence(t.consentStatuses.declined)}: ${dated(consent.declined)}` : '',
        consent.needsParentGuardian.length ? `${sentence(t.consentStatuses.needsParentGuardian)}: ${plain(consent.needsParentGuardian)}` : '',
        notYet.length ? `${sentence(t.consentStatuses.missing)}: ${plain(notYet)}` : '',
      ].filter(Boolean);
      return [personName(p), t.consentStates[consent.state], `${consent.given.length} / ${required}`, outstanding.join('\n') || t.words.none];
    }),
  });

  blocks.push(heading(2, t.riskHeading), {
    kind: 'table',
    columns: [
      { header: t.riskColumns.participant, width: 3 },
      { header: t.riskColumns.assessed, width: 2.6 },
      { header: t.riskColumns.highest, width: 1.5 },
      { header: t.riskColumns.decision, width: 2 },
      { header: t.riskColumns.review, width: 2 },
      { header: t.riskColumns.status, width: 2.1 },
    ],
    rows: people.map(({ p, a, highest, risk }) => [
      personName(p),
      a ? `${longDate(a.assessedOn)}\n${staffName(a.assessedBy)}` : '',
      highest ? t.ratings[highest] : '',
      a ? t.decisions[a.decision] : '',
      a ? longDate(a.reviewOn) : '',
      t.riskStatuses[risk],
    ]),
  });

  const meetings = [...(c.meetings ?? [])].sort((a, b) => `${a.on} ${a.time ?? ''}`.localeCompare(`${b.on} ${b.time ?? ''}`));
  blocks.push(heading(2, t.meetingsHeading));
  if (meetings.length === 0) blocks.push(paragraph([{ text: fill(t.noMeetings), italic: true }]));
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t.meetingColumns.date, width: 2.3 },
        { header: t.meetingColumns.with, width: 5 },
        { header: t.meetingColumns.format, width: 1.6 },
        { header: t.meetingColumns.heldBy, width: 3 },
      ],
      rows: meetings.map((m) => [`${longDate(m.on)}${m.time ? `\n${m.time}` : ''}`, m.participantIds.map(who).join(', '), t.formats[m.format], m.staffIds.map(staffName).join(', ')]),
    });
  }

  const timeline = [...c.timeline].sort((a, b) => a.at.localeCompare(b.at));
  blocks.push(heading(2, t.timelineHeading), {
    kind: 'table',
    columns: [
      { header: t.timelineColumns.when, width: 2.4 },
      { header: t.timelineColumns.by, width: 2.2 },
      { header: t.timelineColumns.what, width: 7 },
    ],
    rows: timeline.map((e) => [instantDateTime(e.at), e.by, e.text]),
  });

  if (c.notes?.trim()) blocks.push(heading(2, t.notesHeading), paragraph(c.notes.trim()));

  blocks.push(heading(2, t.supervisionHeading), {
    kind: 'keyValue',
    items: [
      { key: t.supervision.discussed, value: '' },
      { key: t.supervision.actions, value: '' },
      { key: t.supervision.nextDate, value: '' },
    ],
  });
  blocks.push({ kind: 'signature', label: t.signatures.supervisor }, { kind: 'signature', label: t.signatures.facilitator, ...(lead ? { name: lead } : {}) });

  return {
    ...furniture(templates, { shortTitle: t.shortTitle, title: t.title, reference: c.reference, logo: input.logo, deterministic: input.deterministic }),
    blocks,
  };
}
