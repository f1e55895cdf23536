import { describeMeeting, MEETING_STATUS_LABELS, type Meeting, type MeetingStatus } from '../../../../src-main/domain/conferences/meeting';
import { STATUS_MOVES } from '../../../../src-main/domain/conferences/meeting-status';
import { useCaseView } from '../../cases/case-view-state';
import { Tag, type TagColour } from '../../shared/components/Tag';
import { OpenFormButton, Row, type CaseContext } from '../../cases/shared';
import { MEETING_FORMAT_LABELS } from '../../cases/labels';
import { useCalendarExport } from './calendar';
import { ConferenceRecordForm } from './ConferenceRecordForm';
import { MeetingForm } from './MeetingForm';
import { facilitators, names, venueOf } from './people';
import { StatusForm, type StatusMove } from './StatusForm';
import { lengthLabel } from './when';
import './meetings.scss';

export const STATUS_COLOURS: Record<MeetingStatus, TagColour> = { proposed: 'blue', confirmed: 'green', held: 'grey', postponed: 'orange', cancelled: 'red' };

export const SCHEDULE_FORM = 'schedule';
const formKey = (m: Meeting, action: string) => `meeting:${m.id}:${action}`;

/** Every meeting booked in the case, in date order, each with what can be done with it next. */
export function MeetingList({ ctx }: { ctx: CaseContext }) {
  const form = useCaseView((s) => s.form);
  const meetings = [...(ctx.c.schedule ?? [])].sort((a, b) => `${a.date} ${a.start}`.localeCompare(`${b.date} ${b.start}`));
  return (
    <section aria-labelledby="meetings-title" data-testid="meetings-schedule">
      <h3 className="govuk-heading-m" id="meetings-title">
        Meetings
      </h3>
      {meetings.length === 0 ? <p className="govuk-body">No meetings are booked yet.</p> : meetings.map((m) => <MeetingCard key={m.id} ctx={ctx} m={m} />)}
      {ctx.canEdit && (
        <OpenFormButton form={SCHEDULE_FORM} secondary={false}>
          Schedule a meeting
        </OpenFormButton>
      )}
      {form === SCHEDULE_FORM && ctx.canEdit && <MeetingForm ctx={ctx} />}
    </section>
  );
}

function MeetingCard({ ctx, m }: { ctx: CaseContext; m: Meeting }) {
  const form = useCaseView((s) => s.form);
  const venue = venueOf(ctx, m.venueId);
  const what = describeMeeting(m);
  return (
    <div data-testid={`meeting-${m.id}`}>
      <div className="govuk-summary-card cb-meeting-card">
        <div className="govuk-summary-card__title-wrapper">
          <h4 className="govuk-summary-card__title">{what}</h4>
          <Tag colour={STATUS_COLOURS[m.status]}>{MEETING_STATUS_LABELS[m.status]}</Tag>
        </div>
        <div className="govuk-summary-card__content">
          <dl className="govuk-summary-list">
            {m.statusReason && <Row label={`Why ${MEETING_STATUS_LABELS[m.status].toLowerCase()}`}>{m.statusReason}</Row>}
            <Row label="Length">{lengthLabel(m.durationMinutes)}</Row>
            <Row label="How">{MEETING_FORMAT_LABELS[m.format]}</Row>
            {(venue || m.format === 'in-person') && (
              <Row label="Venue">
                {venue && (
                  <>
                    {venue.name}
                    {venue.address && <span className="cb-block cb-secondary">{venue.address}</span>}
                  </>
                )}
              </Row>
            )}
            <Row label="Facilitators">{facilitators(ctx, m)}</Row>
            <Row label="Participants">{names(ctx, m.participantIds)}</Row>
            {m.supporterIds.length > 0 && <Row label="Supporters">{names(ctx, m.supporterIds)}</Row>}
            {m.interpreter && (
              <Row label="Interpreter">
                {m.interpreter.name}, {m.interpreter.language}
                {m.interpreter.agency ? ` (${m.interpreter.agency})` : ''}
              </Row>
            )}
            {m.notes && (
              <Row label="Notes">
                <span className="cb-pre-wrap">{m.notes}</span>
              </Row>
            )}
          </dl>
          <MeetingActions ctx={ctx} m={m} />
        </div>
      </div>
      {ctx.canEdit && <OpenMeetingForm ctx={ctx} m={m} form={form} />}
    </div>
  );
}

/** The status moves STATUS_MOVES allows, offered as words people use. */
function MeetingActions({ ctx, m }: { ctx: CaseContext; m: Meeting }) {
  const calendar = useCalendarExport(ctx.c.id);
  const moves = STATUS_MOVES[m.status];
  const conference = m.kind === 'conference';
  const recorded = (ctx.c.conferenceRecords ?? []).some((r) => r.meetingId === m.id);
  const hidden = <span className="govuk-visually-hidden"> ({describeMeeting(m)})</span>;
  const open = m.status !== 'held' && m.status !== 'cancelled';
  return (
    <>
      <div className="govuk-button-group cb-meeting-actions">
        {ctx.canEdit && (
          <>
            {conference && m.status === 'confirmed' && !recorded && m.date <= ctx.reference.today && (
              <OpenFormButton form={formKey(m, 'record')} secondary={false}>
                Record the conference{hidden}
              </OpenFormButton>
            )}
            {m.status === 'proposed' && moves.includes('confirmed') && (
              <OpenFormButton form={formKey(m, 'confirmed')} secondary={!conference}>
                Confirm{hidden}
              </OpenFormButton>
            )}
            {!conference && moves.includes('held') && m.date <= ctx.reference.today && (
              <OpenFormButton form={formKey(m, 'held')}>Mark as held{hidden}</OpenFormButton>
            )}
            {open && (
              <OpenFormButton form={formKey(m, 'edit')} secondary={m.status !== 'postponed'}>
                {m.status === 'postponed' ? 'Reschedule' : 'Change'}
                {hidden}
              </OpenFormButton>
            )}
            {moves.includes('postponed') && m.status !== 'postponed' && <OpenFormButton form={formKey(m, 'postponed')}>Postpone{hidden}</OpenFormButton>}
            {moves.includes('cancelled') && <OpenFormButton form={formKey(m, 'cancelled')}>Cancel meeting{hidden}</OpenFormButton>}
          </>
        )}
        {ctx.canWork && (
          <button type="button" className="govuk-button govuk-button--secondary" disabled={calendar.busy} onClick={() => void calendar.save(m)}>
            Add to calendar (.ics){hidden}
          </button>
        )}
      </div>
      <p className="govuk-body-s cb-calendar-status" role="status" data-testid="calendar-status">
        {calendar.saved ? `Saved ${calendar.saved}. Open it to add the meeting to your calendar.` : ''}
      </p>
      {calendar.error && (
        <p className="govuk-error-message" role="alert">
          {calendar.error}
        </p>
      )}
    </>
  );
}

/** The one form open for this meeting, if any, just under it. */
function OpenMeetingForm({ ctx, m, form }: { ctx: CaseContext; m: Meeting; form: string | undefined }) {
  if (!form?.startsWith(`meeting:${m.id}:`)) return null;
  const action = form.slice(`meeting:${m.id}:`.length);
  if (action === 'edit') return <MeetingForm ctx={ctx} meeting={m} />;
  if (action === 'record') return <ConferenceRecordForm ctx={ctx} meeting={m} />;
  if (action === 'confirmed' || action === 'postponed' || action === 'cancelled' || action === 'held') return <StatusForm ctx={ctx} meeting={m} to={action as StatusMove} />;
  return null;
}
