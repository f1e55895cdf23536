import { useSession } from '../app/session';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { ServiceSettingsForm } from './ServiceSettingsForm';
import { ServiceSettingsSummary } from './ServiceSettingsSummary';
import { BackupsSection } from './BackupsSection';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { UsersSection } from './UsersSection';
import { CaseworkSettingsSections } from './CaseworkSettingsSections';
import { VenuesSection } from '../conferences/venues/VenuesSection';

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
