import { useState } from 'react';
import type { ChosenAttachment } from '../../../../src-main/domain/conferences/attachments';
import { call, messageOf } from '../../shared/api/client';

export type Chosen = Required<Pick<ChosenAttachment, 'token' | 'name' | 'bytes'>>;

const sizeOf = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * A file field in the form (issue 14): the file is chosen before saving, and the form shows
 * which. The system's open dialog is shown by the main process, which keeps the file until
 * the entry is saved; the form holds only a token, the name and the size.
 */
export function AttachmentField({ id, chosen, onChosen }: { id: string; chosen: Chosen | undefined; onChosen(c: Chosen | undefined): void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const choose = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await call('chooseAttachment', {});
      if (r.picked && r.token && r.name !== undefined && r.bytes !== undefined) onChosen({ token: r.token, name: r.name, bytes: r.bytes });
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`} data-testid="attachment-field">
      <span className="govuk-label" id={`${id}-label`}>
        File (optional)
      </span>
      <div className="govuk-hint" id={`${id}-hint`}>
        A scanned letter or a recording: PDF, Word, text, PNG or JPEG, MP3, M4A, WAV, MP4 or WebM, up to 25 MB. It is kept encrypted in the casebook.
      </div>
      {problem && (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <p className="govuk-body" id={id} data-testid="attachment-chosen" aria-live="polite">
        {chosen ? `${chosen.name} (${sizeOf(chosen.bytes)})` : 'No file chosen'}
      </p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-describedby={`${id}-label ${id}-hint ${id}`} onClick={() => void choose()}>
          {chosen ? 'Choose another file' : 'Choose a file'}
        </button>
        {chosen && (
          <button type="button" className="cb-link-button" onClick={() => onChosen(undefined)}>
            Remove the file<span className="govuk-visually-hidden"> {chosen.name}</span>
          </button>
        )}
      </div>
    </div>
  );
}
