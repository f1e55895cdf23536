import { useEffect, useState, type ReactNode } from 'react';
import { EXITS, STAGES, type CaseSummary, type Stage } from '../../../src-main/domain/cases/case';
import { daysBetween } from '../../../src-main/domain/time/dates';
import { can } from '../../../src-main/domain/access/capabilities';
import type { OutputOf } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../shared/api/client';
import { useCases, EMPTY_FILTERS, type CaseFilters } from '../cases/cases-state';
import { useCasework } from '../cases/casework-state';
import { useNav } from '../app/nav';
import { useSession } from '../app/session';
import { STAGE_LABELS } from '../shared/lib/labels';
import { formatDate } from '../shared/lib/dates';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { CaseSummaryTable } from '../cases/CaseSummaryTable';
import { ComplianceDue } from './ComplianceDue';
import { QualityDeadlines } from './QualityDeadlines';
import { SubjectAccessDue } from '../data-protection/subject-access/SubjectAccessDue';
import { MyWork } from '../daily-work/MyWork';
import { SetUpChecklist } from '../daily-work/SetUpChecklist';
import '../shared/components/casework.scss';
import { CompactTable } from '../shared/components/CompactTable';

type Dashboard = OutputOf<'getDashboard'>;

/** Rows shown in each dashboard panel before "see all". */
const PANEL_ROWS = 8;

/**
 * Home: what needs doing. Overdue deadlines and overdue agreement actions first, then those
 * due soon, the person's own cases and what changed recently, then open cases by stage.
 */
export function Home() {
  const h1 = usePageTitle('Home');
  const session = useSession((s) => s.session);
  const { reference, load } = useCasework();
  const go = useNav((s) => s.go);
  const openCase = useNav((s) => s.openCase);
  const [dash, setDash] = useState<Dashboard>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void load();
    let live = true;
    call('getDashboard')
      .then((d) => live && setDash(d))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [load]);

  /** Open the case list already filtered to what the panel showed. */
  const seeAll = (f: Partial<CaseFilters>) => {
    useCases.setState({ filters: { ...EMPTY_FILTERS, ...f } });
    go('cases');
  };
  const today = reference?.today ?? new Date().toISOString().slice(0, 10);
  const canTakeReferrals = !!session && !session.readOnly && can(session.user.role, 'take-referrals');
  const total = dash ? STAGES.reduce((a, s) => a + dash.byStage[s], 0) + EXITS.reduce((a, e) => a + dash.exited[e], 0) : 0;

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Home
      </h1>
      <p className="govuk-body-l">Welcome, {session?.user.name}.</p>
      {canTakeReferrals && (
        <div className="cb-actions">
          <button type="button" className="govuk-button" onClick={() => go('new-referral')}>
            New referral
          </button>
          <button type="button" className="cb-link-button" onClick={() => go('cases')}>
            See all cases
          </button>
        </div>
      )}
      {/* First run: what to set up before the first referral; after that, the day's work. */}
      {dash && total === 0 && (
        <div data-testid="no-cases">
          <SetUpChecklist />
        </div>
      )}
      {dash && total > 0 && <MyWork />}
      <QualityDeadlines />
      <SubjectAccessDue />
      {error && <p className="govuk-error-message">{error}</p>}
      {!dash && !error && (
        <p className="govuk-body" role="status">
          Loading cases…
        </p>
      )}

      {dash && total > 0 && (
        <>
          <div className="cb-dash">
            <Panel
              id="overdue"
              title="Overdue"
              rows={dash.overdue}
              empty="Nothing is overdue."
              show="due"
              today={today}
              onOpen={openCase}
              onSeeAll={() => seeAll({ overdue: true })}
              seeAllLabel={`See all ${dash.counts.overdue} overdue cases`}
              count={dash.counts.overdue}
            />
            <OverdueActions overdue={dash.overdueActions} today={today} onOpen={openCase} />
            <Panel id="due-soon" title="Due soon" rows={dash.dueSoon} count={dash.counts.dueSoon} empty="Nothing is due in the next few working days." show="due" today={today} onOpen={openCase} />
            <Panel
              id="my-cases"
              title="My cases"
              rows={dash.myCases}
              count={dash.counts.myCases}
              empty="You are not the lead or co-facilitator on any open case."
              show="due"
              today={today}
              onOpen={openCase}
            />
            <Panel id="recent" title="Recently changed" rows={dash.recentlyChanged} empty="No changes yet." show="changed" today={today} onOpen={openCase} />
          </div>
          <h2 className="govuk-heading-m">Cases by stage</h2>
          <StageCounts dash={dash} total={total} onStage={(stage) => seeAll({ stage })} />
        </>
      )}
      <ComplianceDue />
      {!canTakeReferrals && (
        <p className="govuk-body">
          <button type="button" className="cb-link-button" onClick={() => go('cases')}>
            See all cases
          </button>
        </p>
      )}
    </>
  );
}

