import type { ReactNode } from 'react';

export interface Bar {
  label: string;
  count: number;
}

const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count * 100) / total));

/**
 * A horizontal bar chart that is first a table: a row per bar with its label, its number and
 * its share of the total, so a screen reader (or anyone copying the numbers) gets them all.
 * The bar is drawn beside the share and hidden from assistive technology, as it only repeats
 * it. Bars are scaled to the largest, so small counts stay visible. (React sets the width
 * through the CSSOM, which the Content-Security-Policy allows, unlike a style attribute.)
 */
export function BarChart({ id, title, hint, what, rows, empty }: { id: string; title: string; hint?: ReactNode; what: string; rows: readonly Bar[]; empty: string }) {
  const total = rows.reduce((a, r) => a + r.count, 0);
  const largest = rows.reduce((a, r) => Math.max(a, r.count), 0);
  return (
    <section aria-labelledby={`${id}-title`} className="cb-chart" data-testid={id}>
      <h3 className="govuk-heading-s" id={`${id}-title`}>
        {title}
      </h3>
      {hint && <p className="govuk-hint">{hint}</p>}
      {rows.length === 0 || total === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <table className="govuk-table cb-chart__table">
          <caption className="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {what}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric cb-chart__num">
                Number
              </th>
              <th scope="col" className="govuk-table__header cb-chart__share">
                Share of the total
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r) => (
              <tr className="govuk-table__row" key={r.label}>
                <th scope="row" className="govuk-table__header cb-chart__label">
                  {r.label}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric cb-chart__num">{r.count.toLocaleString('en-GB')}</td>
                <td className="govuk-table__cell cb-chart__share">
                  <div className="cb-chart__line">
                    <span className="cb-chart__track" aria-hidden="true">
                      <span className="cb-chart__bar" style={{ width: r.count === 0 ? '0' : `max(2px, ${(r.count * 100) / largest}%)` }} />
                    </span>
                    <span className="cb-chart__pct">{share(r.count, total)}%</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                Total
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric cb-chart__num cb-chart__total">{total.toLocaleString('en-GB')}</td>
              <td className="govuk-table__cell" />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
