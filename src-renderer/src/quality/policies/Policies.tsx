import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../../src-main/domain/access/capabilities';
import type { PolicyList, PolicyRow } from '../../../../src-main/domain/quality/policies';
import { useSession } from '../../app/session';
import { useCasework } from '../../cases/casework-state';
import { call, messageOf } from '../../shared/api/client';
import { Banner } from '../../shared/components/Banner';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { formatDate } from '../../shared/lib/dates';
import { ReviewTag } from '../QualityTag';
import { PolicyDetail } from './PolicyDetail';
import { PolicyForm } from './PolicyForm';
import '../records.scss';

/**
 * The policies register (RSQM standard 2): every policy with its version, owner and review,
 * overdue reviews first. Everyone reads it and saves copies of the documents; quality leads and
 * administrators add policies, attach documents and add versions.
 */
export function Policies() {
  const h1 = usePageTitle('Policies');
  const session = useSession((s) => s.session);
  const loadReference = useCasework((s) => s.load);
  const canManage = !!session && !session.readOnly && can(session.user.role, 'manage-policies');
  const [list, setList] = useState<PolicyList>();
  const [error, setError] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const [added, setAdded] = useState<string>();

  const load = useCallback(async () => {
    try {
      setList(await call('listPolicies', {}));
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void loadReference();
    void load();
  }, [load, loadReference]);

  const open = list?.policies.find((p) => p.id === openId);
  const changed = (p: PolicyRow) => {
    setList((l) => l && { ...l, policies: l.policies.map((x) => (x.id === p.id ? p : x)) });
    void load();
  };

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Policies
      </h1>
      {error && <p className="govuk-error-message">{error}</p>}
      {open ? (
        <PolicyDetail policy={open} canManage={canManage} onBack={() => setOpenId(undefined)} onChanged={changed} />
      ) : (
        <>
          {added && (
            <Banner title="Success" success>
              <p className="govuk-notification-banner__heading">{added} is in the register. Open it to attach its document.</p>
            </Banner>
          )}
          {list && (
            <p className="govuk-body">
              A review shows as due soon {list.dueSoonDays} days before its date, and as overdue from the day after it.
            </p>
          )}
          {canManage && !adding && (
            <button type="button" className="govuk-button" onClick={() => (setAdded(undefined), setAdding(true))}>
              Add a policy
            </button>
          )}
          {adding && (
            <PolicyForm
              onCancel={() => setAdding(false)}
              onSaved={(p) => {
                setAdding(false);
                setAdded(p.title);
                void load();
              }}
            />
          )}
          {!list && !error && (
            <p className="govuk-body" role="status">
              Loading the register…
            </p>
          )}
          {list && list.policies.length === 0 && <p className="govuk-body">There are no policies in the register yet.</p>}
          {list && list.policies.length > 0 && <PolicyTable policies={list.policies} onOpen={setOpenId} />}
        </>
      )}
    </>
  );
}

function PolicyTable({ policies, onOpen }: { policies: PolicyRow[]; onOpen(id: string): void }) {
  return (
    <table className="govuk-table cb-records-table" data-testid="policies-table">
      <caption className="govuk-table__caption govuk-table__caption--m">The register</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Policy</th>
          <th scope="col" className="govuk-table__header">Version</th>
          <th scope="col" className="govuk-table__header">Owner</th>
          <th scope="col" className="govuk-table__header">Next review</th>
          <th scope="col" className="govuk-table__header">Status</th>
          <th scope="col" className="govuk-table__header">Document</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {policies.map((p) => (
          <tr className="govuk-table__row" key={p.id}>
            <td className="govuk-table__cell">
              <button type="button" className="cb-link-button" onClick={() => onOpen(p.id)}>
                {p.title}
              </button>
            </td>
            <td className="govuk-table__cell">{p.current.version}</td>
            <td className="govuk-table__cell">{p.ownerName}</td>
            <td className="govuk-table__cell">{formatDate(p.nextReview)}</td>
            <td className="govuk-table__cell">
              <ReviewTag status={p.status} />
            </td>
            <td className="govuk-table__cell">{p.current.document ? 'Attached' : 'None'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
