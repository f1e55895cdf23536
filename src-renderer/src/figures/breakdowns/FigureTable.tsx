import type { ReactNode } from 'react';

export const NO_DATA = 'No data in this period';

/**
 * One breakdown as an accessible table: a heading, what puts an item in it, and a table whose
 * first column heads each row. Kept apart from BarChart so charts can be put beside these
 * tables later without changing them. An empty breakdown says so in words.
 */
export function FigureTable({ id, title, hint, columns, rows, empty, footer }: { id: string; title: string; hint?: ReactNode; columns: readonly string[]; rows: readonly (readonly string[])[]; empty?: boolean; footer?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="cb-figure-table" data-testid={id}>
      <h3 className="govuk-heading-s" id={`${id}-title`}>
        {title}
      </h3>
      {hint && <p className="govuk-hint">{hint}</p>}
      {empty || rows.length === 0 ? (
        <p className="govuk-body">{NO_DATA}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {columns.map((c, i) => (
                <th key={c} scope="col" className={`govuk-table__header${i > 0 ? ' govuk-table__header--numeric' : ''}`}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r) => (
              <tr className="govuk-table__row" key={r[0]}>
                {r.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="govuk-table__header">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="govuk-table__cell govuk-table__cell--numeric">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {footer}
    </section>
  );
}

export const count = (x: number) => x.toLocaleString('en-GB');
/** A figure that may have no data: "–" in the table, with "No data in this period" said once beside it. */
export const maybe = (x: number | null, percent = false) => (x === null ? '–' : percent ? `${x}%` : count(x));
