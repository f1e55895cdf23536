import { useEffect } from 'react';
import { can } from '../../../src-main/domain/access/capabilities';
import { useSession } from '../app/session';
import { useCasework } from '../cases/casework-state';
import { CheckDocument } from '../data-protection/CheckDocument';
import { ActionError } from '../shared/components/ActionError';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { formatDate } from '../shared/lib/dates';
import { ChaseList } from './ChaseList';
import { ComplianceOn } from './ComplianceOn';
import { ComplianceTable } from './ComplianceTable';
import { ImportRegister } from './ImportRegister';
import { RegisteredShare } from './RegisteredShare';
import { useQuality } from './quality-state';
import './quality.scss';

/**
 * The quality lead's workspace (everyone with 'read-all-compliance'): the service's registered
 * share, what needs chasing, and every practitioner against each RJC rule on a chosen day.
 * A name opens that person's register record. Those who keep the register import it from
 * the spreadsheets they kept before.
 */
export function Quality() {
  const h1 = usePageTitle('Quality');
  const { reference, load } = useCasework();
  const { at, compliance, error, loadCompliance, openRecord } = useQuality();
  const session = useSession((s) => s.session);
  const mayImport = !!session && !session.readOnly && can(session.user.role, 'manage-register');
  useEffect(() => {
    void load();
    void loadCompliance(useQuality.getState().at);
  }, [load, loadCompliance]);
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Quality
      </h1>
      <p className="govuk-body">Each practitioner against the Restorative Justice Council’s codes: case supervision, observed practice, CPD, registration and DBS checks.</p>
      {reference && <ComplianceOn at={at ?? reference.today} onAt={(d) => void loadCompliance(d)} />}
      <ActionError message={error} />
      <div role="status" className="govuk-visually-hidden">
        {compliance ? `Compliance on ${formatDate(compliance.at)}` : ''}
      </div>
      {compliance && (
        <>
          <RegisteredShare c={compliance} />
          <ChaseList c={compliance} onOpen={openRecord} />
          <ComplianceTable c={compliance} onOpen={openRecord} />
        </>
      )}
      {mayImport && <ImportRegister onImported={() => void loadCompliance(useQuality.getState().at)} />}
      <CheckDocument />
    </>
  );
}
