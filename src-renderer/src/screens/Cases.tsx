import { useEffect, useState } from 'react';
import { useCases } from '../state/cases';
import { useNav } from '../state/nav';
import { EXIT_LABELS, STAGE_LABELS } from '../lib/labels';
import { formatDate } from '../lib/dates';
import { usePageTitle } from '../hooks/usePageTitle';

/** The case list with a search box; each reference opens the read-only case view. */
export function Cases() {
  const h1 = usePageTitle('Cases');
  const { cases, query, error, load } = useCases();
  const go = useNav((s) => s.go);
  const [text, setText] = useState(query);

  // Load once on arrival, keeping the last search; later loads come from the search form.
  useEffect(() => {
    const s = useCases.getState();
    void s.load(s.query);
  }, []);

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Cases
      </h1>
      <form
        className="cb-filters"
        role="search"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void load(text);
        }}
      >
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="case-search">
            Search cases
          </label>
          <div className="govuk-hint" id="case-search-hint">
            Reference, name, offence or where the referral came from
          </div>
          <div className="cb-search">
            <input
              id="case-search"
              className="govuk-input govuk-input--width-20"
              type="search"
              value={text}
              aria-describedby="case-search-hint"
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
              Search
            </button>
          </div>
        </div>
      </form>
      {error && <p className="govuk-error-message">{error}</p>}
      <p className="govuk-body" role="status">
        {cases ? `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}${query ? ` matching “${query}”` : ''}` : 'Loading cases…'}
      </p>
      {cases && cases.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Cases</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Reference</th>
              <th scope="col" className="govuk-table__header">People</th>
              <th scope="col" className="govuk-table__header">Stage</th>
              <th scope="col" className="govuk-table__header">Received</th>
              <th scope="col" className="govuk-table__header">Lead facilitator</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {cases.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell">
                  <button type="button" className="cb-link-button cb-nowrap" onClick={() => go('case', c.id)}>
                    {c.reference}
                  </button>
                </td>
                <td className="govuk-table__cell">{c.names.join(', ')}</td>
                <td className="govuk-table__cell">{c.exit ? `Ended: ${EXIT_LABELS[c.exit]}` : STAGE_LABELS[c.stage]}</td>
                <td className="govuk-table__cell cb-nowrap">{formatDate(c.receivedOn)}</td>
                <td className="govuk-table__cell">{c.leadFacilitator ?? 'Not assigned'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
