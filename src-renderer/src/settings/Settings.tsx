import { can, type Capability } from '../../../src-main/domain/access/capabilities';
import { needsRepair } from '../../../src-main/domain/casebook/session';
import { useSession } from '../app/session';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { ServiceSettingsForm } from './ServiceSettingsForm';
import { ServiceSettingsSummary } from './ServiceSettingsSummary';
import { BackupsSection } from './BackupsSection';
import { MoveCasesSection } from './MoveCasesSection';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { UsersSection } from './UsersSection';
import { RotateKeySection } from './RotateKeySection';
import { UpdatesSection } from './UpdatesSection';
import { CaseworkSettingsSections } from './CaseworkSettingsSections';
import { VenuesSection } from '../conferences/venues/VenuesSection';

/** Settings: the service's own (administrators change them), people, venues, backups, moving cases in and out, updates, and your passphrase. */
export function Settings() {
  const h1 = usePageTitle('Settings');
  const session = useSession((s) => s.session);
  // What this person's role may do here, and nothing that changes the casebook when it is open read-only.
  const may = (c: Capability) => !!session && !session.readOnly && can(session.user.role, c);
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Settings
      </h1>
      {may('change-settings') ? <ServiceSettingsForm /> : <ServiceSettingsSummary />}
      {may('manage-users') && <UsersSection />}
      <CaseworkSettingsSections />
      <VenuesSection />
      {/* Restoring is how a casebook that no longer matches its last save is put right. */}
      {(may('manage-backups') || (!!session && needsRepair(session) && can(session.user.role, 'manage-backups'))) && <BackupsSection />}
      {(may('import-cases') || may('export-cases')) && <MoveCasesSection canImport={may('import-cases')} canExport={may('export-cases')} />}
      {/* Checking changes nothing, so a read-only session may check too. */}
      {session && can(session.user.role, 'check-updates') && <UpdatesSection />}
      <ChangePassphraseForm />
      {may('rotate-data-key') && <RotateKeySection />}
    </>
  );
}
