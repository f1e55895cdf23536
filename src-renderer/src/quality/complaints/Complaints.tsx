import { useCallback, useEffect, useState } from 'react';
import { COMPLAINANT_ROLE_LABELS, type ComplaintList, type ComplaintRow } from '../../../../src-main/domain/quality/complaints';
import { useSession } from '../../app/session';
import { call, messageOf } from '../../shared/api/client';
import { Banner } from '../../shared/components/Banner';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { formatDate } from '../../shared/lib/dates';
import { ComplaintTag } from '../QualityTag';
import { ComplaintForm } from './ComplaintForm';
import { ComplaintUpdateForm } from './ComplaintUpdateForm';
import '../records.scss';

/**
 * The complaints log (Victims' Code right 12): each complaint with its acknowledgement
 * deadline, 10 working days after it was received, those waiting first. Coordinators, quality
 * leads and administrators record, acknowledge and close them.
 */
export function Complaints() {
  const h1 = usePageTitle('Complaints');
  const readOnly = useSession((s) => s.session?.readOnly ?? true);
  const [list, setList] = useState<ComplaintList>();
  const [error, setError] = useState<string>();
  const [form, setForm] = useState<'record' | { id: string }>();
  const [done, setDone] = useState<string>();

  const load = useCallback(async () => {
    try {
      setList(await call('listComplaints', {}));
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (heading: string) => {
    setForm(undefined);
    setDone(heading);
    void load();
  };
  const updating = typeof form === 'object' ? list?.complaints.find((c) => c.id === form.id) : undefined;

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Complaints
      </h1>
      {error && <p className="govuk-error-message">{error}</p>}
      {done && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{done}</p>
        </Banner>
      )}
      {form === 'record' && <ComplaintForm onCancel={() => setForm(undefined)} onSaved={(c) => saved(`The complaint is recorded: acknowledge it by ${formatDate(c.acknowledgeBy)}`)} />}
      {updating && <ComplaintUpdateForm complaint={updating} onCancel={() => setForm(undefined)} onSaved={() => saved('The complaint is updated')} />}
      {!form && (
        <>
          <p className="govuk-body">Each complaint is acknowledged within 10 working days of receipt (Victims’ Code right 12; weekends and bank holidays in England and Wales are not counted).</p>
          {!readOnly && (
            <button type="button" className="govuk-button" onClick={() => (setDone(undefined), setForm('record'))}>
              Record a complaint
            </button>
          )}
          {!list && !error && (
            <p className="govuk-body" role="status">
              Loading the log…
            </p>
          )}
          {list && list.complaints.length === 0 && <p className="govuk-body">No complaints have been recorded.</p>}
          {list && list.complaints.length > 0 && <ComplaintTable complaints={list.complaints} canUpdate={!readOnly} onUpdate={(id) => (setDone(undefined), setForm({ id }))} />}
        </>
      )}
    </>
  );
}

function ComplaintTable({ complaints, canUpdate, onUpdate }: { complaints: ComplaintRow[]; canUpdate: boolean; onUpdate(id: string): void }) {
  return (
    <table className="govuk-table cb-records-table" data-testid="complaints-table">
      <caption className="govuk-table__caption govuk-table__caption--m">The log</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Received</th>
          <th scope="col" className="govuk-table__header">From</th>
          <th scope="col" className="govuk-table__header">Case</th>
          <th scope="col" className="govuk-table__header">Acknowledged</th>
          <th scope="col" className="govuk-table__header">Status</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {complaints.map((c) => (
          <tr className="govuk-table__row" key={c.id}>
            <td className="govuk-table__cell">{formatDate(c.receivedOn)}</td>
            <td className="govuk-table__cell">{COMPLAINANT_ROLE_LABELS[c.from]}</td>
            <td className="govuk-table__cell">{c.caseReference ?? '—'}</td>
            <td className="govuk-table__cell">{c.acknowledgedOn ? `${formatDate(c.acknowledgedOn)} (due by ${formatDate(c.acknowledgeBy)})` : `Not yet: due by ${formatDate(c.acknowledgeBy)}`}</td>
            <td className="govuk-table__cell">
              <ComplaintTag c={c} />
              {/* The next step sits under the status it changes, so the table fits beside the navigation. */}
              {canUpdate && (
                <p className="govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  <button type="button" className="cb-link-button" onClick={() => onUpdate(c.id)}>
                    {c.status === 'due' || c.status === 'overdue' ? 'Acknowledge' : c.status === 'acknowledged' ? 'Record outcome' : 'Change'}
                    <span className="govuk-visually-hidden"> the complaint received on {formatDate(c.receivedOn)}</span>
                  </button>
                </p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
