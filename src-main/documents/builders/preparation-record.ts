/**
 * The preparation meeting record: the preparation meetings held with a participant (or with
 * anyone in the case), their needs and adjustments, and every contact and attempt, ending
 * with the facilitator's signature. With no meeting recorded, a blank meeting block is
 * printed to complete by hand.
 */
import type { Case, Participant } from '../../domain/cases/case';
import { CONTACT_METHOD_LABELS, contactHistory, meetingsWith, OUTCOME_LABELS, type ContactEntry, type PreparationMeeting } from '../../domain/contacts/contacts';
import { heading, paragraph, type Block, type DocumentModel, type KeyValueBlock } from '../model';
import { fillPlaceholders, type DocumentTemplates } from '../templates';
import { commonData, findParticipant, furniture, leadFacilitatorName, longDate, personName, roleLabel, staffNamer, type CaseDocumentContext } from './common';

export interface PreparationRecordInput extends CaseDocumentContext {
  readonly caseData: Case;
  /** One participant; without it, the whole case. */
  readonly participantId?: string;
}

export function buildPreparationRecord(templates: DocumentTemplates, input: PreparationRecordInput): DocumentModel {
  const c = input.caseData;
  const t = templates.preparationRecord;
  const one = input.participantId ? findParticipant(c, input.participantId) : undefined;
  const people = one ? [one] : c.participants;
  const staffName = staffNamer(c, input.staff);
  const who = (id: string) => {
    const p = c.participants.find((x) => x.id === id);
    return p ? `${personName(p)} (${roleLabel(templates, p.role)})` : id;
  };
  const data = { ...commonData(templates, c, input), participant: one ? { name: personName(one), role: roleLabel(templates, one.role) } : { name: t.words.everyone } };
  const fill = (text: string, extra = {}) => fillPlaceholders(text, { ...data, ...extra });

  const blocks: Block[] = [heading(1, t.title)];
  if (t.intro) blocks.push(paragraph(fill(t.intro)));
  blocks.push(heading(2, t.detailsHeading), {
    kind: 'keyValue',
    items: [
      { key: t.details.service, value: templates.service.name },
      { key: t.details.caseReference, value: c.reference },
      ...(one
        ? [
            { key: t.details.participant, value: personName(one) },
            { key: t.details.role, value: roleLabel(templates, one.role) },
          ]
        : []),
      { key: t.details.facilitator, value: leadFacilitatorName(c, input.staff) ?? '' },
    ],
  });

  // Needs and adjustments: a block for one person, a table for the whole case.
  const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? t.words.yes : t.words.no);
  const needs = (p: Participant) => ({
    language: p.person.language ?? '',
    interpreter: yesNo(p.person.interpreter),
    accessibility: p.person.accessibilityNeeds ?? '',
    preferredContact: p.person.preferredContact ? CONTACT_METHOD_LABELS[p.person.preferredContact] : '',
    safeTimes: p.person.safeTimes ?? '',
    vulnerabilities: p.person.vulnerabilities?.length ? p.person.vulnerabilities.join(', ') : t.words.none,
  });
  blocks.push(heading(2, t.needsHeading));
  if (one) {
    const n = needs(one);
    blocks.push({ kind: 'keyValue', items: (Object.keys(n) as (keyof typeof n)[]).map((k) => ({ key: t.needs[k], value: n[k] })) });
  } else {
    // Five columns fit A4: the interpreter goes with the language, safe times with the contact method.
    const joined = (a: string, b: string) => [a, b].filter(Boolean).join('\n');
    blocks.push({
      kind: 'table',
      columns: [
        { header: t.details.participant, width: 3 },
        { header: t.needs.language, width: 2.3 },
        { header: t.needs.accessibility, width: 3 },
        { header: t.needs.preferredContact, width: 2.6 },
        { header: t.needs.vulnerabilities, width: 2.6 },
      ],
      rows: people.map((p) => {
        const n = needs(p);
        return [
          who(p.id),
          joined(n.language, n.interpreter ? `${t.needs.interpreter}: ${n.interpreter}` : ''),
          n.accessibility,
          joined(n.preferredContact, n.safeTimes),
          n.vulnerabilities,
        ];
      }),
    });
  }

  // Meetings, earliest first.
  const meetings = [...(one ? meetingsWith(c, one.id) : (c.meetings ?? []))].sort((a, b) => `${a.on} ${a.time ?? ''}`.localeCompare(`${b.on} ${b.time ?? ''}`));
  blocks.push(heading(2, t.meetingsHeading));
  const meetingBlock = (m: PreparationMeeting | undefined): KeyValueBlock => ({
    kind: 'keyValue',
    items: [
      // A recorded meeting's date is in its heading.
      ...(m ? [] : [{ key: t.meeting.date, value: '' }]),
      { key: t.meeting.time, value: m?.time ?? '' },
      { key: t.meeting.format, value: m ? t.formats[m.format] : '' },
      { key: t.meeting.venue, value: m?.venue ?? '' },
      { key: t.meeting.with, value: m ? m.participantIds.map(who).join('\n') : '' },
      { key: t.meeting.heldBy, value: m ? m.staffIds.map(staffName).join(', ') : '' },
      { key: t.meeting.notes, value: m?.notes ?? '' },
    ],
  });
  if (meetings.length === 0) {
    blocks.push(paragraph([{ text: fill(t.noMeetings), italic: true }]), meetingBlock(undefined));
  }
  for (const m of meetings) {
    blocks.push(heading(3, fill(t.meetingHeading, { meeting: { date: longDate(m.on), time: m.time } })), meetingBlock(m));
  }

  // Contacts and attempts, in date order.
  const contacts: { p: Participant; e: ContactEntry }[] = people.flatMap((p) => contactHistory(p).map((e) => ({ p, e })));
  contacts.sort((a, b) => `${a.e.on} ${a.e.time ?? ''}`.localeCompare(`${b.e.on} ${b.e.time ?? ''}`));
  blocks.push(heading(2, t.contactsHeading));
  if (contacts.length === 0) blocks.push(paragraph([{ text: fill(t.noContacts), italic: true }]));
  else {
    const col = t.contactColumns;
    blocks.push({
      kind: 'table',
      columns: [
        { header: col.date, width: 2.3 },
        ...(one ? [] : [{ header: col.participant, width: 2.6 }]),
        { header: col.kind, width: 1.5 },
        { header: col.method, width: 1.8 },
        { header: col.outcome, width: 2.2 },
        { header: col.by, width: 2 },
        { header: col.notes, width: one ? 5 : 3.6 },
      ],
      rows: contacts.map(({ p, e }) => [
        `${longDate(e.on)}${e.time ? `\n${e.time}` : ''}`,
        ...(one ? [] : [personName(p)]),
        t.kinds[e.kind],
        CONTACT_METHOD_LABELS[e.method],
        OUTCOME_LABELS[e.outcome],
        staffName(e.by),
        e.notes ?? '',
      ]),
    });
  }

  const lead = leadFacilitatorName(c, input.staff);
  blocks.push(heading(2, t.signaturesHeading), { kind: 'signature', label: t.signatures.facilitator, ...(lead ? { name: lead } : {}) });
  return {
    ...furniture(templates, { shortTitle: t.shortTitle, title: t.title, reference: c.reference, logo: input.logo, deterministic: input.deterministic, extraTitle: one ? personName(one) : undefined }),
    blocks,
  };
}
