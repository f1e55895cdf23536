import { useId } from 'react';
import type { DocumentLanguage } from '../../../src-main/domain/documents/catalogue';

/** How a participant's document is printed: large print, the language, and the young person's version. */
export interface PrintChoice {
  largePrint: boolean;
  /** '' = from the person's recorded language. */
  language: DocumentLanguage | '';
  /** '' = by age on the document's date. */
  youngPerson: 'yes' | 'no' | '';
}

export const AUTOMATIC: PrintChoice = { largePrint: false, language: '', youngPerson: '' };

/** The choice as request fields: only what differs from the automatic choice. */
export function printRequest(c: PrintChoice): { largePrint?: true; language?: DocumentLanguage; youngPerson?: boolean } {
  return { ...(c.largePrint ? { largePrint: true as const } : {}), ...(c.language ? { language: c.language } : {}), ...(c.youngPerson ? { youngPerson: c.youngPerson === 'yes' } : {}) };
}

/** Large print and language for every participant's document; the young person's version where one exists. */
export function PrintOptions({ value, onChange, young }: { value: PrintChoice; onChange: (c: PrintChoice) => void; young: boolean }) {
  const ids = { large: useId(), language: useId(), young: useId() };
  return (
    <div className="govuk-form-group" data-testid="print-options">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={ids.large} type="checkbox" checked={value.largePrint} onChange={(e) => onChange({ ...value, largePrint: e.target.checked })} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={ids.large}>
            Large print (16 point)
          </label>
        </div>
      </div>
      <label className="govuk-label govuk-label--s govuk-!-margin-top-3" htmlFor={ids.language}>
        Language
      </label>
      <select className="govuk-select" id={ids.language} value={value.language} onChange={(e) => onChange({ ...value, language: e.target.value as PrintChoice['language'] })}>
        <option value="">As recorded for the person</option>
        <option value="en">English</option>
        <option value="cy">Welsh (Cymraeg)</option>
        <option value="bilingual">Welsh and English</option>
      </select>
      {young && (
        <>
          <label className="govuk-label govuk-label--s govuk-!-margin-top-3" htmlFor={ids.young}>
            Version
          </label>
          <select className="govuk-select" id={ids.young} value={value.youngPerson} onChange={(e) => onChange({ ...value, youngPerson: e.target.value as PrintChoice['youngPerson'] })}>
            <option value="">By age (young person’s version for under-18s)</option>
            <option value="yes">Young person’s version</option>
            <option value="no">Adult version</option>
          </select>
        </>
      )}
    </div>
  );
}
