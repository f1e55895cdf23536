import type { ReactNode } from 'react';

/** The end of a form in a panel: the save button (off while saving, so one click saves once) and Cancel beside it. */
export function SaveOrCancel({ children, saving, onCancel }: { children: ReactNode; saving: boolean; onCancel(): void }) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className="govuk-button" disabled={saving}>
        {children}
      </button>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
