import { z } from 'zod';
import { strictForm } from '../shared/strict-form';
import { requiredText } from '../shared/text';
import { StaffIdSchema } from '../staff/ids';
import { dateField } from '../time/dates';
import { indicatorsOf, type Framework } from './frameworks';
import { FrameworkIdSchema } from './health-check-ids';
import { IndicatorEvidenceRowSchema, IndicatorEvidenceSchema } from './health-check-evidence';
import { IndicatorSchema, PolicyIdSchema } from './policies';

/**
 * The health check (the RJC self-assessment): for each indicator of a framework the quality
 * lead rates how far the service meets it, writes the narrative the evidence pack prints, and
 * links the policies that evidence it. Saving one indicator at a time is the draft: there is no
 * separate "submit", because the pack reads whatever has been written on the day it is built.
 * Who last changed an answer is the signed-in person, never a name the caller sends.
 */
export const HEALTH_CHECK_REGISTER = 'health-check';

export const RATINGS = ['met', 'partly', 'not-yet'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { met: 'Met', partly: 'Partly met', 'not-yet': 'Not yet met' };

/** Long enough for the fullest answer an assessor reads; short enough to stay one page or two in the pack. */
export const MAX_NARRATIVE = 10_000;
export const MAX_LINKED_POLICIES = 100;

export { FrameworkIdSchema };

const narrative = requiredText('The narrative', MAX_NARRATIVE);
const rating = z.enum(RATINGS, { error: 'Choose met, partly met or not yet met' });
const policyIds = z
  .array(PolicyIdSchema, { error: 'Linked policies must be a list of policies from the register' })
  .max(MAX_LINKED_POLICIES, { error: `Link at most ${MAX_LINKED_POLICIES} policies` })
  .refine((l) => new Set(l).size === l.length, { error: 'A policy is linked twice' });

export const HealthCheckAnswerSchema = z.strictObject({
  framework: FrameworkIdSchema,
  indicator: IndicatorSchema,
  rating: rating.optional(),
  narrative: narrative.optional(),
  policyIds,
  updatedOn: dateField('Updated on'),
  /** The signed-in person who last saved it (domain/staff/signer.ts: who signs is who is signed in). */
  updatedBy: StaffIdSchema,
});
export type HealthCheckAnswer = z.infer<typeof HealthCheckAnswerSchema>;

/** A list rather than a map keyed by what the caller sent, so no indicator number can ever be an object's own key. */
export const HealthCheckRegisterSchema = z.strictObject({
  answers: z.array(HealthCheckAnswerSchema).max(5_000),
  /** Files attached to indicators (health-check-evidence.ts); absent in a register saved before there were any. */
  evidence: z.array(IndicatorEvidenceSchema).max(20_000).optional(),
});
export type HealthCheckRegister = z.infer<typeof HealthCheckRegisterSchema>;
export const EMPTY_HEALTH_CHECK: HealthCheckRegister = { answers: [] };

/** Without a framework, the first the templates list: the page opens on it before anyone chooses. */
export const GetHealthCheckInputSchema = strictForm({ framework: FrameworkIdSchema.optional() }, 'the health check query');
export type GetHealthCheckInput = z.infer<typeof GetHealthCheckInputSchema>;

/**
 * One indicator's answer as it now stands: what is left out is cleared (the form always sends
 * the whole answer), so an empty narrative is refused rather than kept as blank text.
 */
export const SaveIndicatorAnswerInputSchema = strictForm(
  { framework: FrameworkIdSchema, indicator: IndicatorSchema, rating: rating.optional(), narrative: narrative.optional(), policyIds: policyIds.optional() },
  'the answer',
).refine((a) => a.rating !== undefined || a.narrative !== undefined || (a.policyIds?.length ?? 0) > 0, { path: ['rating'], error: 'Choose a rating, write the narrative or link a policy' });
export type SaveIndicatorAnswerInput = z.infer<typeof SaveIndicatorAnswerInputSchema>;

export const CountsSchema = z.strictObject({ met: z.number().int(), partly: z.number().int(), notYet: z.number().int(), unanswered: z.number().int(), total: z.number().int() });
export type Counts = z.infer<typeof CountsSchema>;

export const ProgressSchema = z.strictObject({
  overall: CountsSchema,
  standards: z.array(CountsSchema.extend({ number: z.string(), title: z.string() })),
});
export type Progress = z.infer<typeof ProgressSchema>;

const none = (): Counts => ({ met: 0, partly: 0, notYet: 0, unanswered: 0, total: 0 });

function add(c: Counts, r: Rating | undefined): void {
  c.total += 1;
  if (r === 'met') c.met += 1;
  else if (r === 'partly') c.partly += 1;
  else if (r === 'not-yet') c.notYet += 1;
  // A narrative without a rating is still a draft: the indicator is not yet answered.
  else c.unanswered += 1;
}

/** Met / partly / not yet / unanswered per standard and overall; answers to indicators the framework no longer lists are left out. */
export function progress(framework: Framework, answers: readonly Pick<HealthCheckAnswer, 'framework' | 'indicator' | 'rating'>[]): Progress {
  const ratings = new Map(answers.filter((a) => a.framework === framework.id).map((a) => [a.indicator, a.rating]));
  const overall = none();
  const standards = framework.standards.map((s) => {
    const c = { number: s.number, title: s.title, ...none() };
    for (const i of s.indicators) {
      add(c, ratings.get(i.number));
      add(overall, ratings.get(i.number));
    }
    return c;
  });
  return { overall, standards };
}

/** Whether the framework lists the indicator (the contract checks only its shape). */
export function hasIndicator(framework: Framework, indicator: string): boolean {
  return indicatorsOf(framework).some((x) => x.indicator.number === indicator);
}

export const GapSchema = z.strictObject({ indicator: z.string(), text: z.string() });
export type Gap = z.infer<typeof GapSchema>;

export const HealthCheckAnswerRowSchema = HealthCheckAnswerSchema.omit({ framework: true }).extend({ updatedByName: z.string() });
export type HealthCheckAnswerRow = z.infer<typeof HealthCheckAnswerRowSchema>;

export const HealthCheckSchema = z.strictObject({
  framework: FrameworkIdSchema,
  title: z.string(),
  /** Every framework the templates hold, to choose between (from the files, so a service's own wording shows). */
  frameworks: z.array(z.strictObject({ id: z.string(), title: z.string() })),
  /** The chosen framework's indicators in order, with their standard. */
  indicators: z.array(z.strictObject({ number: z.string(), title: z.string(), standard: z.string(), safeguarding: z.boolean() })),
  answers: z.array(HealthCheckAnswerRowSchema),
  /** The files attached to the chosen framework's indicators, in the order they were attached. */
  evidence: z.array(IndicatorEvidenceRowSchema),
  progress: ProgressSchema,
  /** What the casebook shows falls short, by indicator, on the day (health-check-gaps.ts). */
  gaps: z.array(GapSchema),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;
