import type { StudyDraft } from '../../../../src-main/domain/quality/case-study-review';
import { StudyParagraph } from './StudyParagraph';
import './case-study-review.scss';

/**
 * The case studies as the pack will draft them, read before it is built (issue 12): each
 * replacement highlighted, each paragraph open to rewording. The draft is made again from the
 * case when the pack is built, with the reworded paragraphs put in by their place.
 */
export function CaseStudyReview({ drafts, edits, onEdit }: { drafts: StudyDraft[]; edits: Record<string, (string | undefined)[]>; onEdit(reference: string, n: number, text: string | undefined): void }) {
  const count = drafts.reduce((a, s) => a + s.paragraphs.reduce((b, p) => b + p.replacements.length, 0), 0);
  return (
    <section aria-labelledby="study-review-title" className="govuk-!-margin-bottom-6" data-testid="study-review">
      <h2 className="govuk-heading-m" id="study-review-title">
        Case studies as they will read
      </h2>
      {count > 0 ? (
        <p className="govuk-body">
          <mark className="app-replacement">Highlighted</mark> words are what RJ Casebook put in place of a name, age, date or other detail ({count}{' '}
          {count === 1 ? 'replacement' : 'replacements'}). Reword any paragraph that no longer reads well.
        </p>
      ) : (
        <p className="govuk-body">The notes in these cases name nobody and hold no dates or contact details, so nothing needed replacing. People are by their part in the story and ages are in bands.</p>
      )}
      <p className="govuk-body">Every study is checked again for personal data when the pack is built, reworded paragraphs included.</p>
      {drafts.map((s) => (
        <div key={s.reference} className="app-study" data-testid="study">
          <h3 className="govuk-heading-s">{s.title}</h3>
          {s.paragraphs.map((p, i) => (
            <StudyParagraph
              key={i}
              id={`study-${s.reference}-${i}`}
              title={s.title}
              n={i + 1}
              p={p}
              text={edits[s.reference]?.[i]}
              onText={(t) => onEdit(s.reference, i, t)}
            />
          ))}
        </div>
      ))}
    </section>
  );
}
