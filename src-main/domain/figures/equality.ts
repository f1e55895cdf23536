import type { FiguresCase, Period } from './figures';
import { within } from './process-start';

/**
 * The equality monitoring summary: counts only, from feedback given in the period by people who
 * agreed to equality monitoring (the case list keeps the answers only then, case-facts.ts).
 * Small numbers could point at someone, so any count below SMALL_NUMBER is shown as "fewer
 * than 5"; where that would leave a single hidden count in a question, the next smallest is
 * hidden too, so it cannot be worked out by subtraction. Fewer than 5 consenting responses in
 * all: no breakdown at all.
 */
export const SMALL_NUMBER = 5;
export const SMALL_NUMBER_TEXT = `fewer than ${SMALL_NUMBER}`;

export const EQUALITY_QUESTIONS = ['ageBand', 'sex', 'genderIdentity', 'ethnicity', 'disability', 'religion', 'sexualOrientation'] as const;
export type EqualityQuestion = (typeof EQUALITY_QUESTIONS)[number];
export const EQUALITY_QUESTION_LABELS: Record<EqualityQuestion, string> = {
  ageBand: 'Age band',
  sex: 'Sex',
  genderIdentity: 'Gender identity',
  ethnicity: 'Ethnic group',
  disability: 'Disability',
  religion: 'Religion or belief',
  sexualOrientation: 'Sexual orientation',
};

export interface EqualitySummary {
  threshold: number;
  /** Responses with equality answers; null when fewer than the threshold (then no questions). */
  consented: number | null;
  questions: { question: EqualityQuestion; answers: { answer: string; count: number | null }[] }[];
}

/** Hide small counts; if exactly one is hidden, hide the next smallest too. */
function suppressed(counts: readonly { answer: string; count: number }[]): { answer: string; count: number | null }[] {
  const out = counts.map((c) => ({ answer: c.answer, count: c.count < SMALL_NUMBER ? null : c.count }));
  if (out.filter((c) => c.count === null).length === 1 && out.length > 1) {
    let smallest = -1;
    out.forEach((c, i) => {
      if (c.count !== null && (smallest < 0 || c.count < (out[smallest]!.count as number))) smallest = i;
    });
    if (smallest >= 0) out[smallest]!.count = null;
  }
  return out;
}

export function equalitySummaryOf(cases: readonly FiguresCase[], period: Period): EqualitySummary {
  const inPeriod = within(period);
  let consented = 0;
  const tallies = new Map<EqualityQuestion, Map<string, number>>(EQUALITY_QUESTIONS.map((q) => [q, new Map()]));
  for (const c of cases) {
    for (const f of c.feedback) {
      if (!f.equality || !inPeriod(f.givenOn)) continue;
      consented++;
      for (const q of EQUALITY_QUESTIONS) {
        const a = f.equality[q]?.trim();
        if (a) tallies.get(q)!.set(a, (tallies.get(q)!.get(a) ?? 0) + 1);
      }
    }
  }
  if (consented < SMALL_NUMBER) return { threshold: SMALL_NUMBER, consented: consented === 0 ? 0 : null, questions: [] };
  return {
    threshold: SMALL_NUMBER,
    consented,
    questions: EQUALITY_QUESTIONS.map((question) => ({
      question,
      answers: suppressed([...tallies.get(question)!].map(([answer, count]) => ({ answer, count })).sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer, 'en-GB'))),
    })).filter((q) => q.answers.length > 0),
  };
}
