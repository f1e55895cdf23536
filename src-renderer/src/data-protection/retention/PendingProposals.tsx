import { useState } from 'react';
import type { PendingProposal, RetentionResult } from '../../../../src-main/domain/data-protection/retention/contract';
import { RETENTION_ACTION_LABELS } from '../../../../src-main/domain/data-protection/retention/register';
import { call, messageOf } from '../../shared/api/client';
import { ActionError } from '../../shared/components/ActionError';
import { TextareaField } from '../../shared/components/Fields';
import { formatDate, formatDateTime } from '../../shared/lib/dates';

/** Proposals waiting for a second person: anyone but the proposer approves (and so carries out) or refuses. */
export function PendingProposals({ pending, onDone }: { pending: PendingProposal[]; onDone(r: RetentionResult): void }) {
  const [refusing, setRefusing] = useState<string>();
  const [why, setWhy] = useState('');
  const [problem, setProblem] = useState<string>();
  const decide = async (id: string, decision: 'approve' | 'refuse') => {
    setProblem(undefined);
    if (decision === 'refuse' && !why.trim()) return setProblem('Say why it is refused');
    try {
      onDone(await call('decideRetention', { proposalId: id, decision, ...(decision === 'refuse' ? { refusal: why.trim() } : {}) }));
      setRefusing(undefined);
      setWhy('');
    } catch (e) {
      setProblem(messageOf(e));
    }
  };
  if (pending.length === 0) return <p className="govuk-body">Nothing is waiting for approval.</p>;
  return (
    <>
      <ActionError message={problem} />
      <table className="govuk-table" data-testid="retention-pending">
        <caption className="govuk-table__caption govuk-table__caption--s">Waiting for a second person</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Record', 'Action', 'Reason', 'Proposed by', 'Decision'].map((h) => (
              <th key={h} scope="col" className="govuk-table__header">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {pending.map((p) => (
            <tr key={p.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                {p.label}
                <div className="govuk-hint govuk-!-margin-0">{p.why}</div>
              </td>
              <td className="govuk-table__cell">
                {RETENTION_ACTION_LABELS[p.action]}
                {p.until ? ` until ${formatDate(p.until)}` : ''}
              </td>
              <td className="govuk-table__cell">{p.reason}</td>
              <td className="govuk-table__cell">
                {p.proposedByName}, {formatDateTime(p.proposedAt)}
              </td>
              <td className="govuk-table__cell">
                {!p.canDecide ? (
                  <span className="govuk-hint govuk-!-margin-0">You proposed this: someone else must approve it.</span>
                ) : refusing === p.id ? (
                  <>
                    <TextareaField id={`refuse-${p.id}`} label={`Why refuse ${p.label}`} value={why} onValue={setWhy} rows={2} />
                    <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => void decide(p.id, 'refuse')}>
                      Refuse
                    </button>
                  </>
                ) : (
                  <div className="govuk-button-group govuk-!-margin-bottom-0">
                    <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => void decide(p.id, 'approve')}>
                      Approve<span className="govuk-visually-hidden"> {RETENTION_ACTION_LABELS[p.action].toLowerCase()} {p.label}</span>
                    </button>
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setRefusing(p.id)}>
                      Refuse<span className="govuk-visually-hidden"> {p.label}</span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
