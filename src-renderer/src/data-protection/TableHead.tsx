/** A GOV.UK table's header row from its column names. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((h) => (
          <th key={h} scope="col" className="govuk-table__header">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
