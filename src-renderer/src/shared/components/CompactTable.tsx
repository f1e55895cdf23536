import type { Key, ReactNode } from 'react';
import { Tag } from './Tag';
import './casework.scss';

/**
 * One column of a compact table: its header, what each row shows, and how the cell behaves.
 * `nowrap` keeps references, dates and tags on one line; `clip` cuts a long value with an
 * ellipsis and shows it whole on hover (`title`); `numeric` right-aligns a count; `rowHeader`
 * makes the cell the row's header (the facilitator's name in the caseload).
 */
export interface CompactColumn<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  kind?: 'nowrap' | 'clip' | 'numeric';
  rowHeader?: boolean;
  title?(row: T): string | undefined;
}

const HEADER_CLASS: Record<NonNullable<CompactColumn<unknown>['kind']> | 'plain', string> = {
  plain: 'govuk-table__header',
  nowrap: 'govuk-table__header',
  clip: 'govuk-table__header',
  numeric: 'govuk-table__header govuk-table__header--numeric',
};
const CELL_CLASS: Record<NonNullable<CompactColumn<unknown>['kind']> | 'plain', string> = {
  plain: 'govuk-table__cell',
  nowrap: 'govuk-table__cell cb-nowrap',
  clip: 'govuk-table__cell cb-data-table__clip',
  numeric: 'govuk-table__cell govuk-table__cell--numeric',
};

/**
 * The compact data table of the desk's lists (issue 14: one line per row, gutters between
 * columns, references and dates never broken), written once for My work, the team caseload
 * and the dashboard's case lists. The caption is for screen readers; the page's heading names
 * the table on screen.
 */
export function CompactTable<T>(o: { caption: string; columns: readonly CompactColumn<T>[]; rows: readonly T[]; rowKey(row: T): Key; testId?: string; rowTestId?(row: T): string; className?: string }) {
  return (
    <table className={`govuk-table cb-data-table${o.className ? ` ${o.className}` : ''}`} data-testid={o.testId}>
      <caption className="govuk-table__caption govuk-visually-hidden">{o.caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {o.columns.map((c, i) => (
            <th scope="col" className={HEADER_CLASS[c.kind ?? 'plain']} key={i}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {o.rows.map((row) => (
          <tr className="govuk-table__row" key={o.rowKey(row)} data-testid={o.rowTestId?.(row)}>
            {o.columns.map((c, i) =>
              c.rowHeader ? (
                <th scope="row" className={`govuk-table__header${c.kind === 'nowrap' ? ' cb-nowrap' : ''}`} key={i}>
                  {c.cell(row)}
                </th>
              ) : (
                <td className={CELL_CLASS[c.kind ?? 'plain']} title={c.title?.(row)} key={i}>
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

/** The tag beside a sensitive case's reference, the same in every compact list. */
export function SensitiveTag({ sensitive }: { sensitive: boolean }) {
  return sensitive ? (
    <Tag colour="purple" className="cb-tag">
      Sensitive
    </Tag>
  ) : null;
}
