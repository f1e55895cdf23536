import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  /** A stable key for the column when two share a header; the header otherwise. */
  key?: string;
  cell(row: T): ReactNode;
  numeric?: boolean;
  className?: string;
}

/**
 * A GOV.UK table of rows under column headers; the first column is each row's header (a name,
 * a rule) when `rowHeaders` is set, so a screen reader says whose row a cell is in.
 */
export function DataTable<T>(o: { caption: string; captionId?: string; captionShown?: boolean; columns: readonly Column<T>[]; rows: readonly T[]; rowKey(row: T, i: number): string; rowTestId?(row: T): string; rowHeaders?: boolean; className?: string; testId?: string }) {
  const keyOf = (c: Column<T>) => c.key ?? c.header;
  const cls = (base: string, c: Column<T>) => [base, c.numeric && `${base}--numeric`, c.className].filter(Boolean).join(' ');
  return (
    <table className={['govuk-table', o.className].filter(Boolean).join(' ')} data-testid={o.testId}>
      <caption id={o.captionId} className={`govuk-table__caption ${o.captionShown ? 'govuk-table__caption--m' : 'govuk-visually-hidden'}`}>{o.caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {o.columns.map((c) => (
            <th scope="col" className={cls('govuk-table__header', c)} key={keyOf(c)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {o.rows.map((row, i) => (
          <tr className="govuk-table__row" key={o.rowKey(row, i)} data-testid={o.rowTestId?.(row)}>
            {o.columns.map((c, j) =>
              o.rowHeaders && j === 0 ? (
                <th scope="row" className={cls('govuk-table__header', c)} key={keyOf(c)}>
                  {c.cell(row)}
                </th>
              ) : (
                <td className={cls('govuk-table__cell', c)} key={keyOf(c)}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
