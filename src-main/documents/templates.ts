/**
 * Document wording lives in YAML files under `templates/documents/` that a service edits
 * without code (format: docs/templates.md). Loading is pure: the caller reads the files and
 * passes their text. A mistake is refused with the file, the line and the problem:
 * YAML syntax, unknown or missing fields, a missing consent element, an unknown placeholder.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../domain/participant-role';
import { describeProblem, parseYamlTemplate, type TemplateProblem, type TemplateResult } from '../domain/template-file';

/** The roles a consent form is printed for (product.md: parents or guardians take part for under-18s). */
export const CONSENT_ROLES = ['harmed', 'responsible', 'supporter', 'parent-guardian'] as const satisfies readonly (typeof PARTICIPANT_ROLES)[number][];
export type ConsentRole = (typeof CONSENT_ROLES)[number];

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
  }),
});
export type ServiceTemplate = z.infer<typeof ServiceSchema>;

const ConsentElementWordingSchema = z.strictObject({
  id: z.enum(CONSENT_ELEMENT_IDS, { error: `id must be one of the ten consent elements: ${CONSENT_ELEMENT_IDS.join(', ')}` }),
  title: wording('title', 200),
  wording: wording('wording', 5_000),
  byRole: byRole(wording('wording', 5_000)).optional(),
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

const LetterSchema = z.strictObject({
  title: wording('title', 200),
  subject: wording('subject', 300),
  body: wording('body', 20_000),
  closing: wording('closing', 200).optional(),
});
const LettersSchema = z.strictObject({ letters: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'a letter id is lower-case words joined by hyphens' }), LetterSchema) });
export type LettersTemplate = z.infer<typeof LettersSchema>;

/** Until their builders arrive, the other documents share a simple shape: named pieces of wording. */
const WordingSchema = z.strictObject({
  title: wording('title', 200),
  shortTitle: wording('shortTitle', 80),
  intro: wording('intro').optional(),
  headings: z.record(z.string(), wording('heading', 200)).default({}),
  text: z.record(z.string(), wording('text')).default({}),
});
export type WordingTemplate = z.infer<typeof WordingSchema>;

export interface DocumentTemplates {
  readonly service: ServiceTemplate;
  readonly consentForm: ConsentFormTemplate;
  readonly letters: LettersTemplate;
  readonly riskAssessment: WordingTemplate;
  readonly preparationRecord: WordingTemplate;
  readonly caseSummary: WordingTemplate;
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
  'risk-assessment.yaml': { key: 'riskAssessment', schema: WordingSchema, placeholders: [...COMMON, 'participant.name'] },
  'preparation-record.yaml': { key: 'preparationRecord', schema: WordingSchema, placeholders: [...COMMON, 'participant.name'] },
  'case-summary.yaml': { key: 'caseSummary', schema: WordingSchema, placeholders: [...COMMON] },
} as const;

export const TEMPLATE_FILES = Object.keys(FILES) as (keyof typeof FILES)[];

/** The placeholders each file may use, for docs and for the editor's help text. */
export function allowedPlaceholders(file: string): readonly string[] {
  return (FILES as Record<string, { placeholders: readonly string[] }>)[file]?.placeholders ?? [];
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Finds placeholders in the raw text, so their lines are exact whatever YAML style the
 * wording uses. Whole-line comments are skipped; an unknown name or a stray "{{" is a problem.
 */
export function checkPlaceholders(file: string, text: string, allowed: readonly string[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line)) return;
    let rest = line;
    for (const m of line.matchAll(PLACEHOLDER)) {
      const name = m[1]!;
      if (!allowed.includes(name)) {
        problems.push({
          file,
          line: i + 1,
          column: m.index + 1,
          path: '',
          message: `unknown placeholder {{${name}}}; this file may use: ${allowed.map((a) => `{{${a}}}`).join(', ')}`,
        });
      }
      rest = rest.replace(m[0], '');
    }
    const stray = rest.search(/\{\{|\}\}/);
    if (stray >= 0) problems.push({ file, line: i + 1, column: stray + 1, path: '', message: 'a placeholder is not closed: write it as {{name}}' });
  });
  return problems;
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

/** Values for placeholders: a plain object, e.g. `{ participant: { name: 'Siân' } }`. */
export type PlaceholderData = { readonly [key: string]: string | number | undefined | PlaceholderData };

/** A line to write on, used where a value is unknown (and on blank forms). */
export const WRITE_IN = '________________';

/** Replaces each {{name}} with its value; an absent or empty value becomes a line to write on. */
export function fillPlaceholders(text: string, data: PlaceholderData, blank = WRITE_IN): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    let v: unknown = data;
    for (const part of name.split('.')) {
      v = typeof v === 'object' && v !== null && Object.hasOwn(v, part) ? (v as Record<string, unknown>)[part] : undefined;
    }
    return (typeof v === 'string' && v.trim() !== '') || typeof v === 'number' ? String(v).trim() : blank;
  });
}
