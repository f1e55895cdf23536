import { useEffect, useRef, type ReactNode } from 'react';
import { displayName } from '../../../src-main/domain/cases/case';
import { PROCESS_KIND_LABELS } from '../../../src-main/domain/conferences/process-type';
import type { CaseView as View } from '../../../src-main/domain/cases/case-view';
import { can } from '../../../src-main/domain/access/capabilities';
import { staffOf } from '../../../src-main/domain/staff/people';
import type { StaffMember } from '../../../src-main/domain/staff/staff';
import type { User } from '../../../src-main/domain/casebook/user';
import { useNav } from '../app/nav';
import { useSession } from '../app/session';
import { useCasework } from './casework-state';
import { CASE_TABS, useCaseView, type CaseTab } from './case-view-state';
import { EXIT_LABELS, STAGE_LABELS } from '../shared/lib/labels';
import { formatDate } from '../shared/lib/dates';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { BackLink } from '../shared/components/BackLink';
import { Banner } from '../shared/components/Banner';
import { Tag } from '../shared/components/Tag';
import { CJS_STAGE_LABELS, PRIORITY_LABELS } from './labels';
import { useRoleLabels, Row, type CaseContext } from './shared';
// Before the sections' own styles, which build on these (and on GOV.UK's details and textarea).
import './case-sections.scss';
import { WorkflowPanel } from './Workflow';
import { Overview } from './Overview';
import { People } from './People';
import { Contacts } from '../contacts/Contacts';
import { Consent } from '../consent/Consent';
import { Risk } from '../risk/Risk';
import { Deadlines } from './Deadlines';
import { Documents } from '../documents/Documents';
import { Process } from '../conferences/Process';
import { Agreement } from '../outcomes/Agreement';
import { Feedback } from '../outcomes/Feedback';
import { AccessHistory } from '../data-protection/AccessHistory';
import './case-page.scss';
import './sub-nav.scss';

const TAB_LABELS: Record<CaseTab, string> = {
  overview: 'Overview',
  people: 'People',
  contacts: 'Contacts',
  consent: 'Consent',
  risk: 'Risk',
  process: 'Meetings and process',
  agreement: 'Agreement',
  feedback: 'Feedback',
  deadlines: 'Deadlines',
  documents: 'Documents',
  access: 'Access history',
};

/**
 * Shorter words on the tab itself, so the eleven tabs keep to one row in a laptop's window;
 * the button's name is still the whole one (it begins with the words shown).
 */
const TAB_SHORT: Partial<Record<CaseTab, string>> = { process: 'Meetings', access: 'Access' };

/**
 * One case, in the MOJ "case page" style: the reference, stage and flags, the referral at a
 * glance, the next step in the workflow, then sections chosen with a sub-navigation. Every
 * change is a command sent with the revision on screen, so nobody overwrites anyone else.
 */
export function CaseView() {
  const caseId = useNav((s) => s.caseId);
  const go = useNav((s) => s.go);
  const view = useCaseView((s) => s.view);
  const error = useCaseView((s) => s.error);
  const open = useCaseView((s) => s.open);
  const reference = useCasework((s) => s.reference);
  const referenceError = useCasework((s) => s.error);
  const loadReference = useCasework((s) => s.load);
  const h1 = usePageTitle(view ? `Case ${view.case.reference}` : 'Case');

  useEffect(() => {
    // Read afresh with each case opened: the staff list, venues and "today" move on while the
    // app stays open (a colleague adds a venue; midnight passes), and forms check against them.
    void loadReference(true);
    if (caseId) void open(caseId);
  }, [caseId, open, loadReference]);

  const shown = view && view.case.id === caseId ? view : undefined;
  return (
    <>
      <BackLink onClick={() => go('cases')}>Back to cases</BackLink>
      {/* The reference and the case's flags stay in view while the person works down a section. */}
      <div className="cb-case-head" data-testid="case-head">
        <h1 className="govuk-heading-l cb-case-head__title" ref={h1} tabIndex={-1}>
          {shown ? `Case ${shown.case.reference}` : 'Case'}
        </h1>
        {shown && reference && <CaseTags c={shown.case} />}
      </div>
      {(error || referenceError) && (
        <p className="govuk-error-message" role="alert">
          {error ?? referenceError}
        </p>
      )}
      {(!shown || !reference) && !error && !referenceError && (
        <p className="govuk-body" role="status">
          Opening the case…
        </p>
      )}
      {shown && reference && <CasePage view={shown} />}
    </>
  );
}

/** The signed-in person's staff record (one list of people: every login is linked to one). */
function meOf(user: Pick<User, 'staffId'> | undefined, staff: readonly StaffMember[]): { me?: StaffMember } {
  const me = user ? staffOf(user, staff) : undefined;
  return me ? { me } : {};
}

function CasePage({ view }: { view: View }) {
  const session = useSession((s) => s.session);
  const reference = useCasework((s) => s.reference)!;
  const labels = useRoleLabels();
  const c = view.case;
  const ended = c.stage === 'closed' || c.exit !== undefined;
  const canWork = !!session && !session.readOnly && can(session.user.role, 'change-cases');
  const ctx: CaseContext = {
    view,
    c,
    reference,
    labels,
    canWork,
    canEdit: canWork && !ended,
    canAssignTeam: canWork && can(session?.user.role, 'assign-team'),
    canClose: canWork && can(session?.user.role, 'close-cases'),
    canRecordOnBehalf: canWork && can(session?.user.role, 'record-on-behalf'),
    ...meOf(session?.user, reference.staff),
  };
  return (
    <>
      <CaseSummary ctx={ctx} />
      <WorkflowPanel ctx={ctx} />
      <SubNavigation />
      <TabPanel ctx={ctx} />
    </>
  );
}

