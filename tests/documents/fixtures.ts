/**
 * Cases for the document tests, valid against CaseSchema: one realistic case with consent,
 * risk, contacts, meetings and a timeline, names in many scripts; the same case with an
 * outcome agreement; and one stretched to the limits (30 participants, a 20,000-character
 * note, optional fields left empty).
 */
import { CaseSchema, type Case, type Participant } from '../../src-main/domain/cases/case';
import type { AgreementAction } from '../../src-main/domain/outcomes/agreement';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import { meeting } from '../support/process-fixtures';

export const STAFF: StaffMember[] = [
  { id: 's_zoefac01', name: 'Zoë Şükrü', role: 'facilitator', level: 'advanced', active: true },
  { id: 's_nguyen01', name: 'Nguyễn Thị Hoa', role: 'coordinator', level: 'intermediate', active: true },
  { id: 's_manage01', name: 'Αλέξανδρος Παπαδόπουλος', role: 'manager', active: true },
];

export const TODAY = '2026-03-14';
const at = (d: string, t = '10:00') => `${d}T${t}:00.000Z`;

const consentAll = (ids: string[], on: string, extra: Partial<NonNullable<Participant['consent']>[number]> = {}): NonNullable<Participant['consent']> =>
  ids.map((elementId) => ({ elementId, version: 1, status: 'given' as const, on, method: 'signed-form' as const, takenBy: 's_zoefac01', recordedAt: at(on), ...extra }));

const ALL_ELEMENTS = ['process-explained', 'voluntary', 'confidentiality', 'information-sharing', 'supporters', 'records-and-recordings', 'outcome-agreement', 'data-protection', 'feedback-contact', 'signatures'];

