import { useSession } from '../state/session';
import { usePageTitle } from '../hooks/usePageTitle';
import { ServiceSettingsForm } from './settings/ServiceSettingsForm';
import { ServiceSettingsSummary } from './settings/ServiceSettingsSummary';
import { BackupsSection } from './settings/BackupsSection';
import { ChangePassphraseForm } from './settings/ChangePassphraseForm';
import { UsersSection } from './settings/UsersSection';
import { CaseworkSettingsSections } from './settings/CaseworkSettingsSections';
import { VenuesSection } from './settings/VenuesSection';

/** Settings: the service's own (administrators change them), people, venues, backups, and your passphrase. */
export function Settings() {
  const h1 = usePageTitle('Settings');
  const session = useSession((s) => s.session);
  const isAdmin = session?.user.role === 'administrator';
  const canWrite = isAdmin && !session?.readOnly;
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Settings
      </h1>
      {canWrite ? <ServiceSettingsForm /> : <ServiceSettingsSummary />}
      {canWrite && <UsersSection />}
      <CaseworkSettingsSections />
      <VenuesSection />
      {canWrite && <BackupsSection />}
      <ChangePassphraseForm />
    </>
  );
}
