import { z } from 'zod';
import { parseYamlTemplate, type TemplateResult } from '../shared/template-file';
import { PRACTITIONER_LEVELS } from './staff';

/**
 * The RJC's numbers and periods as data (templates/quality/rules.yaml), so a change in the
 * codes is an edit to a file, not a new version of the app. Bounds are generous but refuse a
 * typo that would make every practitioner compliant (0 hours) or never due (1,000 weeks).
 */
const whole = (label: string, min: number, max: number) =>
  z.number({ error: `${label} must be a whole number` }).int({ error: `${label} must be a whole number` }).min(min, { error: `${label} must be at least ${min}` }).max(max, { error: `${label} must be at most ${max}` });
const share = (label: string) => z.number({ error: `${label} must be a number between 0 and 1, like 0.6` }).min(0, { error: `${label} must be between 0 and 1` }).max(1, { error: `${label} must be between 0 and 1` });
const hours = (label: string) => whole(label, 1, 200);

export const QualityRulesSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  dueSoonDays: whole('dueSoonDays', 0, 120),
  supervision: z.strictObject({
    everyWeeks: whole('supervision.everyWeeks', 1, 52),
    supervisorLevel: z.enum(PRACTITIONER_LEVELS, { error: `supervisorLevel is one of: ${PRACTITIONER_LEVELS.join(', ')}` }),
  }),
  observedPractice: z.strictObject({ everyMonths: whole('observedPractice.everyMonths', 1, 60) }),
  cpd: z.strictObject({
    hoursByLevel: z.strictObject({ foundation: hours('foundation'), intermediate: hours('intermediate'), advanced: hours('advanced') }),
    approvedShare: share('cpd.approvedShare'),
  }),
  dbs: z.strictObject({ recheckEveryMonths: whole('dbs.recheckEveryMonths', 1, 120) }),
  registeredShare: z.strictObject({
    minimum: share('registeredShare.minimum'),
    volunteersCountedAfterMonths: whole('registeredShare.volunteersCountedAfterMonths', 0, 60),
  }),
});
export type QualityRules = z.infer<typeof QualityRulesSchema>;

export function parseQualityRules(yamlText: string, file: string): TemplateResult<QualityRules> {
  return parseYamlTemplate(yamlText, file, QualityRulesSchema);
}
