import { z } from 'zod';
import { parseYamlTemplate, type TemplateResult } from '../../shared/template-file';

/**
 * The retention schedule as data (templates/data-protection/retention.yaml): how many years
 * each kind of record is kept, and the words that say why. The service edits it; a mistake is
 * reported at start-up with the file and line, as the other templates are.
 */
export const RECORD_KINDS = ['adult-case', 'youth-case', 'referral', 'staff', 'complaint', 'subject-access'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const text = (label: string, max: number) => z.string({ error: `${label} must be text` }).trim().min(1, { error: `${label} must not be empty` }).max(max, { error: `${label} must be at most ${max} characters` });

export const RetentionRuleSchema = z.strictObject({
  record: z.enum(RECORD_KINDS, { error: `record is one of: ${RECORD_KINDS.join(', ')}` }),
  label: text('label', 80),
  keepYears: z.number({ error: 'keepYears must be a whole number of years, like 7' }).int({ error: 'keepYears must be a whole number of years, like 7' }).min(1, { error: 'keepYears must be at least 1' }).max(100, { error: 'keepYears must be at most 100' }),
  /** Youth cases only: kept at least until the youngest person under 18 at referral reaches this age. */
  untilAge: z.number({ error: 'untilAge must be a whole number, like 18' }).int({ error: 'untilAge must be a whole number, like 18' }).min(1).max(30, { error: 'untilAge must be at most 30' }).optional(),
  /** Why, in the service's words: shown beside each record the rule makes due. */
  basis: text('basis', 300),
});
export type RetentionRule = z.infer<typeof RetentionRuleSchema>;

export const RetentionRulesSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    rules: z.array(RetentionRuleSchema).min(1).max(RECORD_KINDS.length),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.rules.forEach((r, i) => {
      if (seen.has(r.record)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'record'], message: `${r.record} has two rules: keep one` });
      seen.add(r.record);
      if (r.untilAge !== undefined && r.record !== 'youth-case') ctx.addIssue({ code: 'custom', path: ['rules', i, 'untilAge'], message: 'untilAge applies to youth-case only: remove it here' });
    });
    for (const k of RECORD_KINDS) if (!seen.has(k)) ctx.addIssue({ code: 'custom', path: ['rules'], message: `there is no rule for ${k}: add one (every kind of record needs a period)` });
  });
export type RetentionRules = z.infer<typeof RetentionRulesSchema>;

export function parseRetentionRules(text: string, file: string): TemplateResult<RetentionRules> {
  return parseYamlTemplate(text, file, RetentionRulesSchema);
}

export function ruleFor(rules: RetentionRules, kind: RecordKind): RetentionRule {
  // The schema requires one rule per kind, so this always finds one.
  return rules.rules.find((r) => r.record === kind) as RetentionRule;
}
