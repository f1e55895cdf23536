import { useId, type ReactNode } from 'react';

/**
 * GOV.UK notification banner. Success banners are a polite live region so "Settings saved"
 * is announced without moving focus away from where the person was working.
 */
export function Banner({ title, children, success }: { title: string; children: ReactNode; success?: boolean }) {
  const titleId = useId();
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'status' : 'region'}
      aria-labelledby={success ? undefined : titleId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}