export function realCase(): Case {
  const c: Case = {
    id: 'c_docs000000001',
    reference: 'RJ-2026-0042',
    createdAt: at('2026-01-05', '09:12'),
    updatedAt: at('2026-03-10', '16:40'),
    revision: 12,
    stage: 'consent',
    referral: {
      source: 'Police',
      referrerName: 'PC Dafydd Owen',
      referrerOrganisation: 'Warwickshire Police',
      receivedOn: '2026-01-05',
      offenceCategory: 'Burglary',
      offenceDescription: 'A house burglary in the evening while the family was out. A laptop and jewellery of sentimental value were taken; the back door was damaged.',
      offenceDate: '2025-12-19',
      cjsStage: 'out-of-court',
      sensitive: [],
      priority: 'high',
    },
    leadFacilitator: 'Zoë Şükrü',
    leadFacilitatorId: 's_zoefac01',
    coFacilitatorId: 's_nguyen01',
    processKind: 'direct',
    participants: [
      {
        id: 'p_harmed0001',
        role: 'harmed',
        person: {
          givenName: 'Siân',
          familyName: 'Nguyễn',
          dateOfBirth: '1980-05-02',
          address: 'Flat 2, 14 Heol y Frenhines, Caerdydd CF10 2BQ',
          phone: '07700 900123',
          language: 'Welsh',
          interpreter: false,
          accessibilityNeeds: 'Step-free access; hearing loop.',
          preferredContact: 'phone',
          safeTimes: 'Weekdays after 6pm',
          vulnerabilities: ['Intimidated victim'],
        },
        consent: consentAll(ALL_ELEMENTS, '2026-02-20'),
        risk: [
          {
            version: 1,
            assessedOn: '2026-02-01',
            assessedBy: 's_zoefac01',
            factors: [{ factorId: 'physical-safety', rating: 'low' }],
            decision: 'direct',
            reviewOn: '2026-02-28',
            signOff: { by: 's_nguyen01', role: 'coordinator', at: at('2026-02-02') },
            recordedAt: at('2026-02-01'),
          },
          {
            version: 2,
            assessedOn: '2026-03-01',
            assessedBy: 's_zoefac01',
            factors: [
              { factorId: 'physical-safety', rating: 'low' },
              { factorId: 'emotional-harm', rating: 'medium', mitigation: 'Supporter present; breaks agreed in advance; follow-up call the next day.' },
              { factorId: 're-victimisation', rating: 'low' },
              { factorId: 'venue-travel', rating: 'medium', mitigation: 'Separate waiting rooms and arrival times at the community centre.' },
            ],
            decision: 'direct',
            reviewOn: '2026-04-01',
            signOff: { by: 's_nguyen01', role: 'coordinator', at: at('2026-03-02', '23:30'), note: 'Agreed; review after the first meeting.' },
            recordedAt: at('2026-03-01'),
          },
        ],
        contacts: [
          { kind: 'attempt', on: '2026-01-06', time: '10:15', method: 'phone', outcome: 'no-answer', by: 's_zoefac01', recordedAt: at('2026-01-06') },
          { kind: 'attempt', on: '2026-01-06', method: 'letter', outcome: 'letter-sent', rjInformationGiven: true, by: 's_zoefac01', recordedAt: at('2026-01-06') },
          { kind: 'contact', on: '2026-01-09', time: '18:30', method: 'phone', outcome: 'interested', rjInformationGiven: true, notes: 'Wants to ask why their house was chosen.', by: 's_zoefac01', recordedAt: at('2026-01-09') },
        ],
      },
      {
        id: 'p_respon0001',
        role: 'responsible',
        person: { givenName: 'Łukasz', familyName: 'Kowalski', dateOfBirth: '2010-07-30', address: '3 Mill Lane\nLeamington Spa\nCV31 1AA', language: 'Polish', interpreter: true },
        consent: [
          ...consentAll(['process-explained', 'voluntary', 'confidentiality'], '2026-02-25', { parentGuardianId: 'p_parent0001' }),
          { elementId: 'signatures', version: 1, status: 'given', on: '2026-02-25', method: 'signed-form', takenBy: 's_zoefac01', recordedAt: at('2026-02-25') },
          { elementId: 'feedback-contact', version: 1, status: 'declined', on: '2026-02-25', method: 'signed-form', takenBy: 's_zoefac01', recordedAt: at('2026-02-25') },
        ],
        risk: [
          {
            version: 1,
            assessedOn: '2026-02-10',
            assessedBy: 's_zoefac01',
            factors: [
              { factorId: 'physical-safety', rating: 'low' },
              { factorId: 'acknowledgement', rating: 'medium', mitigation: 'Accepts the basic facts; more preparation on the effect on the family.' },
              { factorId: 'age-capacity', rating: 'high', mitigation: 'Aged 15: his mother attends every meeting; plain-language materials.' },
            ],
            decision: 'indirect-only',
            reason: 'Start with a letter exchange; review after preparation.',
            reviewOn: '2026-03-20',
            signOff: { by: 's_manage01', role: 'manager', at: at('2026-02-11') },
            recordedAt: at('2026-02-10'),
          },
        ],
      },
      {
        id: 'p_parent0001',
        role: 'parent-guardian',
        person: { givenName: 'Agnieszka', familyName: 'Kowalska', address: '3 Mill Lane, Leamington Spa CV31 1AA' },
      },
      {
        id: 'p_suppor0001',
        role: 'supporter',
        person: { givenName: 'Алексей', familyName: 'Смирнов', preferredName: 'Алёша' },
        consent: [
          ...consentAll(['process-explained', 'voluntary'], '2026-02-20'),
          { elementId: 'voluntary', version: 2, status: 'withdrawn', on: '2026-03-05', takenBy: 's_zoefac01', recordedAt: at('2026-03-05') },
        ],
      },
      {
        id: 'p_other00001',
        role: 'other',
        takesPart: false,
        person: { givenName: 'Şükrü', familyName: 'Yılmaz' },
      },
    ],
    meetings: [
      {
        on: '2026-02-20',
        time: '14:00',
        format: 'in-person',
        participantIds: ['p_harmed0001', 'p_suppor0001'],
        staffIds: ['s_zoefac01', 's_nguyen01'],
        venue: 'Riverside Community Centre, Room 2',
        notes: 'Went through what a meeting would involve. Siân wants to ask why their house was chosen and to explain the loss of her grandmother’s ring. Consent signed.',
        recordedAt: at('2026-02-20', '17:00'),
      },
      {
        on: '2026-02-25',
        time: '16:30',
        format: 'video',
        participantIds: ['p_respon0001', 'p_parent0001'],
        staffIds: ['s_zoefac01'],
        notes: 'Łukasz accepts what happened and wants to write a letter first. Interpreter present for his mother.',
        recordedAt: at('2026-02-25', '18:00'),
      },
    ],
    notes: 'Both parties keen. Check school holiday dates before arranging the meeting.',
    timeline: [
      { at: at('2026-01-05', '09:12'), by: 'Nguyễn Thị Hoa', kind: 'referral.received', text: 'Referral received from Warwickshire Police.' },
      { at: at('2026-01-06', '10:20'), by: 'Zoë Şükrü', kind: 'stage.changed', text: 'Screening complete; moved to contact.' },
      { at: at('2026-02-11', '12:00'), by: 'Αλέξανδρος Παπαδόπουλος', kind: 'risk.signed-off', text: 'Risk assessment for Łukasz Kowalski signed off.' },
      { at: at('2026-07-01', '23:30'), by: 'Zoë Şükrü', kind: 'note', text: 'A late-evening note in summer time (shown as 2 July, 00:30).' },
    ],
  };
  return CaseSchema.parse(c);
}

