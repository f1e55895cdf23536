import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../../../src-main/domain/access/roles';
import { can, type Capability } from '../../../src-main/domain/access/capabilities';
import { useSession } from './session';
import { isSettingsPage, useNav, type Page } from './nav';
import { lockNow } from './lock';
import { SkipLink } from '../shared/components/SkipLink';
import { CasebookNotices } from './CasebookNotices';
import { useActivityReports } from './useActivityReports';
import { Home } from '../home/Home';
import { Cases } from '../cases/Cases';
import { CaseView } from '../cases/CaseView';
import { Settings } from '../settings/Settings';
import { AuditTrail } from '../audit/AuditTrail';
import { NewReferral } from '../referrals/NewReferral';
import { Calendar } from '../conferences/calendar/Calendar';
import { Figures } from '../figures/Figures';
import { Quality } from '../quality/Quality';
import { FindPerson } from '../data-protection/FindPerson';
import { SubjectAccess } from '../data-protection/subject-access/SubjectAccess';
import { Retention } from '../data-protection/retention/Retention';
import { StaffRecordPage } from '../quality/StaffRecordPage';
import { MyRecord } from '../quality/MyRecord';
import { Policies } from '../quality/policies/Policies';
import { Complaints } from '../quality/complaints/Complaints';
import { EvidencePack } from '../quality/evidence-pack/EvidencePack';
import { CaseFileAudit } from '../quality/case-file-audit/CaseFileAudit';
import { HealthCheck } from '../quality/health-check/HealthCheck';
import { TeamCaseload } from '../daily-work/TeamCaseload';
import { QuickFind } from '../daily-work/QuickFind';
import { settingsPagesFor } from '../settings/Settings';
import { SyncStatusLine } from '../sync/SyncStatusLine';
import { ChangesToResolve } from '../sync/ChangesToResolve';
import { useSync } from '../sync/sync-state';

/** `needs`: the capability the page is for; `writes`: it changes the casebook, so not when open read-only. */
/** `onStaffList`: only for a login linked to a staff record (My record has nothing to show otherwise). */
/** `toResolve`: only while team use has changes to resolve (or the page is open). */
const NAV: { page: Page; label: string; needs?: Capability; writes?: boolean; onStaffList?: boolean; toResolve?: boolean }[] = [
  { page: 'home', label: 'Home' },
  { page: 'cases', label: 'Cases' },
  { page: 'changes-to-resolve', label: 'Changes to resolve', toResolve: true },
  { page: 'team-caseload', label: 'Team caseload', needs: 'read-team-caseload' },
  { page: 'new-referral', label: 'New referral', needs: 'take-referrals', writes: true },
  { page: 'calendar', label: 'Calendar' },
  { page: 'figures', label: 'Figures' },
  // The quality lead's work together: compliance, the self-assessment and the pack it feeds,
  // policies, complaints; then one's own record.
  { page: 'quality', label: 'Quality', needs: 'read-all-compliance' },
  { page: 'health-check', label: 'Health check', needs: 'read-health-check' },
  { page: 'case-file-audit', label: 'Case-file audit', needs: 'build-evidence-pack' },
  { page: 'evidence-pack', label: 'Evidence pack', needs: 'build-evidence-pack' },
  { page: 'policies', label: 'Policies', needs: 'read-policies' },
  { page: 'complaints', label: 'Complaints', needs: 'manage-complaints' },
  { page: 'my-record', label: 'My record', onStaffList: true },
  { page: 'find-person', label: 'Find a person', needs: 'find-person' },
  { page: 'subject-access', label: 'Subject access', needs: 'manage-subject-access' },
  { page: 'retention', label: 'Retention', needs: 'review-retention' },
  { page: 'settings', label: 'Settings' },
  { page: 'audit', label: 'Audit trail', needs: 'read-audit' },
];