function CaseTags({ c }: { c: View['case'] }) {
  return (
    <p className="cb-tags cb-tags--header" data-testid="case-tags">
      {c.exit ? (
        <Tag colour="grey">Ended: {EXIT_LABELS[c.exit.kind]}</Tag>
      ) : (
        <Tag colour={c.stage === 'closed' ? 'grey' : 'blue'}>{c.stage === 'closed' ? 'Closed' : `Stage: ${STAGE_LABELS[c.stage]}`}</Tag>
      )}
      {c.referral.sensitive.length > 0 && <Tag colour="red">Sensitive: {c.referral.sensitive.join(', ')}</Tag>}
      {c.referral.priority !== 'routine' && <Tag colour="orange">{PRIORITY_LABELS[c.referral.priority]} priority</Tag>}
      {c.processKind && <Tag colour="turquoise">{PROCESS_KIND_LABELS[c.processKind]}</Tag>}
    </p>
  );
}

/** The referral at a glance, on every section of the case. */
function CaseSummary({ ctx }: { ctx: CaseContext }) {
  const { c } = ctx;
  const r = c.referral;
  const referredBy = [r.source, r.referrerName, r.referrerOrganisation].filter(Boolean).join(', ');
  const lead = ctx.reference.staff.find((s) => s.id === c.leadFacilitatorId)?.name ?? c.leadFacilitator;
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border cb-case-summary" data-testid="case-summary">
      <Row label="Referral received">{formatDate(r.receivedOn)}</Row>
      <Row label="Referred by">{referredBy}</Row>
      <Row label="Offence">
        {r.offenceCategory}
        {r.offenceDate ? `, ${formatDate(r.offenceDate)}` : ''}
      </Row>
      <Row label="Criminal justice stage">{CJS_STAGE_LABELS[r.cjsStage]}</Row>
      <Row label="People">{c.participants.map((p) => displayName(p.person)).join(', ')}</Row>
      <Row label="Lead facilitator">{lead ?? 'Not assigned'}</Row>
    </dl>
  );
}

/** MOJ sub-navigation: buttons, because sections change inside the page, with aria-current. */
function SubNavigation() {
  const tab = useCaseView((s) => s.tab);
  const setTab = useCaseView((s) => s.setTab);
  // The access history comes from the audit trail: only those who may read it see the section.
  const seesAccess = can(useSession((s) => s.session?.user.role), 'read-case-access');
  return (
    <nav className="cb-sub-nav" aria-label="Case sections">
      <ul className="cb-sub-nav__list">
        {CASE_TABS.filter((t) => t !== 'access' || seesAccess).map((t) => (
          <li className="cb-sub-nav__item" key={t}>
            {/* data-label reserves the bold width, so choosing a tab never moves the others. */}
            <button
              type="button"
              className="cb-sub-nav__link"
              data-label={TAB_SHORT[t] ?? TAB_LABELS[t]}
              aria-label={TAB_SHORT[t] ? TAB_LABELS[t] : undefined}
              aria-current={tab === t ? 'page' : undefined}
              onClick={() => setTab(t)}
            >
              {TAB_SHORT[t] ?? TAB_LABELS[t]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TabPanel({ ctx }: { ctx: CaseContext }) {
  const tab = useCaseView((s) => s.tab);
  let content: ReactNode;
  switch (tab) {
    case 'people':
      content = <People ctx={ctx} />;
      break;
    case 'contacts':
      content = <Contacts ctx={ctx} />;
      break;
    case 'consent':
      content = <Consent ctx={ctx} />;
      break;
    case 'risk':
      content = <Risk ctx={ctx} />;
      break;
    case 'process':
      content = <Process ctx={ctx} />;
      break;
    case 'agreement':
      content = <Agreement ctx={ctx} />;
      break;
    case 'feedback':
      content = <Feedback ctx={ctx} />;
      break;
    case 'deadlines':
      content = <Deadlines ctx={ctx} />;
      break;
    case 'documents':
      content = <Documents ctx={ctx} />;
      break;
    case 'access':
      content = <AccessHistory caseId={ctx.c.id} />;
      break;
    default:
      content = <Overview ctx={ctx} />;
  }
  return (
    <div className="cb-tab-panel" data-testid={`tab-${tab}`}>
      <Notice />
      {content}
    </div>
  );
}

/** "Contact recorded": a success banner that takes focus, because the form that was open has gone. */
function Notice() {
  const notice = useCaseView((s) => s.notice);
  const key = useCaseView((s) => s.noticeKey);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice, key]);
  if (!notice) return null;
  return (
    <div ref={ref} tabIndex={-1} className="cb-notice" data-testid="case-notice">
      <Banner title="Success" success messageKey={key}>
        <p className="govuk-notification-banner__heading">{notice}</p>
      </Banner>
    </div>
  );
}