function Panel({
  id,
  title,
  rows,
  empty,
  show,
  today,
  onOpen,
  onSeeAll,
  seeAllLabel,
  count,
}: {
  id: string;
  title: string;
  rows: CaseSummary[];
  empty: string;
  show: 'due' | 'changed';
  today: string;
  onOpen(id: string): void;
  onSeeAll?: () => void;
  seeAllLabel?: string;
  /** The full number, when the main process sent only the first rows. */
  count?: number;
}) {
  const total = count ?? rows.length;
  const more = total > PANEL_ROWS;
  return (
    <PanelFrame id={id} title={title} total={total}>
      {rows.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <CaseSummaryTable caption={title} rows={rows.slice(0, PANEL_ROWS)} show={show} today={today} onOpen={onOpen} />
      )}
      {more && onSeeAll && (
        <p className="govuk-body">
          <button type="button" className="cb-link-button" onClick={onSeeAll}>
            {seeAllLabel}
          </button>
        </p>
      )}
      {more && !onSeeAll && <p className="govuk-body govuk-hint">And {rows.length - PANEL_ROWS} more.</p>}
    </PanelFrame>
  );
}

/** A dashboard panel: a heading with how many, then its list. */
function PanelFrame({ id, title, total, children }: { id: string; title: string; total: number; children: ReactNode }) {
  return (
    <section className="cb-dash__panel" aria-labelledby={`${id}-title`} data-testid={`dash-${id}`}>
      <h2 className="govuk-heading-m" id={`${id}-title`}>
        {title} <span className="govuk-caption-m govuk-!-display-inline">({total})</span>
      </h2>
      {children}
    </section>
  );
}

/**
 * Cases whose signed outcome agreement has actions past their due date: someone should ask
 * how it is going, and record it as done, not done or still in progress.
 */
function OverdueActions({ overdue, today, onOpen }: { overdue: Dashboard['overdueActions']; today: string; onOpen(id: string): void }) {
  const title = 'Agreement actions overdue';
  const rows = overdue.rows.slice(0, PANEL_ROWS);
  return (
    <PanelFrame id="overdue-actions" title={title} total={overdue.count}>
      {rows.length === 0 ? (
        <p className="govuk-body">No agreement actions are overdue.</p>
      ) : (
        <CompactTable
          caption={title}
          rows={rows}
          rowKey={(r) => r.caseId}
          columns={[
            {
              header: 'Reference',
              cell: (r) => (
                <button type="button" className="cb-link-button cb-nowrap" onClick={() => onOpen(r.caseId)}>
                  {r.reference}
                </button>
              ),
            },
            { header: 'Lead facilitator', cell: (r) => r.leadFacilitator ?? 'Not assigned' },
            { header: 'Actions overdue', kind: 'numeric', cell: (r) => r.overdue },
            {
              header: 'Earliest due',
              cell: (r) => (
                <>
                  <span className="cb-nowrap">{formatDate(r.earliestDue)}</span> <span className="govuk-hint cb-nowrap govuk-!-display-inline">({overdueFor(r.earliestDue, today)})</span>
                </>
              ),
            },
          ]}
        />
      )}
      {overdue.count > rows.length && (
        <p className="govuk-body govuk-hint">
          And {overdue.count - rows.length} more {overdue.count - rows.length === 1 ? 'case' : 'cases'}.
        </p>
      )}
    </PanelFrame>
  );
}

/** "3 days overdue", in calendar days: how long a participant has been waiting. */
function overdueFor(due: string, today: string): string {
  const days = daysBetween(due, today);
  return `${days} ${days === 1 ? 'day' : 'days'} overdue`;
}

/** Each stage's tile opens the case list filtered to that stage. */
function StageCounts({ dash, total, onStage }: { dash: Dashboard; total: number; onStage(stage: Stage): void }) {
  const exited = EXITS.reduce((a, e) => a + dash.exited[e], 0);
  return (
    <>
      <p className="govuk-body">
        {total} {total === 1 ? 'case' : 'cases'} in total, {dash.open} open.
      </p>
      <p className="govuk-hint" id="stage-tiles-hint">
        Choose a stage to see its cases.
      </p>
      <ul className="cb-stats" data-testid="stage-counts">
        {STAGES.map((s) => (
          <li className="cb-stats__item" key={s}>
            <button type="button" className="cb-stats__link" aria-describedby="stage-tiles-hint" onClick={() => onStage(s)}>
              <span className="cb-stats__count">{dash.byStage[s]}</span>
              <span className="cb-stats__label">{STAGE_LABELS[s]}</span>
            </button>
          </li>
        ))}
        <li className="cb-stats__item">
          <span className="cb-stats__count">{exited}</span>
          <span className="cb-stats__label">Ended early</span>
        </li>
      </ul>
      <p className="govuk-hint">
        Stages count cases still in progress, and closed cases. &ldquo;Ended early&rdquo; counts cases withdrawn, declined, not suitable or
        with no contact.
      </p>
    </>
  );
}
