import { useId, useState } from 'react';

/**
 * "Protect the PDF with a password": a checkbox, and when ticked the password typed twice. The
 * PDF is encrypted with AES-256 in the main process; this only asks for the password and says
 * what is wrong with it. Used by the Documents tab and the subject access bundle.
 */
export function usePdfPassword() {
  const [protect, setProtect] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  /** The password to send, undefined when not protecting; false (with the error shown) when it will not do. */
  const check = (): string | undefined | false => {
    const problem = !protect
      ? undefined
      : password.length < 8
        ? 'Enter a password of at least 8 characters'
        : password.length > 200
          ? 'A password can have at most 200 characters'
          : password !== confirm
            ? 'The two passwords are different: type the same password twice'
            : undefined;
    setError(problem);
    if (problem) return false;
    return protect ? password : undefined;
  };
  return { protect, setProtect, password, setPassword, confirm, setConfirm, error, check };
}

export function PdfPasswordFields({ pw }: { pw: ReturnType<typeof usePdfPassword> }) {
  const ids = { protect: useId(), password: useId(), confirm: useId(), hint: useId(), error: useId() };
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={ids.protect} type="checkbox" checked={pw.protect} onChange={(e) => pw.setProtect(e.target.checked)} aria-describedby={ids.hint} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={ids.protect}>
            Protect the PDF with a password
          </label>
          <div className="govuk-hint govuk-checkboxes__hint" id={ids.hint}>
            Anyone opening the PDF will need the password, so it is safer to email or carry. Tell the person the password another
            way, for example by phone. It cannot be recovered if it is lost.
          </div>
        </div>
      </div>
      {pw.protect && (
        <div className={`govuk-form-group govuk-!-margin-top-3${pw.error ? ' govuk-form-group--error' : ''}`}>
          {pw.error && (
            <p className="govuk-error-message" id={ids.error}>
              <span className="govuk-visually-hidden">Error:</span> {pw.error}
            </p>
          )}
          <label className="govuk-label" htmlFor={ids.password}>
            Password (at least 8 characters)
          </label>
          <input className="govuk-input govuk-input--width-20" id={ids.password} type="password" autoComplete="new-password" value={pw.password} onChange={(e) => pw.setPassword(e.target.value)} aria-describedby={pw.error ? ids.error : undefined} />
          <label className="govuk-label govuk-!-margin-top-3" htmlFor={ids.confirm}>
            Type the password again
          </label>
          <input className="govuk-input govuk-input--width-20" id={ids.confirm} type="password" autoComplete="new-password" value={pw.confirm} onChange={(e) => pw.setConfirm(e.target.value)} />
        </div>
      )}
    </div>
  );
}
