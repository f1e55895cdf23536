import { z } from 'zod';
import { parseYamlTemplate, type TemplateResult } from '../shared/template-file';

/**
 * The RJC's frameworks as data (templates/quality/frameworks/*.yaml): standards → indicators →
 * the evidence that answers each. Titles are the service's to edit, to match the wording of its
 * own self-assessment; a mistake is reported at start-up with the file and line. What the app
 * can compute for an indicator is named by `evidence`: the pack fills those in, and the
 * quality lead writes the narrative beside them.
 */
export const EVIDENCE_KINDS = {
  narrative: 'the quality lead’s narrative',
  figures: 'figures computed from the cases',
  'staff-compliance': 'staff compliance with the RJC codes',
  'staff-training': 'training and induction from the staff register',
  'registered-share': 'the share of practitioners registered with the RJC',
  policies: 'policies, with version and review date',
  'case-file-audit': 'the case-file audit',
  'case-studies': 'anonymised case studies',
  complaints: 'the complaints log',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

/** The figures an indicator can cite, by the name the figures report uses (domain/figures). */
export const FIGURE_KEYS = ['referrals', 'referrals-by-source', 'cases-by-stage', 'cases-by-exit', 'conferences-held', 'indirect-processes', 'agreements', 'closures-by-outcome', 'satisfaction', 'working-days', 'victims-code-timeliness'] as const;

/** The case-file audit's checks (Service Provider Code of Practice), which an indicator can cite. */
export const AUDIT_CHECKS = ['information-given', 'facts-acknowledged', 'written-consent', 'risk-before-contact', 'participants-prepared', 'outcome-monitored', 'feedback-sought'] as const;

const text = (label: string, max: number) => z.string({ error: `${label} must be text` }).trim().min(1, { error: `${label} must not be empty` }).max(max, { error: `${label} must be at most ${max} characters` });
const number = (label: string, re: RegExp, example: string) => z.string({ error: `${label} must be text in quotes, like "${example}"` }).regex(re, { error: `${label} looks like "${example}"` });

const EvidenceSchema = z.strictObject({
  kind: z.enum(Object.keys(EVIDENCE_KINDS) as [EvidenceKind, ...EvidenceKind[]], { error: `kind is one of: ${Object.keys(EVIDENCE_KINDS).join(', ')}` }),
  /** For figures: which; for the case-file audit: which checks; for staff compliance: which rules. */
  items: z.array(z.string().max(60)).max(20).optional(),
  /** What the assessor should see in it, in the service's words. */
  note: text('note', 500).optional(),
});

const IndicatorSchema = z.strictObject({
  number: number('Indicator number', /^\d{1,2}\.\d{1,2}$/, '1.2'),
  title: text('Indicator title', 300),
  /** Indicators that cover the safeguarding of victims (RSQM 1.2, 2.5, 5.1, 6.5). */
  safeguarding: z.boolean().optional(),
  evidence: z.array(EvidenceSchema).min(1, { error: 'Each indicator names at least one kind of evidence (narrative will do)' }).max(12),
});

const StandardSchema = z.strictObject({
  number: number('Standard number', /^\d{1,2}$/, '1'),
  title: text('Standard title', 200),
  indicators: z.array(IndicatorSchema).min(1).max(30),
});

export const FrameworkSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, { error: 'id is lower-case letters, digits and hyphens, like rsqm' }),
    title: text('title', 200),
    /** What the framework is for, shown on the pack's cover. */
    purpose: text('purpose', 1_000),
    /** How far back the evidence looks, when the framework fixes it (the RSP renewal: 12 months). */
    periodMonths: z.number().int().min(1).max(60).optional(),
    standards: z.array(StandardSchema).min(1).max(20),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.standards.forEach((s, si) =>
      s.indicators.forEach((i, ii) => {
        if (!i.number.startsWith(`${s.number}.`)) ctx.addIssue({ code: 'custom', path: ['standards', si, 'indicators', ii, 'number'], message: `Indicator ${i.number} is under standard ${s.number}: number it ${s.number}.n` });
        if (seen.has(i.number)) ctx.addIssue({ code: 'custom', path: ['standards', si, 'indicators', ii, 'number'], message: `Indicator ${i.number} is listed twice` });
        seen.add(i.number);
        i.evidence.forEach((e, ei) => {
          const allowed: readonly string[] | undefined = e.kind === 'figures' ? FIGURE_KEYS : e.kind === 'case-file-audit' ? AUDIT_CHECKS : undefined;
          for (const item of e.items ?? []) {
            if (allowed && !allowed.includes(item)) ctx.addIssue({ code: 'custom', path: ['standards', si, 'indicators', ii, 'evidence', ei, 'items'], message: `"${item}" is not one of: ${allowed.join(', ')}` });
          }
        });
      }),
    );
  });
export type Framework = z.infer<typeof FrameworkSchema>;
export type Indicator = Framework['standards'][number]['indicators'][number];

export function parseFramework(yamlText: string, file: string): TemplateResult<Framework> {
  return parseYamlTemplate(yamlText, file, FrameworkSchema);
}

/** Every indicator, with its standard, in order. */
export function indicatorsOf(f: Framework): { standard: Framework['standards'][number]; indicator: Indicator }[] {
  return f.standards.flatMap((standard) => standard.indicators.map((indicator) => ({ standard, indicator })));
}
