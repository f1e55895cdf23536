/**
 * Document wording lives in YAML files under `templates/documents/` that a service edits
 * without code (format: docs/templates.md). Loading is pure: the caller reads the files and
 * passes their text. A mistake is refused with the file, the line and the problem:
 * YAML syntax, unknown or missing fields, a missing consent element, an unknown placeholder.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { CJS_STAGES, EXITS, PRIORITIES, STAGES } from '../domain/cases/case';
import { CONTACT_KINDS, MEETING_FORMATS } from '../domain/contacts/contacts';
import { RISK_DECISIONS, RISK_RATINGS } from '../domain/risk/risk';
import { describeProblem, parseYamlTemplate, type TemplateProblem, type TemplateResult } from '../domain/shared/template-file';
import { checkPlaceholders } from './placeholders';

export { checkPlaceholders, fillPlaceholders, WRITE_IN, type PlaceholderData } from './placeholders';

export { CONSENT_ROLES, type ConsentRole } from '../domain/documents/catalogue';

/** The ten consent elements of product.md, in order. The consent form must word each one. */
export const CONSENT_ELEMENT_IDS = [
  'process',
  'voluntary',
  'confidentiality',
  'information-sharing',
  'supporters',
  'recordings',
  'outcome-agreement',
  'data-protection',
  'feedback',
  'signatures',
] as const;
export type ConsentElementId = (typeof CONSENT_ELEMENT_IDS)[number];

const wording = (label: string, max = 10_000) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, { error: `${label} is empty: write the wording or remove the line if it is optional` })
    .max(max, { error: `${label} must be at most ${max} characters` });

const byRole = <T extends z.ZodType>(value: T) =>
  z.strictObject({ harmed: value.optional(), responsible: value.optional(), supporter: value.optional(), 'parent-guardian': value.optional() });

/** A group of named labels, every one required: `labels(['low', 'medium', 'high'])`. */
function labels<const K extends string>(keys: readonly K[], max = 200) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, wording(k, max)])) as Record<K, ReturnType<typeof wording>>);
}

const ServiceSchema = z.strictObject({
  name: wording('name', 200),
  address: wording('address', 1_000),
  phone: wording('phone', 60),
  email: wording('email', 200),
  website: wording('website', 200).optional(),
  footer: wording('footer', 200).optional(),
  dataProtection: wording('dataProtection'),
  labels: z.strictObject({
    page: wording('page', 100).refine((s) => s.includes('{page}'), { error: 'page must contain {page} (and usually {pages}), e.g. "Page {page} of {pages}"' }),
    signature: wording('signature', 60),
    name: wording('name', 60),
    date: wording('date', 60),
  }),
  roles: z.strictObject({
    harmed: wording('harmed', 60),
    responsible: wording('responsible', 60),
    supporter: wording('supporter', 60),
    'parent-guardian': wording('parent-guardian', 60),
    /** A participant taking part in another capacity (for example a community member). */
    other: wording('other', 60).optional(),
  }),
});
export type ServiceTemplate = z.infer<typeof ServiceSchema>;

const ConsentElementWordingSchema = z.strictObject({
  id: z.enum(CONSENT_ELEMENT_IDS, { error: `id must be one of the ten consent elements: ${CONSENT_ELEMENT_IDS.join(', ')}` }),
  title: wording('title', 200),
  wording: wording('wording', 5_000),
  byRole: byRole(wording('wording', 5_000)).optional(),
  /**
   * The id of the matching element in templates/casework/consent-elements.yaml, where consent
   * is recorded, when it differs from `id`: a pre-filled form ticks the element when the
   * participant's consent to it is currently given.
   */
  caseworkId: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'caseworkId is an id from consent-elements.yaml, like process-explained' }).optional(),
});

