import { FEEDBACK_ITEM_LABELS, type EqualityMonitoring, type FeedbackItem, type RecommendAnswer } from '../../../../src-main/domain/outcomes/feedback';
import type { CaseworkReference } from '../../../../src-main/domain/cases/case-view';

/** The equality monitoring questions, in the order they are asked. */
export const EQUALITY_QUESTIONS: readonly { key: keyof EqualityMonitoring; label: string }[] = [
  { key: 'ageBand', label: 'Age' },
  { key: 'sex', label: 'Sex' },
  { key: 'genderIdentity', label: 'Gender identity' },
  { key: 'ethnicity', label: 'Ethnic group' },
  { key: 'disability', label: 'Disability' },
  { key: 'religion', label: 'Religion or belief' },
  { key: 'sexualOrientation', label: 'Sexual orientation' },
];

export const RECOMMEND_LABELS: Record<RecommendAnswer, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };

/** A statement as the service words it (templates/conferences/feedback.yaml). */
export function statement(reference: CaseworkReference, item: FeedbackItem): string {
  return reference.conferences.feedback.statements[item] ?? FEEDBACK_ITEM_LABELS[item];
}

/** The choices for one equality question, or none if the service does not ask it. */
export function equalityChoices(reference: CaseworkReference, key: keyof EqualityMonitoring): readonly string[] {
  return reference.conferences.feedback.equality?.[key] ?? [];
}
