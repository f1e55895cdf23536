import { useState } from 'react';
import { POLICY_DOCUMENT_LABELS, type PolicyRow, type PolicyVersion } from '../../../../src-main/domain/quality/policies';
import { call, messageOf } from '../../shared/api/client';
import { BackLink } from '../../shared/components/BackLink';
import { FileAction, useFileAction } from '../../shared/components/FileAction';
import { formatBytes, formatDate } from '../../shared/lib/dates';
import { ReviewTag } from '../QualityTag';
import { PolicyForm } from './PolicyForm';
import { VersionForm } from './VersionForm';
import '../records.scss';

/** When the review falls, in words: "in 16 days", "today", "31 days ago". */
function reviewWhen(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  return days > 0 ? `in ${n} day${n === 1 ? '' : 's'}` : `${n} day${n === 1 ? '' : 's'} ago`;
}

/** One policy: its details, its document, the versions before it; quality leads attach, change and add versions. */
export function PolicyDetail({ policy, canManage, onBack, onChanged }: { policy: PolicyRow; canManage: boolean; onBack(): void; onChanged(p: PolicyRow): void }) {
  const [editing, setEditing] = useState<'details' | 'version'>();
  const [saveError, setSaveError] = useState<string>();
  const attach = useFileAction();

  const attachDocument = () =>
    attach.run(async () => {
      const r = await call('attachPolicyDocument', { policyId: policy.id });
      if (!r.picked || !r.policy) return undefined;
      onChanged(r.policy);
      return { heading: `${r.policy.current.document?.name ?? 'The document'} is attached to version ${r.policy.current.version}` };
    });
  const saveCopy = async (v: PolicyVersion) => {
    setSaveError(undefined);
    try {
      await call('savePolicyDocument', { policyId: policy.id, version: v.version });
    } catch (e) {
      setSaveError(messageOf(e));
    }
  };
  const documentCell = (v: PolicyVersion) =>
    v.document ? (
      <button type="button" className="cb-link-button" onClick={() => void saveCopy(v)}>
        Save a copy<span className="govuk-visually-hidden"> of version {v.version}</span>: {v.document.name} ({POLICY_DOCUMENT_LABELS[v.document.type]}, {formatBytes(v.document.size)})
      </button>
    ) : (
      'No document attached'
    );

  if (editing === 'details') return <PolicyForm policy={policy} onCancel={() => setEditing(undefined)} onSaved={(p) => (setEditing(undefined), onChanged(p))} />;
  return (
    <>
      <BackLink onClick={onBack}>All policies</BackLink>
      <h2 className="govuk-heading-m" data-testid="policy-title">
        {policy.title}
      </h2>
      {saveError && <p className="govuk-error-message">{saveError}</p>}
      <dl className="govuk-summary-list">
        {(
          [
            ['Version', `${policy.current.version}, approved on ${formatDate(policy.current.approvedOn)}`],
            ['Owner', policy.ownerName],
            ['Next review', <>{formatDate(policy.nextReview)} ({reviewWhen(policy.daysToReview)}) <ReviewTag status={policy.status} /></>],
            ['RJC indicators', policy.indicators.length > 0 ? policy.indicators.join(', ') : 'None listed'],
            ['Document', documentCell(policy.current)],
          ] as const
        ).map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
      {canManage && (
        <>
          <FileAction id="attach-policy-document" title={policy.current.document ? 'Replace the document' : 'Attach the document'} action={attach} onRun={attachDocument}>
            <p className="govuk-body">A PDF or Word (DOCX) file, kept encrypted in the casebook with version {policy.current.version}.</p>
          </FileAction>
          <div className="govuk-button-group govuk-!-margin-top-6">
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setEditing('details')}>
              Change details
            </button>
            {editing !== 'version' && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setEditing('version')}>
                Add a new version
              </button>
            )}
          </div>
          {editing === 'version' && <VersionForm policy={policy} onCancel={() => setEditing(undefined)} onSaved={(p) => (setEditing(undefined), onChanged(p))} />}
        </>
      )}
      <h3 className="govuk-heading-s">Earlier versions</h3>
      {policy.history.length === 0 ? (
        <p className="govuk-body">None: this is the first version in the register.</p>
      ) : (
        <table className="govuk-table cb-records-table" data-testid="policy-history">
          <caption className="govuk-table__caption govuk-visually-hidden">Earlier versions of {policy.title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Version</th>
              <th scope="col" className="govuk-table__header">Approved on</th>
              <th scope="col" className="govuk-table__header">Document</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {[...policy.history].reverse().map((v) => (
              <tr className="govuk-table__row" key={v.version}>
                <td className="govuk-table__cell">{v.version}</td>
                <td className="govuk-table__cell">{formatDate(v.approvedOn)}</td>
                <td className="govuk-table__cell">{documentCell(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
