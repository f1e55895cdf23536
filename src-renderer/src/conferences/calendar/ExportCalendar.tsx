import { useState } from 'react';
import { call, messageOf } from '../../shared/api/client';
import { Banner } from '../../shared/components/Banner';
import { CheckboxField } from '../../shared/components/Fields';
import { WarningText } from '../../shared/components/WarningText';
import type { CalendarMode } from '../process-state';

type Status = { busy: boolean; saved?: string; error?: string };

/**
 * Save the meetings shown as an iCalendar (.ics) file for Outlook, Google or Apple calendars.
 * Events say the kind of meeting and the case reference only; first names go in only when
 * asked for, with a warning, because calendars are synced to phones and shared.
 */
export function ExportCalendar({
  from,
  to,
  title,
  unit,
  facilitatorId,
  hideInactive,
  count,
}: {
  from: string;
  to: string;
  title: string;
  unit: CalendarMode;
  facilitatorId: string;
  hideInactive: boolean;
  /** Meetings shown; undefined while loading. */
  count: number | undefined;
}) {
  const [names, setNames] = useState(false);
  const [status, setStatus] = useState<Status>({ busy: false });

  async function save() {
    setStatus({ busy: true });
    try {
      const r = await call('saveCalendar', { from, to, ...(facilitatorId ? { facilitatorId } : {}), ...(hideInactive ? { hideInactive } : {}), ...(names ? { includeFirstNames: true } : {}) });
      setStatus({ busy: false, ...(r.saved ? { saved: `Saved ${r.fileName} with ${r.meetings} ${r.meetings === 1 ? 'meeting' : 'meetings'}.` } : {}) });
    } catch (e) {
      setStatus({ busy: false, error: messageOf(e) });
    }
  }

  return (
    <section aria-labelledby="calendar-export-title" className="govuk-!-margin-top-6" data-testid="calendar-export">
      <h2 className="govuk-heading-m" id="calendar-export-title">
        Export to a calendar
      </h2>
      {count === 0 ? (
        <p className="govuk-body">There are no meetings shown to export. Choose another {unit} or facilitator.</p>
      ) : (
        <>
          <p className="govuk-body">
            Save the meetings shown for {title} as a calendar file (.ics) to open in Outlook, Google Calendar or Apple Calendar. Each event says the kind of meeting and the case
            reference, not who is taking part.
          </p>
          <CheckboxField
            id="calendar-first-names"
            label="Include first names"
            hint="Adds the first names of the people invited to each event's title."
            checked={names}
            onChecked={(v) => {
              setNames(v);
              setStatus({ busy: false });
            }}
          />
          {names && (
            <WarningText>
              Calendars are often synced to phones and shared with colleagues. Anyone who can see this calendar will see who is meeting about a crime. Only include names in a calendar
              that nobody else can see.
            </WarningText>
          )}
          <button type="button" className="govuk-button govuk-button--secondary" disabled={status.busy || count === undefined} onClick={() => void save()}>
            Export to calendar (.ics)
          </button>
        </>
      )}
      {status.saved && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading" data-testid="calendar-export-status">
            {status.saved}
          </p>
        </Banner>
      )}
      {status.error && <p className="govuk-error-message">{status.error}</p>}
    </section>
  );
}
