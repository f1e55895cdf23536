import { useEffect } from 'react';
import { useSession } from '../app/session';
import { useCasework } from '../cases/casework-state';
import { ActionError } from '../shared/components/ActionError';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { ChecksTable } from './ChecksTable';
import { RecordLogs } from './RecordLogs';
import { useRecord } from './useRecord';
import './quality.scss';

/**
 * Your own register record: your checks against the RJC's codes and your logs, with Add CPD
 * (self-service). Nobody else's record is reachable from here: the casebook answers with the
 * signed-in person's own record only.
 */
export function MyRecord() {
  const h1 = usePageTitle('My record');
  const readOnly = useSession((s) => s.session?.readOnly ?? true);
  const { reference, load } = useCasework();
  const { loaded, error, reload } = useRecord(undefined);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        My record
      </h1>
      <p className="govuk-body">Your CPD, supervision and observed practice, checked against the Restorative Justice Council’s Practitioner Code of Practice.</p>
      <ActionError message={error} />
      {loaded && reference && (
        <>
          <ChecksTable checks={loaded.checks} />
          <RecordLogs record={loaded.record} reference={reference} own={!readOnly} manage={false} onChanged={() => void reload()} />
        </>
      )}
    </>
  );
}
