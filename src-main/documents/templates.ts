/**
 * Document wording lives in YAML files under `templates/documents/` that a service edits
 * without code (format: docs/templates.md). Loading is pure: the caller reads the files and
 * passes their text. A mistake is refused with the file, the line and the problem:
 * YAML syntax, unknown or missing fields, a missing consent element, an unknown placeholder.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { describeProblem, parseYamlTemplate, type TemplateProblem, type TemplateResult } from '../domain/shared/template-file';
import { checkPlaceholders } from './placeholders';
import { byRole, wording } from './template-wording';
import { CaseSummarySchema, OutcomeAgreementSchema, PreparationRecordSchema, RiskRecordSchema, type CaseSummaryTemplate, type OutcomeAgreementTemplate, type PreparationRecordTemplate, type RiskRecordTemplate } from './templates-records';

export { checkPlaceholders, fillPlaceholders, WRITE_IN, type PlaceholderData } from './placeholders';

export { CONSENT_ROLES, type ConsentRole } from '../domain/documents/catalogue';
export type { CaseSummaryTemplate, OutcomeAgreementTemplate, PreparationRecordTemplate, RiskRecordTemplate } from './templates-records';

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


/** On a translation: who still has to check its wording ("needs a Welsh speaker"), printed nowhere, listed in the README. */
const review = wording('review', 300).optional();

const ServiceSchema = z.strictObject({
  review,
  name: wording('name', 200),
  address: wording('address', 1_000),
  phone: wording('phone', 60),
  email: wording('email', 200),
  website: wording('website', 200).optional(),
  footer: wording('footer', 200).optional(),
  dataProtection: wording('dataProtection'),
  /** The months' names for dates in this language's documents (January… by default). */
  months: z.array(wording('month', 40)).length(12, { error: 'months lists the twelve months, January first' }).optional(),
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
    review,
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
    /** This form's own statement about people's information, instead of service.yaml's (e.g. in plain words for young people). */
    dataProtection: wording('dataProtection').optional(),
    contactHeading: wording('contactHeading', 200),
    /** Printed in the footer of every page with a line to write on, so a page cannot be swapped unnoticed. */
    initials: wording('initials', 80).optional(),
    /** A sentence just above the signatures, kept on the same page as them. */
    declaration: wording('declaration', 2_000).optional(),
    /**
     * A form printed from consent already recorded: titled as a record (never a form to sign
     * with boxes already ticked), its ticks the consent given, and no signature lines.
     */
    record: z
      .strictObject({
        title: wording('title', 200),
        intro: wording('intro', 2_000),
        elementsIntro: wording('elementsIntro', 2_000),
        change: wording('change', 2_000),
      })
      .optional(),
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
export const LETTER_IDS = ['first-contact', 'meeting-invitation', 'first-contact-young'] as const;
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
    review,
    /** Printed before the case reference, e.g. "Our ref". */
    reference: wording('reference', 80),
    /** Printed under the facilitator's name at the end of each letter. */
    signatureTitle: wording('signatureTitle', 200),
    /** A short note at the end of every letter, e.g. how to ask for another format. */
    footnote: wording('footnote', 2_000).optional(),
    /** Before the parent or guardian's name on a letter to an under-18 ("Copy to"). */
    copyTo: wording('copyTo', 80).optional(),
    letters: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'a letter id is lower-case words joined by hyphens' }), LetterSchema),
  })
  .superRefine((f, ctx) => {
    for (const id of LETTER_IDS) {
      if (!Object.hasOwn(f.letters, id)) ctx.addIssue({ code: 'custom', path: ['letters'], message: `the letter "${id}" is missing: the app prints it` });
    }
  });
export type LettersTemplate = z.infer<typeof LettersSchema>;
export type LetterTemplate = z.infer<typeof LetterSchema>;


/** The templates a language variant may translate: `NAME.cy.yaml` beside `NAME.yaml`, checked by the same schema. */
export type TranslatedTemplates = Pick<DocumentTemplates, 'service' | 'consentForm' | 'consentFormYoung' | 'letters'>;
export const TEMPLATE_LANGUAGES = ['cy'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export interface DocumentTemplates {
  readonly service: ServiceTemplate;
  readonly consentForm: ConsentFormTemplate;
  /** The consent form for under-18s: plain words, short sentences, the parent or guardian's part built in. */
  readonly consentFormYoung: ConsentFormTemplate;
  /** Translations, by language: every translated file is complete (the same schema as English). */
  readonly translations?: Partial<Record<TemplateLanguage, TranslatedTemplates>>;
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
  'consent-form-young.yaml': {
    key: 'consentFormYoung',
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
  const translations: Record<string, Record<string, unknown>> = {};
  const byName = new Map<string, string>();
  for (const f of files) {
    if (!/\.ya?ml$/i.test(f.name)) continue;
    if (!(f.name in FILES) && !translationOf(f.name)) {
      problems.push({ file: f.name, path: '', message: `not a document template; the files are: ${TEMPLATE_FILES.join(', ')}, and translations of ${TRANSLATABLE.join(', ')} named like letters.cy.yaml` });
      continue;
    }
    byName.set(f.name, f.text);
  }
  const load = (name: string, spec: (typeof FILES)[keyof typeof FILES], text: string): unknown => {
    const syntax = yamlSyntaxProblems(name, text);
    if (syntax.length > 0) {
      problems.push(...syntax);
      return undefined;
    }
    const parsed = parseYamlTemplate(text, name, spec.schema as z.ZodType);
    problems.push(...checkPlaceholders(name, text, spec.placeholders));
    if (!parsed.ok) problems.push(...parsed.problems);
    return parsed.ok ? parsed.value : undefined;
  };
  for (const name of TEMPLATE_FILES) {
    const text = byName.get(name);
    if (text === undefined) problems.push({ file: name, path: '', message: 'the file is missing from templates/documents' });
    else loaded[FILES[name].key] = load(name, FILES[name], text);
  }
  for (const [name, text] of byName) {
    const t = translationOf(name);
    if (!t) continue;
    const spec = FILES[t.base];
    (translations[t.language] ??= {})[spec.key] = load(name, spec, text);
  }
  for (const [language, got] of Object.entries(translations)) {
    const missing = TRANSLATABLE.filter((base) => !(FILES[base].key in got)).map((base) => base.replace(/\.yaml$/, `.${language}.yaml`));
    if (missing.length > 0) problems.push({ file: missing[0]!, path: '', message: `a translation is all of ${TRANSLATABLE.join(', ')}; missing: ${missing.join(', ')}` });
  }
  if (problems.length > 0) {
    return { ok: false, problems, message: problems.map(describeProblem).join('\n') };
  }
  return { ok: true, value: { ...(loaded as unknown as DocumentTemplates), ...(Object.keys(translations).length > 0 ? { translations } : {}) } };
}

const TRANSLATABLE = ['service.yaml', 'consent-form.yaml', 'consent-form-young.yaml', 'letters.yaml'] as const;

/** "letters.cy.yaml" → letters.yaml in Welsh. */
function translationOf(name: string): { base: (typeof TRANSLATABLE)[number]; language: TemplateLanguage } | undefined {
  const m = /^(.+)\.([a-z]{2})\.yaml$/.exec(name);
  if (!m) return undefined;
  const base = `${m[1]}.yaml` as (typeof TRANSLATABLE)[number];
  const language = m[2] as TemplateLanguage;
  return TRANSLATABLE.includes(base) && TEMPLATE_LANGUAGES.includes(language) ? { base, language } : undefined;
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
