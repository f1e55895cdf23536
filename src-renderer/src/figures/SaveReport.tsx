import { useState } from 'react';
import { call, messageOf } from '../shared/api/client';
import { Banner } from '../shared/components/Banner';

/**
 * Save the one-page figures report for the commissioner's return, as PDF or Word, through the
 * save dialog. It is checked for personal data before the dialog opens; a refusal says why.
 */
export function SaveReport({ from, to }: { from: string; to: string }) {
  const [state, setState] = useState<{ busy: boolean; saved?: string; error?: string }>({ busy: false });
  const save = async (format: 'pdf' | 'docx') => {
    setState({ busy: true });
    try {
      const r = await call('saveFiguresReport', { from, to, format });
      setState({ busy: false, ...(r.saved ? { saved: r.fileName } : {}) });
    } catch (e) {
      setState({ busy: false, error: messageOf(e) });
    }
  };
  return (
    <>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" disabled={state.busy} onClick={() => void save('pdf')} data-testid="figures-report-pdf">
          Save the figures report (PDF)
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={state.busy} onClick={() => void save('docx')}>
          Save the figures report (Word)
        </button>
      </div>
      {state.saved && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading" data-testid="figures-report-status">
            Saved {state.saved}.
          </p>
        </Banner>
      )}
      {state.error && (
        <p className="govuk-error-message" role="alert">
          {state.error}
        </p>
      )}
    </>
  );
}
