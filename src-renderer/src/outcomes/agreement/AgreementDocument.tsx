import { useId, useState } from 'react';
import { call, messageOf } from '../../shared/api/client';
import { useCaseView } from '../../cases/case-view-state';
import { WarningText } from '../../shared/components/WarningText';
import type { CaseContext } from '../../cases/shared';
// Printing the preview, and the preview's styles (Documents imports the document stylesheet).
import { printPreview } from '../../documents/Documents';

type Format = 'pdf' | 'docx';

/**
 * The agreement as a document: saved as PDF or Word to print and sign, or previewed and printed
 * from here. Each save is recorded on the case's timeline by the main process.
 */
export function AgreementDocument({ ctx, signed }: { ctx: CaseContext; signed: boolean }) {
  const reopen = useCaseView((s) => s.open);
  const [state, setState] = useState<{ busy: boolean; status?: string; error?: string }>({ busy: false });
  const [missing, setMissing] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ html: string; title: string }>();
  const ids = { heading: useId(), preview: useId() };
  const request = { kind: 'outcome-agreement' as const, caseId: ctx.c.id };
  const { busy, status, error } = state;

  /** One request at a time; what it says when done goes in the status line. */
  const attempt = (job: () => Promise<string | undefined>) => {
    setState({ busy: true });
    job().then(
      (said) => setState({ busy: false, status: said }),
      (e: unknown) => setState({ busy: false, error: messageOf(e) }),
    );
  };
  const save = (format: Format) =>
    attempt(async () => {
      const r = await call('saveDocument', { ...request, format });
      setMissing(r.missingCharacters);
      if (!r.saved) return 'Not saved: you cancelled.';
      // The save is on the case's timeline now: show the case as it is.
      await reopen(ctx.c.id);
      return `Saved ${r.fileName}.`;
    });
  const show = () =>
    attempt(async () => {
      const p = await call('previewDocument', request);
      setPreview({ html: p.html, title: p.title });
      setMissing(p.missingCharacters);
      return undefined;
    });

  return (
    <section aria-labelledby={ids.heading} className="cb-agreement-document" data-testid="agreement-document">
      <h3 className="govuk-heading-m" id={ids.heading}>
        {signed ? 'Print or save the signed agreement' : 'Print or save the agreement for signing'}
      </h3>
      <p className="govuk-body">
        {signed
          ? 'The saved copy shows the date it was signed on every signature line.'
          : 'Everyone listed signs the printed copy, and the facilitator countersigns it. Then record the date signed here.'}
      </p>
      <div className="govuk-button-group">
        {ctx.canWork && (
          <>
            <button type="button" className="govuk-button" disabled={busy} onClick={() => save('pdf')}>
              Save the agreement as PDF
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => save('docx')}>
              Save as Word (DOCX)
            </button>
          </>
        )}
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={show}>
          Preview to print
        </button>
        {preview && ctx.canWork && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={busy}
            onClick={() =>
              attempt(async () => {
                await printPreview(request);
                await reopen(ctx.c.id);
                return undefined;
              })
            }
          >
            Print
          </button>
        )}
      </div>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <div role="status" className="govuk-body" data-testid="agreement-document-status">
        {status}
      </div>
      {missing.length > 0 && (
        <WarningText>
          Some characters are not in the fonts RJ Casebook uses, so a PDF shows □ in their place: {missing.join(' ')}. Check the names before
          printing.
        </WarningText>
      )}
      {preview && (
        <section className="cb-doc-preview" aria-labelledby={ids.preview} data-testid="agreement-preview">
          <h4 className="govuk-heading-m cb-doc-preview__title" id={ids.preview}>
            Preview: {preview.title}
          </h4>
          {/* Rendered by the main process from the document model, which escapes every value. */}
          <div className="cb-doc-preview__page" dangerouslySetInnerHTML={{ __html: preview.html }} />
        </section>
      )}
    </section>
  );
}
