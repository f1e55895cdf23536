import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChosenLogoFile, ServiceLogoView } from '../../../src-main/domain/casebook/service-logo';
import { ApiError, call, messageOf } from '../shared/api/client';
import { Banner } from '../shared/components/Banner';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { ErrorMessage } from '../shared/components/FormGroup';
import { useSession } from '../app/session';
import './service-logo.scss';

type Chosen = Required<Pick<ChosenLogoFile, 'token' | 'name' | 'bytes'>>;

const FIELD = 'service-logo-file';
const sizeOf = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * The service's logo (issue 14's first run), printed at the top of letters and forms. The
 * picture is chosen in the form (the main process holds it; the form has a token, its name and
 * size), then used; the preview is the stored picture as a data: URL, which the page's CSP
 * allows for images. Remove logo stops printing it.
 */
export function ServiceLogoSection({ canChange }: { canChange: boolean }) {
  const [view, setView] = useState<ServiceLogoView>();
  const [chosen, setChosen] = useState<Chosen>();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  // The button pressed goes away once the logo is used or removed: focus moves to the section's heading, not to the page's top.
  const heading = useRef<HTMLHeadingElement>(null);

  const refresh = useCallback(async () => setView(await call('getServiceLogo', {})), []);
  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  const fail = (e: unknown) => {
    const issues = e instanceof ApiError ? (e.details.issues ?? []) : [];
    setErrors(issues.length ? issues.map((i) => ({ fieldId: FIELD, message: i.message })) : [{ fieldId: FIELD, message: messageOf(e) }]);
    setFocusKey((k) => k + 1);
  };
  // The first-run checklist reads the session's copy of the settings. (The settings form's own
  // copy is left alone, so a change typed there and not yet saved is not reset; it never sends the logo.)
  const settingsChanged = async () => useSession.getState().settingsChanged(await call('getSettings', {}));
  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    setDone(undefined);
    try {
      const message = await what();
      setErrors([]);
      setDone(message);
      if (message) heading.current?.focus();
      await settingsChanged();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const choose = () =>
    act(async () => {
      const r = await call('chooseServiceLogo', {});
      if (r.picked && r.token && r.name !== undefined && r.bytes !== undefined) setChosen({ token: r.token, name: r.name, bytes: r.bytes });
      return '';
    });
  const use = (c: Chosen) =>
    act(async () => {
      try {
        setView(await call('setServiceLogo', { chosen: c.token }));
      } finally {
        // Used or refused, the file is no longer held: it has to be chosen again.
        setChosen(undefined);
      }
      return 'Logo saved. Letters and forms print it from now on.';
    });
  const remove = () =>
    act(async () => {
      await call('removeServiceLogo', {});
      await refresh();
      return 'Logo removed. Letters and forms print the service name without it.';
    });

  const logo = view?.logo;
  const error = errors.find((e) => e.fieldId === FIELD)?.message;
  return (
    <section aria-labelledby="service-logo-title" className="govuk-!-margin-bottom-8" data-testid="service-logo">
      <h2 className="govuk-heading-m" id="service-logo-title" ref={heading} tabIndex={-1}>
        Logo
      </h2>
      {done && (
        <Banner title="Success" success messageKey={done}>
          <p className="govuk-notification-banner__heading">{done}</p>
        </Banner>
      )}
      <ErrorSummary errors={errors} focusKey={focusKey} level={3} />
      {logo ? (
        <figure className="cb-logo-preview">
          <img src={logo.dataUrl} alt="The service's logo as letters and forms print it" data-testid="service-logo-preview" />
          <figcaption className="govuk-hint">
            {logo.type === 'image/png' ? 'PNG' : 'JPEG'}, {logo.width} × {logo.height} pixels, {sizeOf(logo.size)}
          </figcaption>
        </figure>
      ) : (
        <p className="govuk-body">No logo yet: letters and forms print the service name on its own.</p>
      )}
      {canChange && (
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <span className="govuk-label" id={`${FIELD}-label`}>
            {logo ? 'Use a different picture' : 'Add your logo (optional)'}
          </span>
          <div className="govuk-hint" id={`${FIELD}-hint`}>
            A PNG or JPEG picture, up to 1 MB. It is printed at the top of letters and forms, about 1 cm high, and kept encrypted in the casebook.
          </div>
          <ErrorMessage id={FIELD} error={error} />
          <p className="govuk-body" id={FIELD} tabIndex={-1} aria-live="polite" data-testid="service-logo-chosen">
            {chosen ? `${chosen.name} (${sizeOf(chosen.bytes)})` : 'No picture chosen'}
          </p>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-describedby={`${FIELD}-label ${FIELD}-hint ${FIELD}`} onClick={() => void choose()}>
              {chosen ? 'Choose another picture' : 'Choose a picture'}
            </button>
            {chosen && (
              <button type="button" className="govuk-button" disabled={busy} onClick={() => void use(chosen)}>
                Use this logo
              </button>
            )}
            {logo && !chosen && (
              <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={() => void remove()}>
                Remove logo
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
