import type { Participant } from '../../../../src-main/domain/cases/case';
import { AGREE_SCALE, AGREE_SCALE_LABELS, FEEDBACK_ITEMS, RECOMMEND_ANSWERS, type EqualityMonitoring, type RecommendAnswer } from '../../../../src-main/domain/outcomes/feedback';
import { RadiosField } from '../../shared/components/ChoiceFields';
import { SelectField } from '../../shared/components/SelectField';
import { TextArea } from '../../shared/components/TextArea';
import { FormPanel, useCommandForm, type FieldProblem } from '../../cases/command-form';
import { DateBox, formatDate, optional, readDate, ukToday, who, type CaseContext } from '../../cases/shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy } from '../../cases/signed-by';
import { EQUALITY_QUESTIONS, equalityChoices, RECOMMEND_LABELS, statement } from './common';

type FeedbackValues = Record<string, string | boolean>;

const answerField = (item: string) => `answer-${item}`;
const equalityField = (key: string) => `eq-${key}`;
const SCORES = Array.from({ length: 11 }, (_, i) => i);
const FIXED = ['givenOn', ...ON_BEHALF_FIELDS];
const AFTER = ['overall', 'wouldRecommend', 'comments', 'equalityConsent'];

/**
 * The feedback questionnaire for one person, entered by staff from a paper form or a call:
 * six statements on a five-point agreement scale (each may be left unanswered), an overall
 * score, whether they would recommend the service, comments, and equality monitoring, asked
 * only with their separate agreement.
 */