export function longText(n = 20_000): string {
  const sentence = 'The facilitator met Siân and Алексей at the community centre; both asked about the next steps. ';
  let note = '';
  while (note.length < n) note += sentence;
  return `${note.slice(0, n - 10)} END-NOTE.`;
}

const GIVEN = ['Siân', 'Łukasz', 'Zoë', 'Şükrü', 'Thị Hoa', 'Αλέξανδρος', 'Алексей', 'Aoife', 'Nuno', 'Ngozi'];
const FAMILY = ['Gruffudd', 'Nowak', 'Brontë', 'Yılmaz', 'Nguyễn', 'Παπαδόπουλος', 'Смирнов', 'Ó Briain', 'Gonçalves', 'Okonkwo'];
const ROLES = ['harmed', 'responsible', 'supporter', 'parent-guardian', 'supporter', 'other'] as const;

/** 30 participants, a 20,000-character note everywhere a note fits, and every optional field left empty on some. */
export function bigCase(): Case {
  const c = realCase();
  const note = longText();
  const participants: Participant[] = Array.from({ length: 30 }, (_, i) => ({
    id: `p_big${String(i).padStart(6, '0')}`,
    role: ROLES[i % ROLES.length]!,
    person: {
      givenName: GIVEN[i % GIVEN.length]!,
      familyName: `${FAMILY[(i * 3) % FAMILY.length]!}${i >= 10 ? `-${FAMILY[Math.floor(i / 10) + 3]!}` : ''}`,
      ...(i % 3 === 0 ? { dateOfBirth: i % 2 ? '2011-01-01' : '1970-01-01', address: `${i} Long Road, Exampletown AB1 ${i}CD`, language: 'English' } : {}),
    },
    ...(i % 4 === 0 ? { consent: consentAll(ALL_ELEMENTS.slice(0, (i % 10) + 1), '2026-02-20') } : {}),
    ...(i % 5 === 0
      ? {
          risk: [
            {
              version: 1,
              assessedOn: '2026-02-01',
              assessedBy: 's_zoefac01',
              factors: [{ factorId: 'physical-safety', rating: 'high' as const, mitigation: note.slice(0, 1_990) }],
              decision: 'not-suitable' as const,
              reason: note.slice(0, 4_990),
              reviewOn: '2026-04-01',
              recordedAt: at('2026-02-01'),
            },
          ],
          contacts: [{ kind: 'contact' as const, on: '2026-01-09', method: 'in-person' as const, outcome: 'other' as const, notes: note.slice(0, 9_990), by: 's_unknown01', recordedAt: at('2026-01-09') }],
        }
      : {}),
  }));
  return CaseSchema.parse({
    ...c,
    id: 'c_docsbig000001',
    reference: 'RJ-2026-9999',
    coFacilitatorId: undefined,
    processKind: undefined,
    referral: { ...c.referral, offenceDescription: note, referrerName: undefined, referrerOrganisation: undefined, offenceDate: undefined, sensitive: ['Domestic abuse', 'Hate crime'] },
    participants,
    meetings: [{ on: '2026-02-20', format: 'phone', participantIds: participants.map((p) => p.id), staffIds: ['s_zoefac01'], notes: note, recordedAt: at('2026-02-20') }],
    notes: note,
    timeline: Array.from({ length: 60 }, (_, i) => ({ at: at(`2026-02-${String((i % 28) + 1).padStart(2, '0')}`), by: 'Zoë Şükrü', kind: 'note', text: i === 7 ? note : `Event ${i + 1}` })),
  });
}

