import { describeMeeting, MEETING_STATUS_LABELS, peopleInvited, type Meeting, type MeetingStatus } from '../../../../src-main/domain/conferences/meeting';
import { TextArea } from '../../shared/components/TextArea';
import { FormPanel, useCommandForm } from '../../cases/command-form';
import { CONSENT_STATE_TAGS, RISK_STATUS_TAGS, StatusTag, type CaseContext } from '../../cases/shared';
import { personName } from './people';

/** The status changes the meeting list offers; "held" for a conference comes from its record. */
export type StatusMove = Extract<MeetingStatus, 'confirmed' | 'postponed' | 'cancelled' | 'held'>;

const WORDS: Record<StatusMove, { title: string; submit: string; intro: string }> = {
  confirmed: { title: 'Confirm', submit: 'Confirm the meeting', intro: 'Confirm once the time, place and people are agreed with everyone.' },
  postponed: { title: 'Postpone', submit: 'Postpone the meeting', intro: 'The meeting stays on record and frees everyone’s time. Reschedule it when a new date is agreed.' },
  cancelled: { title: 'Cancel', submit: 'Yes, cancel this meeting', intro: 'A cancelled meeting stays on record and cannot be booked again: schedule a new one if it is needed later.' },
  held: { title: 'Mark as held', submit: 'Mark as held', intro: 'Record that the meeting took place as booked.' },
};

/** Confirm, postpone, cancel or mark held: one command, with a reason where one is needed. */
export function StatusForm({ ctx, meeting, to }: { ctx: CaseContext; meeting: Meeting; to: StatusMove }) {
  const needsReason = to === 'postponed' || to === 'cancelled';
  const words = WORDS[to];
  const f = useCommandForm<{ reason: string }>({
    prefix: `status-${meeting.id}-`,
    fields: ['reason'],
    defaultValues: { reason: '' },
    build: (v) => {
      const reason = v.reason.trim();
      if (needsReason && !reason) return { errors: [{ field: 'reason', message: `Say why the meeting is ${to}` }] };
      return { commands: [{ type: 'set-meeting-status', meetingId: meeting.id, to, ...(needsReason ? { reason } : {}) }] };
    },
    fieldFor: (path) => (path === 'reason' ? 'reason' : undefined),
    notice: `${describeMeeting(meeting)}: ${MEETING_STATUS_LABELS[to].toLowerCase()}`,
  });
  const conference = meeting.kind === 'conference';
  return (
    <FormPanel
      title={`${words.title}: ${describeMeeting(meeting)}`}
      summary={f.summary}
      focusKey={f.focusKey}
      onSubmit={f.onSubmit}
      submitLabel={conference && to === 'confirmed' ? 'Confirm the conference' : words.submit}
      submitting={f.formState.isSubmitting}
      warning={to === 'cancelled'}
      testId="meeting-status-form"
    >
      <p className="govuk-body">{words.intro}</p>
      {conference && to === 'confirmed' && <Readiness ctx={ctx} meeting={meeting} />}
      {needsReason && <TextArea id={f.id('reason')} label="Reason" hint="This is kept on the case record." error={f.error('reason')} registration={f.register('reason')} />}
    </FormPanel>
  );
}

/** Consent and risk for everyone invited: a conference is confirmed only when every row is green. */
function Readiness({ ctx, meeting }: { ctx: CaseContext; meeting: Meeting }) {
  return (
    <table className="govuk-table cb-table--compact" data-testid="readiness">
      <caption className="govuk-table__caption govuk-table__caption--s">Everyone invited needs complete consent and a signed-off risk assessment</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Person</th>
          <th scope="col" className="govuk-table__header">Consent</th>
          <th scope="col" className="govuk-table__header">Risk assessment</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {[...new Set(peopleInvited(meeting))].map((id) => {
          const consent = ctx.view.consent[id];
          const risk = ctx.view.risk[id];
          return (
            <tr className="govuk-table__row" key={id}>
              <th scope="row" className="govuk-table__header cb-normal-weight">
                {personName(ctx, id)}
              </th>
              <td className="govuk-table__cell">{consent ? <StatusTag tag={CONSENT_STATE_TAGS[consent.state]} /> : 'Not recorded'}</td>
              <td className="govuk-table__cell">{risk ? <StatusTag tag={RISK_STATUS_TAGS[risk]} /> : 'Not recorded'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
