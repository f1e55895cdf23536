import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../../src-main/domain/access/capabilities';
import { RATING_LABELS, type HealthCheck as HealthCheckView, type Rating } from '../../../../src-main/domain/quality/health-check';
import type { PolicyRow } from '../../../../src-main/domain/quality/policies';
import { useSession } from '../../app/session';
import { call, messageOf } from '../../shared/api/client';
import { BackLink } from '../../shared/components/BackLink';
import { Banner } from '../../shared/components/Banner';
import { Tag, type TagColour } from '../../shared/components/Tag';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { formatDate } from '../../shared/lib/dates';
import { EvidenceFiles } from './EvidenceFiles';
import { IndicatorForm } from './IndicatorForm';
import { ProgressTable } from './ProgressTable';
import '../records.scss';
import './health-check.scss';

const RATING_COLOURS: Record<Rating, TagColour> = { met: 'green', partly: 'yellow', 'not-yet': 'red' };

export function RatingTag({ rating }: { rating: Rating | undefined }) {
  return rating ? <Tag colour={RATING_COLOURS[rating]}>{RATING_LABELS[rating]}</Tag> : <Tag colour="grey">Not answered</Tag>;
}

/**
 * The health check (RJC self-assessment): choose the framework, see progress per standard at a
 * glance, and open an indicator to rate it, write its narrative, link its policies and attach
 * files as its evidence, with the
 * gaps the casebook shows beside the form. Coordinators read it; quality leads and
 * administrators answer it.
 */
export function HealthCheck() {
  const h1 = usePageTitle('Health check');
  const session = useSession((s) => s.session);
  const canAnswer = !!session && !session.readOnly && can(session.user.role, 'manage-health-check');
  const [view, setView] = useState<HealthCheckView>();
  const [policies, setPolicies] = useState<PolicyRow[]>([]);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [filed, setFiled] = useState<string>();

  const load = useCallback(async (framework?: string) => {
    try {
      setView(await call('getHealthCheck', framework ? { framework } : {}));
      setError(undefined);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void load();
    void call('listPolicies', {}).then((l) => setPolicies(l.policies), () => setPolicies([]));
  }, [load]);

  const indicator = view?.indicators.find((i) => i.number === open);
  const answerOf = (n: string) => view?.answers.find((a) => a.indicator === n);
  const gapsOf = (n: string) => view?.gaps.filter((g) => g.indicator === n) ?? [];

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Health check
      </h1>
      {error && <p className="govuk-error-message">{error}</p>}
      {!view && !error && (
        <p className="govuk-body" role="status">
          Loading the health check…
        </p>
      )}
      {view && indicator ? (
        <section aria-labelledby="hc-indicator-title">
          <BackLink onClick={() => setOpen(undefined)}>Back to the indicators</BackLink>
          <span className="govuk-caption-m">{view.title}</span>
          <h2 className="govuk-heading-m" id="hc-indicator-title">
            {indicator.number} {indicator.title}
            {indicator.safeguarding ? ' (safeguarding)' : ''}
          </h2>
          <Gaps gaps={gapsOf(indicator.number).map((g) => g.text)} />
          {canAnswer ? (
            <IndicatorForm
              framework={view.framework}
              indicator={indicator.number}
              answer={answerOf(indicator.number)}
              policies={policies}
              onCancel={() => setOpen(undefined)}
              onSaved={() => {
                setSaved(`${indicator.number} is saved. The evidence pack prints what is saved here.`);
                setOpen(undefined);
                void load(view.framework);
              }}
            />
          ) : (
            <ReadOnlyAnswer rating={answerOf(indicator.number)?.rating} narrative={answerOf(indicator.number)?.narrative} />
          )}
          {filed && (
            <Banner title="Success" success>
              <p className="govuk-notification-banner__heading">{filed}</p>
            </Banner>
          )}
          <EvidenceFiles
            key={indicator.number}
            framework={view.framework}
            indicator={indicator.number}
            files={view.evidence.filter((e) => e.indicator === indicator.number)}
            canChange={canAnswer}
            onChanged={(message) => {
              setFiled(message);
              void load(view.framework);
            }}
          />
        </section>
      ) : (
        view && (
          <>
            {saved && (
              <Banner title="Success" success>
                <p className="govuk-notification-banner__heading">{saved}</p>
              </Banner>
            )}
            <p className="govuk-body">Rate each indicator, write its narrative, link the policies that evidence it and attach files such as minutes or audits. Each indicator is saved on its own, so you can come back to any of them at any time.</p>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="hc-framework">
                Framework
              </label>
              <select id="hc-framework" className="govuk-select" value={view.framework} onChange={(e) => (setSaved(undefined), void load(e.target.value))}>
                {view.frameworks.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.title}
                  </option>
                ))}
              </select>
            </div>
            <ProgressTable progress={view.progress} />
            <table className="govuk-table cb-records-table" data-testid="health-check-indicators">
              <caption className="govuk-table__caption govuk-table__caption--m">Indicators</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Indicator</th>
                  <th scope="col" className="govuk-table__header">Rating</th>
                  <th scope="col" className="govuk-table__header">Gaps the app sees</th>
                  <th scope="col" className="govuk-table__header">Last saved</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {view.indicators.map((i) => {
                  const a = answerOf(i.number);
                  return (
                    <tr className="govuk-table__row" key={i.number}>
                      <td className="govuk-table__cell">
                        <button type="button" className="cb-link-button" onClick={() => (setSaved(undefined), setFiled(undefined), setOpen(i.number))}>
                          {i.number} {i.title}
                        </button>
                      </td>
                      <td className="govuk-table__cell">
                        <RatingTag rating={a?.rating} />
                      </td>
                      <td className="govuk-table__cell">{gapsOf(i.number).length || 'None'}</td>
                      <td className="govuk-table__cell">{a ? `${formatDate(a.updatedOn)} by ${a.updatedByName}` : 'Not yet'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )
      )}
    </>
  );
}

function Gaps({ gaps }: { gaps: string[] }) {
  return (
    <div className="govuk-inset-text" data-testid="health-check-gaps">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">What the casebook shows</h3>
      {gaps.length === 0 ? (
        <p className="govuk-body govuk-!-margin-bottom-0">No gaps the app can see for this indicator. It checks case supervision and the other RJC codes, policy reviews, and the case-file audit where the indicator cites them.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
          {gaps.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReadOnlyAnswer({ rating, narrative }: { rating: Rating | undefined; narrative: string | undefined }) {
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Rating</dt>
        <dd className="govuk-summary-list__value">
          <RatingTag rating={rating} />
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Narrative</dt>
        <dd className="govuk-summary-list__value cb-health-check__narrative">{narrative ?? 'Not written yet'}</dd>
      </div>
    </dl>
  );
}
