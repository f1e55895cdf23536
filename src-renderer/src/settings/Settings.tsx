import type { ReactNode } from 'react';
import { can, type Capability } from '../../../src-main/domain/access/capabilities';
import { needsRepair } from '../../../src-main/domain/casebook/session';
import type { Session } from '../../../src-main/domain/casebook/session';
import { useSession } from '../app/session';
import { useNav, type SettingsPage } from '../app/nav';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { ServiceSettingsForm } from './ServiceSettingsForm';
import { ServiceSettingsSummary } from './ServiceSettingsSummary';
import { ServiceLogoSection } from './ServiceLogoSection';
import { BackupsSection } from './BackupsSection';
import { MoveCasesSection } from './MoveCasesSection';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { UsersSection } from './UsersSection';
import { RotateKeySection } from './RotateKeySection';
import { UpdatesSection } from './UpdatesSection';
import { CaseworkSettingsSections } from './CaseworkSettingsSections';
import { VenuesSection } from '../conferences/venues/VenuesSection';
import { TeamSettings } from '../sync/TeamSettings';
import '../cases/sub-nav.scss';
import '../daily-work/daily-work.scss';

export const SETTINGS_TITLES: Record<SettingsPage, string> = {
  settings: 'Service settings',
  'settings-people': 'People and access',
  'settings-staff': 'Staff',
  'settings-venues': 'Venues',
  'settings-backups': 'Backups',
  'settings-team': 'Team',
  'settings-account': 'Your account',
};

/** What this person's role may do, and nothing that changes the casebook when it is open read-only. */
function mayOf(session: Session | undefined) {
  return (c: Capability) => !!session && !session.readOnly && can(session.user.role, c);
}

/** Restoring is how a casebook that no longer matches its last save is put right, read-only or not. */
function seesBackups(session: Session | undefined): boolean {
  const may = mayOf(session);
  return may('manage-backups') || may('import-cases') || may('export-cases') || (!!session && needsRepair(session) && can(session.user.role, 'manage-backups'));
}

/** The settings pages this person has something on. */
export function settingsPagesFor(session: Session | undefined): SettingsPage[] {
  const may = mayOf(session);
  const pages: SettingsPage[] = ['settings'];
  if (may('manage-users') || may('rotate-data-key')) pages.push('settings-people');
  pages.push('settings-staff', 'settings-venues');
  if (seesBackups(session)) pages.push('settings-backups');
  if (may('manage-team')) pages.push('settings-team');
  pages.push('settings-account');
  return pages;
}

/**
 * Settings, split by job (issue 14): the service's own, people and access, staff, venues,
 * backups and your account, each its own page under a settings sub-navigation, so a save's
 * banner is at the top of the page it belongs to.
 */
export function Settings() {
  const session = useSession((s) => s.session);
  const page = useNav((s) => s.page);
  const go = useNav((s) => s.go);
  const pages = settingsPagesFor(session);
  const shown: SettingsPage = pages.includes(page as SettingsPage) ? (page as SettingsPage) : 'settings-account';
  return <SettingsPageBody key={shown} page={shown} session={session} nav={<SettingsNav pages={pages} current={shown} onGo={go} />} />;
}

function SettingsNav({ pages, current, onGo }: { pages: SettingsPage[]; current: SettingsPage; onGo(p: SettingsPage): void }) {
  return (
    <nav className="cb-sub-nav" aria-label="Settings">
      <ul className="cb-sub-nav__list">
        {pages.map((p) => (
          <li className="cb-sub-nav__item" key={p}>
            <button type="button" className="cb-sub-nav__link" data-label={SETTINGS_TITLES[p]} aria-current={p === current ? 'page' : undefined} onClick={() => onGo(p)}>
              {SETTINGS_TITLES[p]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SettingsPageBody({ page, session, nav }: { page: SettingsPage; session: Session | undefined; nav: ReactNode }) {
  const h1 = usePageTitle(SETTINGS_TITLES[page]);
  const may = mayOf(session);
  let body: ReactNode;
  switch (page) {
    case 'settings-people':
      body = (
        <>
          {may('manage-users') && <UsersSection />}
          {may('rotate-data-key') && <RotateKeySection />}
        </>
      );
      break;
    case 'settings-staff':
      body = <CaseworkSettingsSections part="staff" />;
      break;
    case 'settings-venues':
      body = <VenuesSection />;
      break;
    case 'settings-backups':
      body = (
        <>
          {(may('manage-backups') || (!!session && needsRepair(session) && can(session.user.role, 'manage-backups'))) && <BackupsSection />}
          {(may('import-cases') || may('export-cases')) && <MoveCasesSection canImport={may('import-cases')} canExport={may('export-cases')} />}
        </>
      );
      break;
    case 'settings-team':
      body = <TeamSettings />;
      break;
    case 'settings-account':
      body = <ChangePassphraseForm />;
      break;
    default:
      body = (
        <>
          {may('change-settings') ? <ServiceSettingsForm /> : <ServiceSettingsSummary />}
          <ServiceLogoSection canChange={may('change-settings')} />
          <CaseworkSettingsSections part="casework" />
          {/* Checking changes nothing, so a read-only session may check too. */}
          {session && can(session.user.role, 'check-updates') && <UpdatesSection />}
        </>
      );
  }
  return (
    <div className="cb-settings-page" data-testid={`settings-page-${page}`}>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {SETTINGS_TITLES[page]}
      </h1>
      {nav}
      {body}
    </div>
  );
}
