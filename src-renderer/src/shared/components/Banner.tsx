import { useId, type ReactNode } from 'react';
import { useLatestMessage } from '../hooks/useLatestMessage';

/**
 * GOV.UK notification banner. Success banners are a polite live region so "Settings saved"
 * is announced without moving focus away from where the person was working, and show only
 * while they are the latest message on screen.
 */
export function Banner({ title, children, success, messageKey }: { title: string; children: ReactNode; success?: boolean; /** Changes with each new message shown in the same banner. */ messageKey?: unknown }) {
  const titleId = useId();
  // A success banner gives way to any newer message (useLatestMessage); other banners stay.
  const latest = useLatestMessage(success === true, messageKey);
  if (success && !latest) return null;
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
