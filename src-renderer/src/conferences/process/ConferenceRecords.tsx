import { CONFERENCE_RESULT_LABELS, type ConferenceRecord, type ConferenceResult } from '../../../../src-main/domain/conferences/conference-record';
import { Tag, type TagColour } from '../../shared/components/Tag';
import { formatDate, Row, signerName, staffName, type CaseContext } from '../../cases/shared';
import { names } from './people';
import './conference-record.scss';

const RESULT_COLOURS: Record<ConferenceResult, TagColour> = { 'agreement-reached': 'green', 'no-agreement': 'grey', adjourned: 'yellow' };

/** What happened at each conference, as recorded afterwards. */
export function ConferenceRecords({ ctx }: { ctx: CaseContext }) {
  const records = ctx.c.conferenceRecords ?? [];
  if (records.length === 0) return null;
  return (
    <section aria-labelledby="conference-records-title" data-testid="conference-records">
      <h3 className="govuk-heading-m" id="conference-records-title">
        Conference records
      </h3>
      {records.map((r) => (
        <RecordCard key={r.meetingId} ctx={ctx} r={r} />
      ))}
    </section>
  );
}

function RecordCard({ ctx, r }: { ctx: CaseContext; r: ConferenceRecord }) {
  return (
    <div className="govuk-summary-card" data-testid={`conference-record-${r.meetingId}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title">
          Conference held on {formatDate(r.heldOn)}
        </h4>
        <Tag colour={RESULT_COLOURS[r.result]}>{CONFERENCE_RESULT_LABELS[r.result]}</Tag>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <Row label="Attended">{names(ctx, r.attendedIds)}</Row>
          <Row label="Staff">{r.attendedStaffIds.map((id) => staffName(ctx.reference, id)).join(', ')}</Row>
          {r.othersPresent?.length ? <Row label="Others present">{r.othersPresent.join(', ')}</Row> : null}
          <Row label="Ground rules">
            <ul className="govuk-list govuk-list--bullet cb-list--tight">
              {r.groundRules.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </Row>
          <Row label="Summary">
            <span className="cb-pre-wrap">{r.summary}</span>
          </Row>
          {r.resumesOn && <Row label="Resumes on">{formatDate(r.resumesOn)}</Row>}
          {r.notes && (
            <Row label="Notes">
              <span className="cb-pre-wrap">{r.notes}</span>
            </Row>
          )}
          <Row label="Recorded by">{signerName(ctx.reference, r.recordedBy, r.recordedOnBehalfBy)}</Row>
        </dl>
      </div>
    </div>
  );
}
