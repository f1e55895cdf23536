import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../src-main/domain/access/capabilities';
import type { FacilitatorLoad, TeamCaseload as Caseload } from '../../../src-main/domain/daily-work/team-caseload';
import { PRACTITIONER_LEVEL_LABELS } from '../../../src-main/domain/staff/staff';
import { call, messageOf } from '../shared/api/client';
import { useSession } from '../app/session';
import { useNav } from '../app/nav';
import { useCases, EMPTY_FILTERS } from '../cases/cases-state';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { Banner } from '../shared/components/Banner';
import { Tag } from '../shared/components/Tag';
import { CompactTable } from '../shared/components/CompactTable';
import { ReassignPanel } from './ReassignPanel';
import '../shared/components/casework.scss';
import './daily-work.scss';

/**
 * The team caseload (issue 14), for coordinators and administrators: per facilitator, the open
 * cases they lead and co-facilitate, how many are sensitive and how many overdue; and, from
 * each row, reassigning their cases (for example when someone leaves).
 */
export function TeamCaseload() {
  const h1 = usePageTitle('Team caseload');
  const session = useSession((s) => s.session);
  const go = useNav((s) => s.go);
  const [load, setLoad] = useState<Caseload>();
  const [error, setError] = useState<string>();
  const [from, setFrom] = useState<FacilitatorLoad>();
  const [done, setDone] = useState<string>();
  const canReassign = !!session && !session.readOnly && can(session.user.role, 'reassign-cases');

  const refresh = useCallback(async () => {
    try {
      setLoad(await call('getTeamCaseload'));
      setError(undefined);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** The case list, filtered to this person's cases (open ones). */
  const seeCases = (f: FacilitatorLoad) => {
    useCases.setState({ filters: { ...EMPTY_FILTERS, facilitator: f.staffId, status: 'open' } });
    go('cases');
  };

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Team caseload
      </h1>
      {done && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{done}</p>
        </Banner>
      )}
      {error && <p className="govuk-error-message">{error}</p>}
      {!load && !error && (
        <p className="govuk-body" role="status">
          Counting cases…
        </p>
      )}
      {load && (
        <>
          <p className="govuk-body">
            Open cases for each facilitator. Sensitive and overdue count the cases they lead or co-facilitate.
            {load.unassigned.open > 0 && (
              <>
                {' '}
                <strong>
                  {load.unassigned.open} open {load.unassigned.open === 1 ? 'case has' : 'cases have'} no lead facilitator
                </strong>{' '}
                ({load.unassigned.sensitive} sensitive, {load.unassigned.overdue} overdue).
              </>
            )}
          </p>
          <CompactTable
            caption="Open cases per facilitator"
            className="cb-caseload"
            testId="team-caseload"
            rowKey={(f) => f.staffId}
            rowTestId={(f) => `caseload-${f.staffId}`}
            rows={load.facilitators}
            columns={[
              {
                header: 'Facilitator',
                rowHeader: true,
                kind: 'nowrap',
                cell: (f) => (
                  <>
                    {f.name}
                    {f.level && <span className="cb-caselist__muted govuk-!-font-weight-regular">, {PRACTITIONER_LEVEL_LABELS[f.level]}</span>}
                    {!f.active && (
                      <Tag colour="grey" className="cb-tag">
                        Left
                      </Tag>
                    )}
                  </>
                ),
              },
              { header: 'Leading', kind: 'numeric', cell: (f) => f.leading },
              { header: 'Co-facilitating', kind: 'numeric', cell: (f) => f.supporting },
              { header: 'Sensitive', kind: 'numeric', cell: (f) => f.sensitive },
              { header: 'Overdue', kind: 'numeric', cell: (f) => (f.overdue > 0 ? <strong>{f.overdue}</strong> : 0) },
              {
                header: <span className="govuk-visually-hidden">Actions</span>,
                kind: 'nowrap',
                cell: (f) => (
                  <>
                    <button type="button" className="cb-link-button" onClick={() => seeCases(f)}>
                      See cases<span className="govuk-visually-hidden"> of {f.name}</span>
                    </button>
                    {canReassign && f.leading + f.supporting > 0 && (
                      <>
                        {' · '}
                        <button
                          type="button"
                          className="cb-link-button"
                          aria-expanded={from?.staffId === f.staffId}
                          onClick={() => {
                            setDone(undefined);
                            setFrom(from?.staffId === f.staffId ? undefined : f);
                          }}
                        >
                          Reassign<span className="govuk-visually-hidden"> the cases of {f.name}</span>
                        </button>
                      </>
                    )}
                  </>
                ),
              },
            ]}
          />
          {from && (
            <ReassignPanel
              key={from.staffId}
              from={from}
              onCancel={() => setFrom(undefined)}
              onDone={(message) => {
                setFrom(undefined);
                setDone(message);
                void refresh();
                window.scrollTo(0, 0);
              }}
            />
          )}
        </>
      )}
    </>
  );
}