/** The unlocked app: header (service, who, Lock), side navigation, the current page. */
export function Shell() {
  const session = useSession((s) => s.session);
  const { page, go } = useNav();
  const toResolve = useSync((s) => s.status?.toResolve ?? 0);
  useActivityReports(session !== undefined);
  if (!session) return null;
  // Quality leads read cases but do not take referrals (the contract refuses createReferral).
  const items = NAV.filter((n) => (!n.needs || can(session.user.role, n.needs)) && (!n.writes || !session.readOnly) && (!n.onStaffList || session.user.staffId !== undefined) && (!n.toResolve || toResolve > 0 || page === n.page));
  // Someone with nothing to change in Settings but their own passphrase (a facilitator) has "Your account".
  const accountOnly = settingsPagesFor(session).every((p) => p === 'settings' || p === 'settings-staff' || p === 'settings-venues' || p === 'settings-account') && !can(session.user.role, 'manage-staff') && !can(session.user.role, 'manage-venues');
  const label = (n: (typeof NAV)[number]) => (n.page === 'settings' && accountOnly ? 'Your account' : n.label);
  const target = (n: (typeof NAV)[number]): Page => (n.page === 'settings' && accountOnly ? 'settings-account' : n.page);
  const current = (n: (typeof NAV)[number]) => page === n.page || (n.page === 'cases' && page === 'case') || (n.page === 'quality' && page === 'staff-record') || (n.page === 'settings' && isSettingsPage(page));

  return (
    <>
      <SkipLink />
      <header className="cb-header">
        <div className="cb-width cb-header__inner">
          <p className="cb-header__service">
            {session.settings.serviceName}
            <span className="cb-header__app">RJ Casebook</span>
          </p>
          <QuickFind />
          <div className="cb-header__user">
            <span data-testid="signed-in-as">
              {session.user.name} <span className="govuk-visually-hidden">signed in as</span>({ROLE_LABELS[session.user.role]})
            </span>
            <button type="button" className="govuk-button govuk-button--inverse cb-header__lock" onClick={() => void lockNow('manual')}>
              Lock
            </button>
          </div>
        </div>
        <SyncStatusLine />
      </header>
      <div className="cb-width cb-layout">
        <nav className="cb-layout__nav cb-side-nav" aria-label="Main">
          <ul className="cb-side-nav__list">
            {items.map((n) => (
              <li className="cb-side-nav__item" key={n.page}>
                <button type="button" className="cb-side-nav__link" aria-current={current(n) ? 'page' : undefined} onClick={() => go(target(n))}>
                  {label(n)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="cb-layout__main" id="main-content" tabIndex={-1}>
          <CasebookNotices />
          <CurrentPage page={page !== 'audit' || can(session.user.role, 'read-audit') ? page : 'home'} />
        </main>
      </div>
    </>
  );
}

function CurrentPage({ page }: { page: Page }): ReactNode {
  switch (page) {
    case 'cases':
      return <Cases />;
    case 'case':
      return <CaseView />;
    case 'new-referral':
      return <NewReferral />;
    case 'calendar':
      return <Calendar />;
    case 'figures':
      return <Figures />;
    case 'policies':
      return <Policies />;
    case 'complaints':
      return <Complaints />;
    case 'health-check':
      return <HealthCheck />;
    case 'settings':
    case 'settings-people':
    case 'settings-staff':
    case 'settings-venues':
    case 'settings-backups':
    case 'settings-team':
    case 'settings-account':
      return <Settings />;
    case 'changes-to-resolve':
      return <ChangesToResolve />;
    case 'team-caseload':
      return <TeamCaseload />;
    case 'find-person':
      return <FindPerson />;
    case 'subject-access':
      return <SubjectAccess />;
    case 'retention':
      return <Retention />;
    case 'audit':
      return <AuditTrail />;
    case 'quality':
      return <Quality />;
    case 'case-file-audit':
      return <CaseFileAudit />;
    case 'evidence-pack':
      return <EvidencePack />;
    case 'staff-record':
      return <StaffRecordPage />;
    case 'my-record':
      return <MyRecord />;
    default:
      return <Home />;
  }
}