const ACTIONS: Omit<AgreementAction, 'id' | 'status'>[] = [
  {
    kind: 'letter',
    description: 'Write a letter to Siân explaining what happened that evening and why, in his own words.',
    byParticipantId: 'p_respon0001',
    dueOn: '2026-05-01',
    completionShownBy: 'The facilitator reads the letter and records the date it was passed on.',
  },
  {
    kind: 'reparation',
    description: 'Repair and repaint the damaged back door, with his mother Agnieszka, on a day Siân chooses.',
    byParticipantId: 'p_respon0001',
    dueOn: '2026-06-13',
    completionShownBy: 'Siân confirms to the facilitator that the door is repaired.',
  },
  {
    kind: 'programme',
    description: 'Attend the six-session victim awareness course run by the youth offending service.',
    byParticipantId: 'p_respon0001',
    dueOn: '2026-09-30',
    completionShownBy: 'An attendance record from the course provider.',
  },
  {
    kind: 'keep-informed',
    description: 'Tell the facilitator how the course is going, so that Siân can be kept informed.',
    byParticipantId: 'p_parent0001',
    dueOn: '2026-09-30',
    completionShownBy: 'The facilitator records each update passed on to Siân.',
  },
  {
    kind: 'chance-meetings',
    description: 'If they meet by chance in town, each will nod and walk on.',
    byParticipantId: 'p_harmed0001',
    dueOn: '2026-12-31',
    completionShownBy: 'No concerns raised at the monitoring reviews.',
  },
];

/**
 * The real case after its conference (held 18 April 2026), with an outcome agreement signed
 * that day by Siân, Łukasz and his mother and countersigned by Zoë Şükrü. `draft` gives the
 * agreement printed for signing, not yet signed; `actions` repeats the five actions above up
 * to that many.
 */
export function agreedCase(o: { draft?: boolean; actions?: number } = {}): Case {
  const c = realCase();
  const conference = meeting({
    id: 'm_conf000042',
    caseId: c.id,
    date: '2026-04-18',
    start: '10:30',
    leadFacilitatorId: 's_zoefac01',
    coFacilitatorId: 's_nguyen01',
    participantIds: ['p_harmed0001', 'p_respon0001', 'p_parent0001'],
    supporterIds: ['p_suppor0001'],
    status: 'held',
  });
  const count = o.actions ?? ACTIONS.length;
  const actions: AgreementAction[] = Array.from({ length: count }, (_, i) => {
    const a = ACTIONS[i % ACTIONS.length]!;
    const round = Math.floor(i / ACTIONS.length);
    return { ...a, id: `a_action${String(i).padStart(4, '0')}`, status: 'pending', ...(round > 0 ? { description: `${a.description} (part ${round + 1})` } : {}) };
  });
  return CaseSchema.parse({
    ...c,
    stage: o.draft ? 'outcome' : 'monitoring',
    schedule: [conference],
    agreement: {
      caseId: c.id,
      meetingId: conference.id,
      actions,
      signatoryIds: ['p_harmed0001', 'p_respon0001', 'p_parent0001'],
      ...(o.draft ? {} : { signedOn: '2026-04-18' }),
      countersignedBy: 's_zoefac01',
      reviews: [],
    },
  });
}