const ConsentFormSchema = z
  .strictObject({
    title: wording('title', 200),
    shortTitle: wording('shortTitle', 80),
    intro: wording('intro'),
    roleIntro: byRole(wording('roleIntro', 2_000)).optional(),
    detailsHeading: wording('detailsHeading', 200),
    details: z.strictObject({
      service: wording('service', 80),
      caseReference: wording('caseReference', 80),
      participant: wording('participant', 80),
      role: wording('role', 80),
      facilitator: wording('facilitator', 80),
      processType: wording('processType', 80),
      date: wording('date', 80),
    }),
    blankRoleHint: wording('blankRoleHint', 200),
    elementsHeading: wording('elementsHeading', 200),
    elementsIntro: wording('elementsIntro', 2_000),
    blankRolePrefix: wording('blankRolePrefix', 200),
    elements: z.array(ConsentElementWordingSchema, { error: 'elements must be a list' }).max(CONSENT_ELEMENT_IDS.length * 2),
    withdrawalHeading: wording('withdrawalHeading', 200),
    withdrawal: wording('withdrawal'),
    signaturesHeading: wording('signaturesHeading', 200),
    signatures: z.strictObject({
      participant: wording('participant', 200),
      parentGuardian: wording('parentGuardian', 200),
      parentGuardianBlank: wording('parentGuardianBlank', 200),
      facilitator: wording('facilitator', 200),
    }),
    dataProtectionHeading: wording('dataProtectionHeading', 200),
    contactHeading: wording('contactHeading', 200),
    /** How a pre-filled form names the case's process kind, for {{process.type}}. */
    processTypes: z.strictObject({ direct: wording('direct', 200), indirect: wording('indirect', 200), community: wording('community', 200) }).optional(),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.elements.forEach((e, i) => {
      if (seen.has(e.id)) {
        ctx.addIssue({ code: 'custom', path: ['elements', i, 'id'], message: `the element "${e.id}" is listed twice` });
      }
      seen.add(e.id);
    });
    for (const id of CONSENT_ELEMENT_IDS) {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['elements'], message: `the consent element "${id}" is missing: every form must word all ten elements` });
    }
  });
export type ConsentFormTemplate = z.infer<typeof ConsentFormSchema>;
export type ConsentElementWording = z.infer<typeof ConsentElementWordingSchema>;

/** The letters the builders print; a service may add others for later use, but not remove these. */
export const LETTER_IDS = ['first-contact', 'meeting-invitation'] as const;
export type LetterId = (typeof LETTER_IDS)[number];

const LetterSchema = z.strictObject({
  title: wording('title', 200),
  subject: wording('subject', 300),
  body: wording('body', 20_000),
  /** A different body for some roles (harmed, responsible, supporter, parent-guardian). */
  byRole: byRole(wording('body', 20_000)).optional(),
  closing: wording('closing', 200).optional(),
});
const LettersSchema = z
  .strictObject({
    /** Printed before the case reference, e.g. "Our ref". */
    reference: wording('reference', 80),
    /** Printed under the facilitator's name at the end of each letter. */
    signatureTitle: wording('signatureTitle', 200),
    /** A short note at the end of every letter, e.g. how to ask for another format. */
    footnote: wording('footnote', 2_000).optional(),
    letters: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'a letter id is lower-case words joined by hyphens' }), LetterSchema),
  })
  .superRefine((f, ctx) => {
    for (const id of LETTER_IDS) {
      if (!Object.hasOwn(f.letters, id)) ctx.addIssue({ code: 'custom', path: ['letters'], message: `the letter "${id}" is missing: the app prints it` });
    }
  });
export type LettersTemplate = z.infer<typeof LettersSchema>;
export type LetterTemplate = z.infer<typeof LetterSchema>;

const common = {
  title: wording('title', 200),
  shortTitle: wording('shortTitle', 80),
  intro: wording('intro').optional(),
};

