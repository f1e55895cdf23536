import { Tag } from '../shared/components/Tag';
import { formatDate, StatusTag, who, type CaseContext } from './shared';
import { DEADLINE_TAGS } from './labels';

/** Victims' Code and service deadlines for this case, earliest first, with where each stands. */
export function Deadlines({ ctx }: { ctx: CaseContext }) {
  const deadlines = ctx.view.deadlines;
  const person = (id: string) => {
    const p = ctx.c.participants.find((x) => x.id === id);
    return p ? who(p) : 'Someone no longer in the case';
  };
  const overdue = deadlines.filter((d) => d.status === 'overdue').length;
  return (
    <>
      <h2 className="govuk-heading-l">Deadlines</h2>
      <p className="govuk-body">Counted in working days in England and Wales, leaving out weekends and bank holidays.</p>
      {overdue > 0 && (
        <p className="govuk-body" data-testid="overdue-count">
          <Tag colour="red">{overdue} overdue</Tag>
        </p>
      )}
      {deadlines.length === 0 ? (
        <p className="govuk-body">No deadlines apply to this case.</p>
      ) : (
        <table className="govuk-table cb-table--compact" data-testid="deadlines">
          <caption className="govuk-table__caption govuk-visually-hidden">Deadlines, earliest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Deadline</th>
              <th scope="col" className="govuk-table__header">For</th>
              <th scope="col" className="govuk-table__header">Due</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {deadlines.map((d) => (
              <tr className="govuk-table__row" key={`${d.rule}-${d.participantId}`}>
                <td className="govuk-table__cell">
                  {d.title}
                  {d.enhanced && (
                    <span className="cb-block">
                      <Tag colour="pink">Enhanced rights</Tag> <span className="cb-secondary">shorter timescale applied</span>
                    </span>
                  )}
                </td>
                <td className="govuk-table__cell">{person(d.participantId)}</td>
                <td className="govuk-table__cell cb-nowrap">{formatDate(d.due)}</td>
                <td className="govuk-table__cell">
                  <StatusTag tag={d.status === 'met' && d.late ? { label: 'Met late', colour: 'orange' } : DEADLINE_TAGS[d.status]} />
                  {d.status === 'met' && d.metOn && (
                    <span className="cb-block">
                      on {formatDate(d.metOn)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
