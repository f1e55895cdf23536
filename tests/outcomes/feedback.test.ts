import { describe, expect, it } from 'vitest';
import { feedbackProblems, FeedbackSchema, isSatisfied } from '../../src-main/domain/outcomes/feedback';
import { HARMED, LEAD, RESPONSIBLE } from '../support/process-fixtures';

const feedback = {
  participantId: HARMED,
  givenOn: '2026-09-10',
  enteredBy: LEAD,
  answers: { preparedAndInformed: 5, feltSafe: 5, listenedTo: 4, facilitatorFair: 5, harmAcknowledged: 4, satisfiedWithOutcome: 4 },
  overall: 9,
  wouldRecommend: 'yes',
  comments: 'Diolch yn fawr — it helped me move on. <script>alert(1)</script>',
  equalityConsent: true,
  equality: { ageBand: '45 to 54', ethnicity: 'White', religion: 'Prefer not to say' },
};
const msgs = (x: unknown) => FeedbackSchema.safeParse(x).error?.issues.map((i) => i.message) ?? [];

describe('FeedbackSchema', () => {
  it('accepts a full questionnaire, and one with items left blank', () => {
    expect(FeedbackSchema.parse(feedback)).toEqual(feedback);
    expect(msgs({ participantId: HARMED, givenOn: '2026-09-10', enteredBy: LEAD, answers: {}, equalityConsent: false })).toEqual([]);
  });

  it('refuses equality data without its own consent', () => {
    expect(msgs({ ...feedback, equalityConsent: false })).toEqual([
      'Equality monitoring answers can only be kept when the person agreed to give them: remove the answers, or record their consent',
    ]);
    const { equality: _e, ...noEquality } = feedback;
    expect(msgs({ ...noEquality, equalityConsent: false })).toEqual([]);
  });

  it('refuses scores off the scale, with the statement named', () => {
    expect(msgs({ ...feedback, answers: { feltSafe: 6 } })).toEqual(['“I felt safe”: choose a number from 1 to 5']);
    expect(msgs({ ...feedback, answers: { feltSafe: 0 } })).toEqual(['“I felt safe”: choose a number from 1 to 5']);
    expect(msgs({ ...feedback, answers: { feltSafe: 'yes' } })).toEqual(['“I felt safe”: choose 1 (strongly disagree) to 5 (strongly agree)']);
    expect(msgs({ ...feedback, answers: { feltSafe: 2.5 } })).toEqual(['“I felt safe”: choose a whole number from 1 to 5']);
    expect(msgs({ ...feedback, answers: { feltSafety: 2 } })).toEqual([expect.stringMatching(/Unknown field “feltSafety” in the answers/)]);
    expect(msgs({ ...feedback, overall: 11 })).toEqual(['Overall score: choose a whole number from 0 to 10']);
    expect(msgs({ ...feedback, overall: -1 })).toEqual(['Overall score: choose a whole number from 0 to 10']);
    expect(msgs({ ...feedback, wouldRecommend: 'maybe' })).toEqual(['Would they recommend it: choose yes, no or unsure']);
    expect(msgs({ ...feedback, equality: { shoeSize: '9' } })).toEqual([expect.stringMatching(/Unknown field “shoeSize”/)]);
    expect(msgs({ ...feedback, comments: 'x'.repeat(10_001) })).toEqual(['Comments must be at most 10000 characters']);
  });

  it('says who is satisfied: agree or strongly agree', () => {
    expect(isSatisfied({ answers: { satisfiedWithOutcome: 4 } })).toBe(true);
    expect(isSatisfied({ answers: { satisfiedWithOutcome: 3 } })).toBe(false);
    expect(isSatisfied({ answers: {} })).toBeUndefined();
  });
});

describe('feedbackProblems', () => {
  const parsed = FeedbackSchema.parse(feedback);
  const facts = { today: '2026-09-10', participantIds: [HARMED, RESPONSIBLE], mayContactForFeedback: [HARMED], existing: [] };
  it('checks the participant agreed to be contacted, and gives feedback once', () => {
    expect(feedbackProblems(parsed, facts)).toEqual([]);
    expect(feedbackProblems({ ...parsed, participantId: RESPONSIBLE }, facts)).toEqual(['This participant did not agree to be contacted for feedback.']);
    expect(feedbackProblems(parsed, { ...facts, existing: [{ participantId: HARMED }] })).toEqual(['This participant has already given feedback: change that instead.']);
    expect(feedbackProblems({ ...parsed, givenOn: '2026-09-11' }, facts)).toEqual(['The date given cannot be in the future.']);
  });
});
