import { useState } from 'react';
import type { SubjectAccessRow } from '../../../../src-main/domain/data-protection/subject-access/register';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { TableHead } from '../TableHead';
import { formatDate } from '../../shared/lib/dates';
import { PageNotices, useLoaded } from './loaded';
import { LogRequestForm } from './LogRequestForm';
import { RequestPage } from './RequestPage';
import { dueWords, SubjectAccessTag } from './SubjectAccessTag';

/**
 * The subject access register (UK GDPR Article 15): each request by its number, when it came,
 * when it is due and where it stands, overdue and due soon first. The table shows no names
 * (it is read on screens others pass); a request's own page does. Administrators and
 * coordinators only.
 */
export function SubjectAccess() {
  const [open, setOpen] = useState<{ id: string; number: string }>();
  if (open) return <RequestPage id={open.id} number={open.number} onBack={() => setOpen(undefined)} />;
  // The register is read again each time it appears, so a step taken on a request shows.
  return <Register onOpen={(r) => setOpen({ id: r.id, number: r.number })} />;
}

function Register({ onOpen }: { onOpen(r: SubjectAccessRow): void }) {
  const h1 = usePageTitle('Subject access requests');
  const { value: list, error, reload } = useLoaded('listSubjectAccessRequests', {}, '');
  const readOnly = useSession((s) => s.session?.readOnly ?? true);
  const [logging, setLogging] = useState(false);
  const [done, setDone] = useState<string>();
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Subject access requests
      </h1>
      <PageNotices done={done} error={error} />
      {logging && (
        <LogRequestForm
          onCancel={() => setLogging(false)}
          onSaved={(r) => {
            setLogging(false);
            setDone(r.due ? `Request ${r.number} is logged: due ${formatDate(r.due)}` : `Request ${r.number} is logged: the month starts when identity is checked`);
            void reload();
          }}
        />
      )}
      {!logging && (
        <>
          <p className="govuk-body">
            A request is answered within one calendar month of receipt — the same day of the next month, or its last day when there is none — or the next working day when that is a weekend or bank holiday. The clock waits for proof of identity when it is asked for, and stops while waiting for clarification; an extension adds up to two months, with a reason.
          </p>
          {!readOnly && (
            <button type="button" className="govuk-button" onClick={() => (setDone(undefined), setLogging(true))}>
              Log a request
            </button>
          )}
          {!list && !error && (
            <p className="govuk-body" role="status">
              Loading the register…
            </p>
          )}
          {list && list.requests.length === 0 && <p className="govuk-body">No requests have been logged.</p>}
          {list && list.requests.length > 0 && <RegisterTable requests={list.requests} onOpen={onOpen} />}
        </>
      )}
    </>
  );
}

function RegisterTable({ requests, onOpen }: { requests: SubjectAccessRow[]; onOpen(r: SubjectAccessRow): void }) {
  return (
    <table className="govuk-table" data-testid="sar-table">
      <caption className="govuk-table__caption govuk-table__caption--m">The register</caption>
      <TableHead columns={['Number', 'Received', 'Due', 'Status']} />
      <tbody className="govuk-table__body">
        {requests.map((r) => (
          <tr className="govuk-table__row" key={r.id}>
            <td className="govuk-table__cell">
              <button type="button" className="cb-link-button cb-nowrap" onClick={() => onOpen(r)}>
                {r.number}
              </button>
            </td>
            <td className="govuk-table__cell">{formatDate(r.receivedOn)}</td>
            <td className="govuk-table__cell">{r.completedOn ? `Completed ${formatDate(r.completedOn)}` : r.closedWithoutBundleOn ? `Closed ${formatDate(r.closedWithoutBundleOn)}` : dueWords(r)}</td>
            <td className="govuk-table__cell">
              <SubjectAccessTag r={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
