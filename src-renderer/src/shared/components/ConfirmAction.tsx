import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * The inline question before something that cannot simply be taken back (a restore): what
 * will happen, then a warning button to go ahead, and Cancel. Focus goes straight to the
 * question, because that is what must be answered.
 */
export function ConfirmAction(o: {
  title: string;
  /** The heading level, one below the heading it sits under. */
  level?: 2 | 3 | 4;
  confirmLabel: string;
  busy: boolean;
  onCancel(): void;
  onConfirm(): void;
  children: ReactNode;
}) {
  const Title = `h${o.level ?? 3}` as 'h3';
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => heading.current?.focus(), [o.title]);
  return (
    <div className="cb-confirm" role="group" aria-labelledby={titleId}>
      <Title className="govuk-heading-s" id={titleId} ref={heading} tabIndex={-1}>
        {o.title}
      </Title>
      {o.children}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--warning" disabled={o.busy} onClick={o.onConfirm}>
          {o.confirmLabel}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={o.busy} onClick={o.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
