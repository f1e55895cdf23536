import type { ReactNode } from 'react';
import { SkipLink } from './SkipLink';

/** The frame for screens shown before anyone has unlocked: no names, no navigation. */
export function PublicLayout({ serviceName, children }: { serviceName?: string; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="cb-header">
        <div className="govuk-width-container cb-header__inner">
          <p className="cb-header__service">
            {serviceName ?? 'RJ Casebook'}
            {serviceName && <span className="cb-header__app">RJ Casebook</span>}
          </p>
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">{children}</div>
          </div>
        </main>
      </div>
    </>
  );
}
