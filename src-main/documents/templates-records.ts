/** The schemas of the record templates (risk, preparation, case summary, outcome agreement); loaded by templates.ts. */
import { z } from 'zod';
import { CJS_STAGES, EXITS, PRIORITIES, STAGES } from '../domain/cases/case';
import { CONTACT_KINDS, MEETING_FORMATS } from '../domain/contacts/contacts';
import { RISK_DECISIONS, RISK_RATINGS } from '../domain/risk/risk';
import { labels, wording } from './template-wording';

const common = {
  title: wording('title', 200),
  shortTitle: wording('shortTitle', 80),
  intro: wording('intro').optional(),
};

export const RiskRecordSchema = z.strictObject({
  ...common,
  detailsHeading: wording('detailsHeading', 200),
  details: labels(['service', 'caseReference', 'participant', 'role', 'assessedOn', 'assessedBy', 'version', 'sensitive']),
  factorsHeading: wording('factorsHeading', 200),
  factorsIntro: wording('factorsIntro', 2_000).optional(),
  columns: labels(['factor', 'rating', 'mitigation']),
  ratings: labels(RISK_RATINGS),
  notRated: wording('notRated', 80),
  noAssessment: wording('noAssessment', 2_000),
  decisionHeading: wording('decisionHeading', 200),
  decision: labels(['overall', 'highest', 'reason', 'reviewOn']),
  decisions: labels(RISK_DECISIONS),
  signOffHeading: wording('signOffHeading', 200),
  signOff: labels(['by', 'role', 'on', 'note']),
  notSignedOff: wording('notSignedOff', 2_000),
  signatures: labels(['assessor', 'approver']),
  historyHeading: wording('historyHeading', 200),
  historyColumns: labels(['version', 'assessedOn', 'assessedBy', 'decision', 'signedOff']),
  words: labels(['yes', 'no']),
});
export type RiskRecordTemplate = z.infer<typeof RiskRecordSchema>;

export const PreparationRecordSchema = z.strictObject({
  ...common,
  detailsHeading: wording('detailsHeading', 200),
  details: labels(['service', 'caseReference', 'participant', 'role', 'facilitator']),
  needsHeading: wording('needsHeading', 200),
  needs: labels(['language', 'interpreter', 'accessibility', 'preferredContact', 'safeTimes', 'vulnerabilities']),
  meetingsHeading: wording('meetingsHeading', 200),
  meetingHeading: wording('meetingHeading', 200),
  meeting: labels(['date', 'time', 'format', 'venue', 'with', 'heldBy', 'notes']),
  formats: labels(MEETING_FORMATS),
  noMeetings: wording('noMeetings', 2_000),
  contactsHeading: wording('contactsHeading', 200),
  contactColumns: labels(['date', 'participant', 'kind', 'method', 'outcome', 'by', 'notes']),
  kinds: labels(CONTACT_KINDS),
  noContacts: wording('noContacts', 2_000),
  signaturesHeading: wording('signaturesHeading', 200),
  signatures: labels(['facilitator']),
  words: labels(['yes', 'no', 'none', 'everyone']),
});
export type PreparationRecordTemplate = z.infer<typeof PreparationRecordSchema>;

export const CaseSummarySchema = z.strictObject({
  ...common,
  detailsHeading: wording('detailsHeading', 200),
  details: labels([
    'reference',
    'stage',
    'ended',
    'received',
    'source',
    'referrer',
    'offence',
    'offenceDate',
    'cjsStage',
    'priority',
    'sensitive',
    'leadFacilitator',
    'coFacilitator',
    'processKind',
  ]),
  stages: labels(STAGES),
  exits: labels(EXITS),
  cjsStages: labels(CJS_STAGES),
  priorities: labels(PRIORITIES),
  processKinds: labels(['direct', 'indirect', 'community']),
  offenceHeading: wording('offenceHeading', 200),
  participantsHeading: wording('participantsHeading', 200),
  participantColumns: labels(['name', 'role', 'age', 'takesPart', 'consent', 'risk']),
  consentHeading: wording('consentHeading', 200),
  consentIntro: wording('consentIntro', 2_000).optional(),
  consentColumns: labels(['participant', 'state', 'given', 'outstanding']),
  consentStates: labels(['complete', 'partial', 'none', 'withdrawn']),
  consentStatuses: labels(['missing', 'declined', 'withdrawn', 'needsParentGuardian']),
  riskHeading: wording('riskHeading', 200),
  riskColumns: labels(['participant', 'assessed', 'highest', 'decision', 'review', 'status']),
  ratings: labels(RISK_RATINGS),
  decisions: labels(RISK_DECISIONS),
  riskStatuses: labels(['none', 'unsigned', 'signed-off', 'needs-approver', 'not-suitable']),
  meetingsHeading: wording('meetingsHeading', 200),
  meetingColumns: labels(['date', 'with', 'format', 'heldBy']),
  formats: labels(MEETING_FORMATS),
  noMeetings: wording('noMeetings', 2_000),
  timelineHeading: wording('timelineHeading', 200),
  timelineColumns: labels(['when', 'by', 'what']),
  notesHeading: wording('notesHeading', 200),
  supervisionHeading: wording('supervisionHeading', 200),
  supervision: labels(['discussed', 'actions', 'nextDate']),
  signatures: labels(['supervisor', 'facilitator']),
  words: labels(['yes', 'no', 'none', 'under18', 'notRecorded']),
});
export type CaseSummaryTemplate = z.infer<typeof CaseSummarySchema>;

export const OutcomeAgreementSchema = z.strictObject({
  title: wording('title', 200),
  shortTitle: wording('shortTitle', 80),
  detailsHeading: wording('detailsHeading', 200),
  details: labels(['caseReference', 'conference', 'facilitator', 'signedOn']),
  notSigned: wording('notSigned', 200),
  statement: wording('statement'),
  ifNotDoneHeading: wording('ifNotDoneHeading', 200),
  ifNotDone: wording('ifNotDone'),
  actionsHeading: wording('actionsHeading', 200),
  actionsIntro: wording('actionsIntro', 2_000).optional(),
  columns: labels(['number', 'kind', 'description', 'by', 'dueOn', 'completionShownBy'], 80),
  signaturesHeading: wording('signaturesHeading', 200),
  signaturesIntro: wording('signaturesIntro', 2_000).optional(),
  signatures: labels(['facilitator', 'signedOn'], 80),
});
export type OutcomeAgreementTemplate = z.infer<typeof OutcomeAgreementSchema>;
