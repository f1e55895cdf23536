import { useEffect } from 'react';
import { can } from '../../../src-main/domain/access/capabilities';
import { useSession } from '../app/session';
import { useNav } from '../app/nav';
import { useCasework } from '../cases/casework-state';
import { BackLink } from '../shared/components/BackLink';
import { ActionError } from '../shared/components/ActionError';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { ChecksTable } from './ChecksTable';
import { LeaverSection } from './LeaverSection';
import { MyRecord } from './MyRecord';
import { RecordLogs } from './RecordLogs';
import { RegisterDetails } from './RegisterDetails';
import { useQuality } from './quality-state';
import { useRecord } from './useRecord';
import './quality.scss';

/**
 * One person's register record, opened from the Quality page or Home: their checks, details
 * and logs. Those who keep the register ('manage-register') change details and add entries;
 * coordinators and administrators ('manage-staff') mark someone as left. Anyone who may not
 * see everyone's compliance gets their own record instead: the casebook would refuse anyway.
 */
export function StaffRecordPage() {
  const role = useSession((s) => s.session?.user.role);
  if (!can(role, 'read-all-compliance')) return <MyRecord />;
  return <OverseenRecord />;
}

function OverseenRecord() {
  const session = useSession((s) => s.session);
  const staffId = useQuality((s) => s.staffId);
  const go = useNav((s) => s.go);
  const { reference, load } = useCasework();
  const { loaded, error, reload } = useRecord(staffId);
  const h1 = usePageTitle(loaded ? `${loaded.record.name}: register record` : 'Register record');
  useEffect(() => {
    void load();
  }, [load]);
  const writable = !!session && !session.readOnly;
  const may = (c: 'manage-register' | 'manage-staff') => writable && can(session?.user.role, c);

  return (
    <>
      <BackLink onClick={() => go('quality')}>Back to Quality</BackLink>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {loaded ? loaded.record.name : 'Register record'}
        <span className="govuk-caption-m">Register record</span>
      </h1>
      <ActionError message={error} />
      {loaded && reference && (
        <>
          <ChecksTable checks={loaded.checks} />
          <RegisterDetails record={loaded.record} today={reference.today} canEdit={may('manage-register')} onChanged={() => void reload()} />
          <RecordLogs record={loaded.record} reference={reference} own={false} manage={may('manage-register')} onChanged={() => void reload()} />
          {may('manage-staff') && <LeaverSection record={loaded.record} reference={reference} onChanged={() => void reload().then(() => load(true))} />}
        </>
      )}
    </>
  );
}
