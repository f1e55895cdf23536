import { useEffect, useId, useRef } from 'react';
import { useLatestMessage } from '../hooks/useLatestMessage';

export interface SummaryError {
  /** id of the control to move to; undefined for errors about the whole form. */
  fieldId?: string;
  message: string;
  /** A way to put it right elsewhere ("Record a contact"): a link-styled button after the message. */
  fix?: { label: string; go(): void };
}

/**
 * GOV.UK error summary. It takes focus each time `focusKey` changes (a failed submit), so the
 * person hears "There is a problem" and the list; each link moves focus to its field.
 */
export function ErrorSummary({ errors, focusKey, level = 2 }: { errors: SummaryError[]; focusKey: number; /** Heading level, one below the heading it sits under (a form panel's h3 → 4). */ level?: 2 | 3 | 4 }) {
  const Title = `h${level}` as 'h2';
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // The errors and the new focusKey may arrive in different renders (react-hook-form updates
  // its errors through a subscription), so check after every render until the focus is done.
  const focused = useRef(0);
  // Problems shown are the latest message, so a success banner still on screen gives way.
  useLatestMessage(errors.length > 0, focusKey);
  useEffect(() => {
    if (focusKey > focused.current && ref.current) {
      focused.current = focusKey;
      ref.current.focus();
    }
  });
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <div role="alert">
        <Title className="govuk-error-summary__title" id={titleId}>
          There is a problem
        </Title>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e, i) => (
              <li key={`${e.fieldId ?? 'form'}-${i}`}>
                {e.fieldId ? (
                  <a href={`#${e.fieldId}`} onClick={(ev) => focusField(ev, e.fieldId!)}>
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
                {e.fix && (
                  <>
                    {' '}
                    <button type="button" className="cb-link-button govuk-!-font-weight-bold" onClick={e.fix.go}>
                      {e.fix.label}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Move to the field itself rather than letting the browser just scroll to the anchor. */
function focusField(ev: React.MouseEvent, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  ev.preventDefault();
  el.scrollIntoView({ block: 'center' });
  el.focus();
}
