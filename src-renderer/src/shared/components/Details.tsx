import type { ReactNode } from 'react';

/** GOV.UK details: a short summary the person opens for more (what does not match, notes for IT). */
export function Details({ summary, children, className = 'govuk-details__text' }: { summary: string; children: ReactNode; className?: string }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className={className}>{children}</div>
    </details>
  );
}
