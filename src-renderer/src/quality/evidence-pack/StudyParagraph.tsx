import type { StudyDraft } from '../../../../src-main/domain/quality/case-study-review';
import { TextareaField } from '../../shared/components/Fields';

type Paragraph = StudyDraft['paragraphs'][number];

/**
 * One paragraph of a case study as the pack will print it: what the anonymiser put in place of
 * a name, a date or a detail is highlighted (and said to screen readers), so the quality lead
 * can see every change and judge whether the story still reads; "Reword" opens the text to edit.
 */
export function Highlighted({ p }: { p: Paragraph }) {
  const parts: (string | Paragraph['replacements'][number])[] = [];
  let at = 0;
  for (const r of [...p.replacements].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    if (r.start > at) parts.push(p.text.slice(at, r.start));
    parts.push(r);
    at = r.end;
  }
  if (at < p.text.length) parts.push(p.text.slice(at));
  return (
    <p className="govuk-body">
      {parts.map((x, i) =>
        typeof x === 'string' ? (
          x
        ) : (
          <mark key={i} className="app-replacement" data-kind={x.kind}>
            {p.text.slice(x.start, x.end)}
            <span className="govuk-visually-hidden"> (put in by RJ Casebook)</span>
          </mark>
        ),
      )}
    </p>
  );
}

export function StudyParagraph({ id, title, n, p, text, onText }: { id: string; title: string; n: number; p: Paragraph; text: string | undefined; onText(t: string | undefined): void }) {
  const reworded = text !== undefined && text !== p.text;
  return (
    <div className="govuk-!-margin-bottom-4" data-testid="study-paragraph">
      {p.heading && <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{p.heading}</h4>}
      {text === undefined ? (
        <>
          <Highlighted p={p} />
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onText(p.text)}>
            Reword<span className="govuk-visually-hidden"> paragraph {n} of {title}</span>
          </button>
        </>
      ) : (
        <>
          <TextareaField id={id} label={`Paragraph ${n} of ${title}`} hint={reworded ? 'Reworded: the pack uses this wording. It is still checked for personal data.' : undefined} value={text} onValue={onText} rows={4} />
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onText(undefined)}>
            Use the draft<span className="govuk-visually-hidden"> for paragraph {n} of {title}</span>
          </button>
        </>
      )}
    </div>
  );
}
