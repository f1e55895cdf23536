import { z } from 'zod';
import { dateField } from '../time/dates';
import { ParticipantIdSchema } from '../cases/participant-role';
import { signedRecordSchemas } from '../staff/signer';
import { strictForm } from '../shared/strict-form';
import { text } from '../shared/text';

/**
 * The feedback questionnaire, one per participant after closure, entered by staff.
 *
 * Each statement is answered on a five-point agreement scale (1 strongly disagree … 5 strongly
 * agree) rather than yes/no/unsure: it is the scale RJ services' paper questionnaires already
 * use, it keeps "agree" and "strongly agree" apart for the quality lead, and it still reduces
 * to one clear figure: a participant is satisfied when they agree or strongly agree (4 or 5).
 * Any statement may be left unanswered; a blank is not the same as "neither".
 */
export const FEEDBACK_ITEMS = ['preparedAndInformed', 'feltSafe', 'listenedTo', 'facilitatorFair', 'harmAcknowledged', 'satisfiedWithOutcome'] as const;
export type FeedbackItem = (typeof FEEDBACK_ITEMS)[number];

/** Default wording; a service may reword them in templates/conferences/feedback.yaml. */
export const FEEDBACK_ITEM_LABELS: Record<FeedbackItem, string> = {
  preparedAndInformed: 'I felt prepared and well informed',
  feltSafe: 'I felt safe',
  listenedTo: 'I felt listened to',
  facilitatorFair: 'The facilitator was fair and impartial',
  harmAcknowledged: 'The harm caused was acknowledged',
  satisfiedWithOutcome: 'I am satisfied with the outcome',
};

export const AGREE_SCALE = [1, 2, 3, 4, 5] as const;
export type AgreeScore = (typeof AGREE_SCALE)[number];
export const AGREE_SCALE_LABELS: Record<AgreeScore, string> = {
  1: 'Strongly disagree',
  2: 'Disagree',
  3: 'Neither agree nor disagree',
  4: 'Agree',
  5: 'Strongly agree',
};
/** Agree or strongly agree. */
export const SATISFIED_FROM: AgreeScore = 4;

const score = (item: FeedbackItem) =>
  z
    .number({ error: `“${FEEDBACK_ITEM_LABELS[item]}”: choose 1 (strongly disagree) to 5 (strongly agree)` })
    .int({ error: `“${FEEDBACK_ITEM_LABELS[item]}”: choose a whole number from 1 to 5` })
    .min(1, { error: `“${FEEDBACK_ITEM_LABELS[item]}”: choose a number from 1 to 5` })
    .max(5, { error: `“${FEEDBACK_ITEM_LABELS[item]}”: choose a number from 1 to 5` })
    .optional();

export const FeedbackAnswersSchema = strictForm(
  Object.fromEntries(FEEDBACK_ITEMS.map((k) => [k, score(k)])) as Record<FeedbackItem, ReturnType<typeof score>>,
  'the answers',
);

export const RECOMMEND_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type RecommendAnswer = (typeof RECOMMEND_ANSWERS)[number];

/**
 * Equality monitoring: every answer optional, each free text chosen from the service's lists
 * (templates/conferences/feedback.yaml), because the categories follow the census and change
 * between services; "Prefer not to say" is an answer like any other.
 */
export const EqualityMonitoringSchema = strictForm(
  {
    ageBand: text('Age band', 80).optional(),
    sex: text('Sex', 80).optional(),
    genderIdentity: text('Gender identity', 80).optional(),
    ethnicity: text('Ethnic group', 120).optional(),
    disability: text('Disability', 80).optional(),
    religion: text('Religion or belief', 80).optional(),
    sexualOrientation: text('Sexual orientation', 80).optional(),
  },
  'the equality monitoring answers',
);
export type EqualityMonitoring = z.infer<typeof EqualityMonitoringSchema>;

const feedbackFields = {
  participantId: ParticipantIdSchema,
  givenOn: dateField('Date given'),
  answers: FeedbackAnswersSchema,
  overall: z
    .number({ error: 'Overall score: choose a whole number from 0 to 10' })
    .int({ error: 'Overall score: choose a whole number from 0 to 10' })
    .min(0, { error: 'Overall score: choose a whole number from 0 to 10' })
    .max(10, { error: 'Overall score: choose a whole number from 0 to 10' })
    .optional(),
  wouldRecommend: z.enum(RECOMMEND_ANSWERS, { error: 'Would they recommend it: choose yes, no or unsure' }).optional(),
  comments: text('Comments', 10_000).optional(),
  /**
   * Equality data is special-category data (UK GDPR Article 9), asked for separately and
   * kept only with the person's own consent to this part, recorded here.
   */
  equalityConsent: z.boolean({ error: 'Say whether the person agreed to equality monitoring (true or false)' }),
  equality: EqualityMonitoringSchema.optional(),
};

function checkFeedback(f: { equality?: EqualityMonitoring | undefined; equalityConsent: boolean }, ctx: z.RefinementCtx): void {
  if (f.equality !== undefined && !f.equalityConsent) {
    ctx.addIssue({
      code: 'custom',
      path: ['equality'],
      message: 'Equality monitoring answers can only be kept when the person agreed to give them: remove the answers, or record their consent',
    });
  }
}

/** Feedback as the form sends it (who entered it is the signed-in person, signer.ts), and as the case keeps it, with enteredBy. */
const feedbackSchemas = signedRecordSchemas(feedbackFields, 'enteredBy', 'the feedback', checkFeedback);
export const FeedbackInputSchema = feedbackSchemas.input;
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;
export const FeedbackSchema = feedbackSchemas.stored;
export type Feedback = z.infer<typeof FeedbackSchema>;

/** Satisfied with the outcome, or undefined if that statement was not answered. */
export function isSatisfied(f: Pick<Feedback, 'answers'>): boolean | undefined {
  const s = f.answers.satisfiedWithOutcome;
  return s === undefined ? undefined : s >= SATISFIED_FROM;
}

export interface FeedbackFacts {
  today: string;
  participantIds: readonly string[];
  /** Participants who agreed to be contacted for feedback (consent element 9). */
  mayContactForFeedback: readonly string[];
  /** Feedback already held, one per participant. */
  existing: readonly Pick<Feedback, 'participantId'>[];
}

/** Checks needing the case, which the schema cannot see. */
export function feedbackProblems(f: Feedback, facts: FeedbackFacts): string[] {
  const out: string[] = [];
  if (f.givenOn > facts.today) out.push('The date given cannot be in the future.');
  if (!facts.participantIds.includes(f.participantId)) out.push('That participant is not in this case.');
  else if (!facts.mayContactForFeedback.includes(f.participantId)) out.push('This participant did not agree to be contacted for feedback.');
  if (facts.existing.some((e) => e.participantId === f.participantId)) out.push('This participant has already given feedback: change that instead.');
  return out;
}