const RiskRecordSchema = z.strictObject({
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

const PreparationRecordSchema = z.strictObject({
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

const CaseSummarySchema = z.strictObject({
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

const OutcomeAgreementSchema = z.strictObject({
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

export interface DocumentTemplates {
  readonly service: ServiceTemplate;
  readonly consentForm: ConsentFormTemplate;
  readonly letters: LettersTemplate;
  readonly riskAssessment: RiskRecordTemplate;
  readonly preparationRecord: PreparationRecordTemplate;
  readonly caseSummary: CaseSummaryTemplate;
  readonly outcomeAgreement: OutcomeAgreementTemplate;
}

const COMMON = ['service.name', 'service.address', 'service.phone', 'service.email', 'service.website', 'case.reference', 'facilitator.name', 'date'];

/** Each file, the key it loads into, its schema, and the placeholders its text may use. */
const FILES = {
  'service.yaml': { key: 'service', schema: ServiceSchema, placeholders: ['service.name'] },
  'consent-form.yaml': {
    key: 'consentForm',
    schema: ConsentFormSchema,
    placeholders: [...COMMON, 'participant.name', 'participant.role', 'participant.supports', 'process.type', 'role'],
  },
  'letters.yaml': {
    key: 'letters',
    schema: LettersSchema,
    placeholders: [...COMMON, 'recipient.name', 'recipient.address', 'meeting.date', 'meeting.time', 'meeting.place'],
  },
  'risk-assessment.yaml': { key: 'riskAssessment', schema: RiskRecordSchema, placeholders: [...COMMON, 'participant.name', 'participant.role'] },
  'preparation-record.yaml': {
    key: 'preparationRecord',
    schema: PreparationRecordSchema,
    placeholders: [...COMMON, 'participant.name', 'participant.role', 'meeting.date', 'meeting.time'],
  },
  'case-summary.yaml': { key: 'caseSummary', schema: CaseSummarySchema, placeholders: [...COMMON, 'case.stage'] },
  'outcome-agreement.yaml': { key: 'outcomeAgreement', schema: OutcomeAgreementSchema, placeholders: COMMON },
} as const;

export const TEMPLATE_FILES = Object.keys(FILES) as (keyof typeof FILES)[];

/** The placeholders each file may use, for docs and for the editor's help text. */
export function allowedPlaceholders(file: string): readonly string[] {
  return (FILES as Record<string, { placeholders: readonly string[] }>)[file]?.placeholders ?? [];
}

/**
 * Loads and checks every document template. `files` are the YAML files of
 * `templates/documents/` by name (`consent-form.yaml`) with their text. All problems in all
 * files are reported together; the message names file and line for each.
 */
export function loadTemplates(files: readonly { name: string; text: string }[]): TemplateResult<DocumentTemplates> {
  const problems: TemplateProblem[] = [];
  const loaded: Record<string, unknown> = {};
  const byName = new Map<string, string>();
  for (const f of files) {
    if (!/\.ya?ml$/i.test(f.name)) continue;
    if (!(f.name in FILES)) {
      problems.push({ file: f.name, path: '', message: `not a document template; the files are: ${TEMPLATE_FILES.join(', ')}` });
      continue;
    }
    byName.set(f.name, f.text);
  }
  for (const name of TEMPLATE_FILES) {
    const text = byName.get(name);
    if (text === undefined) {
      problems.push({ file: name, path: '', message: 'the file is missing from templates/documents' });
      continue;
    }
    const spec = FILES[name];
    const syntax = yamlSyntaxProblems(name, text);
    if (syntax.length > 0) {
      problems.push(...syntax);
      continue;
    }
    const parsed = parseYamlTemplate(text, name, spec.schema as z.ZodType);
    if (!parsed.ok) problems.push(...parsed.problems);
    else loaded[spec.key] = parsed.value;
    problems.push(...checkPlaceholders(name, text, spec.placeholders));
  }
  if (problems.length > 0) {
    return { ok: false, problems, message: problems.map(describeProblem).join('\n') };
  }
  return { ok: true, value: loaded as unknown as DocumentTemplates };
}

/** YAML syntax errors with their lines (the parser gives positions as offsets). */
function yamlSyntaxProblems(file: string, text: string): TemplateProblem[] {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  return doc.errors.map((e) => {
    const at = lines.linePos(e.pos[0]);
    return { file, line: at.line, column: at.col, path: '', message: `the YAML is not valid: ${e.message.split('\n')[0]}` };
  });
}
