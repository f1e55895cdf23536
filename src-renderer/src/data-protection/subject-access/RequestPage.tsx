import { useState } from 'react';
import { useSession } from '../../app/session';
import { BackLink } from '../../shared/components/BackLink';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { formatDate } from '../../shared/lib/dates';
import { PageNotices, useLoaded } from './loaded';
import { SubjectAccessBundle } from '../SubjectAccessBundle';
import { RequestCases } from './RequestCases';
import { RequestSteps } from './RequestSteps';
import { dueWords, SubjectAccessTag } from './SubjectAccessTag';

/** One request: who it is about, when it is due and why, the steps taken and the cases it covers. */
export function RequestPage({ id, number, onBack }: { id: string; number: string; onBack(): void }) {
  const h1 = usePageTitle(`Subject access request ${number}`);
  const readOnly = useSession((s) => s.session?.readOnly ?? true);
  const { value: view, error, reload } = useLoaded('getSubjectAccessRequest', { id }, id);
  const [done, setDone] = useState<string>();
  const [bundle, setBundle] = useState(false);
  const saved = (what: string) => {
    setDone(what);
    void reload();
  };
  const r = view?.request;

  return (
    <>
      <BackLink onClick={onBack}>Back to the register</BackLink>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Subject access request <span className="cb-nowrap">{number}</span>
      </h1>
      <PageNotices done={done} error={error} />
      {!view && !error && (
        <p className="govuk-body" role="status">
          Loading the request…
        </p>
      )}
      {r && view && (
        <>
          <dl className="govuk-summary-list" data-testid="sar-summary">
            <Row label="About">{r.name}{r.dateOfBirth ? `, born ${formatDate(r.dateOfBirth)}` : ''}</Row>
            {r.requester && <Row label="Made by">{r.requester}</Row>}
            <Row label="Received">{formatDate(r.receivedOn)}</Row>
            <Row label="Due">
              {dueWords(r)}
              {r.dueExplained && <p className="govuk-hint govuk-!-margin-bottom-0">{r.dueExplained}</p>}
            </Row>
            <Row label="Status">
              <SubjectAccessTag r={r} />
            </Row>
            {r.extension && <Row label="Extension">{`${r.extension.months} ${r.extension.months === 1 ? 'month' : 'months'}, decided ${formatDate(r.extension.decidedOn)}: ${r.extension.reason}`}</Row>}
          </dl>
          {!readOnly && <RequestSteps key={JSON.stringify(r)} r={r} onSaved={() => saved('The steps are saved')} />}
          {!readOnly && <RequestCases key={`cases-${(r.caseIds ?? []).join()}`} view={view} onSaved={(x) => saved(`The request covers ${x.cases.length} ${x.cases.length === 1 ? 'case' : 'cases'}`)} />}
          {/* The bundle is drafted only when asked for: it reads every case ticked and is recorded when saved. */}
          {(r.caseIds?.length ?? 0) > 0 &&
            (bundle ? (
              <SubjectAccessBundle key={(r.caseIds ?? []).join()} requestId={r.id} />
            ) : (
              <button type="button" className="govuk-button" onClick={() => setBundle(true)}>
                Prepare the bundle
              </button>
            ))}
        </>
      )}
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
