import type { Progress } from '../../../../src-main/domain/quality/health-check';

/** Progress at a glance: each standard's indicators by rating, and the whole framework in the last row. */
export function ProgressTable({ progress }: { progress: Progress }) {
  const o = progress.overall;
  const answered = o.total - o.unanswered;
  return (
    <>
      <p className="govuk-body-l" data-testid="health-check-progress">
        {answered} of {o.total} indicators rated: {o.met} met, {o.partly} partly met, {o.notYet} not yet met.
      </p>
      <table className="govuk-table cb-records-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Progress by standard</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Standard</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Met</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Partly met</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Not yet met</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Not answered</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {progress.standards.map((s) => (
            <tr className="govuk-table__row" key={s.number}>
              <th scope="row" className="govuk-table__header">
                {s.number} {s.title}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.met}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.partly}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.notYet}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.unanswered}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