export function FeedbackForm({ ctx, p }: { ctx: CaseContext; p: Participant }) {
  const { reference, c } = ctx;
  const questions = EQUALITY_QUESTIONS.filter((q) => equalityChoices(reference, q.key).length > 0);
  const defaults: FeedbackValues = { ...ON_BEHALF_DEFAULTS, givenOn: ukToday(reference), overall: '', wouldRecommend: '', comments: '', equalityConsent: '' };
  for (const item of FEEDBACK_ITEMS) defaults[answerField(item)] = '';
  for (const q of questions) defaults[equalityField(q.key)] = '';
  const fields = [...FIXED, ...FEEDBACK_ITEMS.map(answerField), ...AFTER, ...questions.map((q) => equalityField(q.key))];

  const f = useCommandForm<FeedbackValues>({
    prefix: `feedback-${p.id}-`,
    fields,
    defaultValues: defaults,
    build: (values) => {
      const errors: FieldProblem[] = [];
      const onBehalfOf = readOnBehalf({ forSomeoneElse: values.forSomeoneElse === true, onBehalfOf: String(values.onBehalfOf ?? '') }, errors);
      // Every other field is text.
      const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, typeof x === 'string' ? x : ''])) as Record<string, string>;
      const givenOn = readDate(v.givenOn, 'givenOn', {
        label: 'Date given',
        notAfter: reference.today,
        notAfterWhy: 'The date given must be today or in the past',
        notBefore: c.referral.receivedOn,
        notBeforeWhy: `The date given must be on or after the referral was received (${formatDate(c.referral.receivedOn)})`,
      }, errors);
      if (!v.equalityConsent) errors.push({ field: 'equalityConsent', message: 'Say whether they agreed to answer the equality monitoring questions' });
      const answers = Object.fromEntries(FEEDBACK_ITEMS.flatMap((item) => (v[answerField(item)] ? [[item, Number(v[answerField(item)])]] : [])));
      const consented = v.equalityConsent === 'yes';
      const equality: EqualityMonitoring = Object.fromEntries(consented ? questions.flatMap((q) => (v[equalityField(q.key)] ? [[q.key, v[equalityField(q.key)]]] : [])) : []);
      const comments = optional(v.comments);
      return {
        errors,
        commands: [
          {
            type: 'record-feedback',
            feedback: {
              participantId: p.id,
              givenOn: givenOn ?? '',
              answers,
              ...(v.overall ? { overall: Number(v.overall) } : {}),
              ...(v.wouldRecommend ? { wouldRecommend: v.wouldRecommend as RecommendAnswer } : {}),
              ...(comments ? { comments } : {}),
              equalityConsent: consented,
              ...(consented && Object.keys(equality).length > 0 ? { equality } : {}),
            },
            ...onBehalfOf,
          },
        ],
      };
    },
    fieldFor: (path) => {
      const parts = path.replace(/^feedback\.?/, '').split('.');
      if (parts[0] === 'answers' && parts[1]) return answerField(parts[1]);
      if (parts[0] === 'equality') return parts[1] ? equalityField(parts[1]) : 'equalityConsent';
      return parts[0] && [...FIXED, ...AFTER].includes(parts[0]) ? parts[0] : undefined;
    },
    notice: `Feedback from ${who(p)} saved`,
  });
  const consent = f.watch('equalityConsent');

  return (
    <FormPanel title={`Enter feedback from ${who(p)}`} summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save feedback" submitting={f.formState.isSubmitting} testId="feedback-form">
      <DateBox id={f.id('givenOn')} label="Date they gave it" error={f.error('givenOn')} registration={f.register('givenOn')} />
      <SignedBy ctx={ctx} f={f} verb="Entered by" />

      <h4 className="govuk-heading-m">How far do they agree with each statement?</h4>
      <p className="govuk-hint">Leave a statement as &ldquo;No answer&rdquo; if they did not answer it.</p>
      <div className="cb-scale" data-testid="feedback-statements">
        {FEEDBACK_ITEMS.map((item) => (
          <div className="cb-scale__row" key={item} data-testid={`statement-${item}`}>
            <RadiosField
              id={f.id(answerField(item))}
              legend={statement(reference, item)}
              legendSize="plain"
              error={f.error(answerField(item))}
              small
              choices={[...AGREE_SCALE.map((n) => ({ value: String(n), label: AGREE_SCALE_LABELS[n] })), { value: '', label: 'No answer' }]}
              registration={f.register(answerField(item))}
            />
          </div>
        ))}
      </div>

      <SelectField
        id={f.id('overall')}
        label="Overall score out of 10"
        hint="0 is the worst, 10 the best."
        error={f.error('overall')}
        placeholder="No answer"
        options={SCORES.map((n) => ({ value: String(n), label: String(n) }))}
        registration={f.register('overall')}
      />
      <RadiosField
        id={f.id('wouldRecommend')}
        legend="Would they recommend the service to someone in their position?"
        error={f.error('wouldRecommend')}
        inline
        choices={[...RECOMMEND_ANSWERS.map((r) => ({ value: r, label: RECOMMEND_LABELS[r] })), { value: '', label: 'No answer' }]}
        registration={f.register('wouldRecommend')}
      />
      <TextArea id={f.id('comments')} label="Comments (optional)" hint="In their words, where you can." error={f.error('comments')} registration={f.register('comments')} />

      <h4 className="govuk-heading-m">Equality monitoring</h4>
      <RadiosField
        id={f.id('equalityConsent')}
        legend="Did they agree to answer equality monitoring questions?"
        hint="These questions are optional and asked separately. The answers are kept only with their agreement, and each one can be left unanswered."
        error={f.error('equalityConsent')}
        selected={consent}
        choices={[
          {
            value: 'yes',
            label: 'Yes',
            conditional:
              questions.length === 0 ? (
                <p className="govuk-body">This service has no equality monitoring questions set up.</p>
              ) : (
                <>
                  {questions.map((q) => (
                    <SelectField
                      key={q.key}
                      id={f.id(equalityField(q.key))}
                      label={q.label}
                      error={f.error(equalityField(q.key))}
                      placeholder="Not answered"
                      options={equalityChoices(reference, q.key).map((x) => ({ value: x, label: x }))}
                      registration={f.register(equalityField(q.key))}
                    />
                  ))}
                </>
              ),
          },
          { value: 'no', label: 'No' },
        ]}
        registration={f.register('equalityConsent')}
      />
    </FormPanel>
  );
}
