import { useEffect, useState } from 'react';
import type { FiguresWithBreakdowns as FiguresData } from '../../../src-main/domain/figures/commissioner';
import { casesByExitChart, casesByStageChart, closuresByOutcomeChart, deadlinesChart, funnelChart, monthByMonthCharts, outcomesByProcessChart, referralsBySourceChart, satisfactionByRoleChart, satisfactionChart, timelinessCharts, type FiguresChart } from '../../../src-main/domain/figures/charts';
import type { Period } from '../../../src-main/domain/figures/figures';
import { call, messageOf } from '../shared/api/client';
import { Banner } from '../shared/components/Banner';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { useCasework } from '../cases/casework-state';
import { useProcess } from '../conferences/process-state';
import { spanTitle } from '../conferences/calendar/range';
import { Chart } from './charts/Chart';
import { Headlines } from './Headlines';
import { HowCounted } from './HowCounted';
import { PeriodPicker } from './PeriodPicker';
import { quickPeriod } from './periods';
import { SaveReport } from './SaveReport';
import { Comparison, MonthByMonth } from './breakdowns/Trends';
import { Funnel, Timeliness } from './breakdowns/Funnel';
import { EqualityMonitoring, FacilitatorActivity, OffenceCategories, OutcomesByProcess, SatisfactionByRole } from './breakdowns/Breakdowns';
import '../shared/components/casework.scss';
import './figures.scss';

/**
 * Figures for any period, for the commissioner's report and the quality mark: headline
 * numbers, charts that are tables underneath, how each figure is counted, and a CSV of the
 * same numbers. Computed by the main process from the case list (figures.ts).
 */
export function Figures() {
  const h1 = usePageTitle('Figures');
  const { reference, error: referenceError, load } = useCasework();
  const { period, figures, figuresError, loadFigures } = useProcess();
  const today = reference?.today;
  // Arriving for the first time: this financial year, the period most reports are for.
  const shown = period ?? (today ? quickPeriod('this-financial-year', today) : undefined);
  // While the period typed is not valid, the last period's figures are not shown under it:
  // someone could copy the wrong period's numbers into a report.
  const [invalid, setInvalid] = useState(false);
  const showPeriod = (p: Period) => {
    setInvalid(false);
    void loadFigures(p);
  };

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (today && !useProcess.getState().period) void loadFigures(quickPeriod('this-financial-year', today));
  }, [today, loadFigures]);

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Figures
      </h1>
      <p className="govuk-body">Numbers for a period, for reports to your commissioner and for the quality mark. Nothing here names anyone.</p>
      {referenceError && <p className="govuk-error-message">{referenceError}</p>}
      {today && shown && <PeriodPicker period={shown} today={today} onPeriod={showPeriod} onInvalid={() => setInvalid(true)} />}
      {figuresError && (
        <p className="govuk-error-message" role="alert">
          {figuresError}
        </p>
      )}
      {invalid ? (
        <p className="govuk-body" data-testid="figures-hidden">
          Correct the period to see its figures.
        </p>
      ) : (
        <>
          <div role="status" className="govuk-visually-hidden">
            {figures ? `Figures for ${spanTitle(figures.period.from, figures.period.to)}` : period && !figuresError ? 'Loading figures…' : ''}
          </div>
          {figures && today && <FiguresReport figures={figures} today={today} />}
        </>
      )}
    </>
  );
}

function FiguresReport({ figures: f, today }: { figures: FiguresData; today: string }) {
  const title = spanTitle(f.period.from, f.period.to);
  return (
    <section aria-labelledby="figures-title" data-testid="figures">
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="figures-title">
        Figures for {title}
      </h2>
      {f.period.to > today && <p className="govuk-hint">The period runs past today, so its later days have nothing in them yet.</p>}
      <SaveReport from={f.period.from} to={f.period.to} />
      <DownloadCsv from={f.period.from} to={f.period.to} />
      <Headlines figures={f} />
      <HowCounted />
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Trends and comparisons</h2>
      <Comparison figures={f.commissioner} />
      <MonthByMonth figures={f.commissioner} />
      <Charts charts={monthByMonthCharts(f.commissioner)} />
      <h2 className="govuk-heading-m govuk-!-margin-top-6">From offer to completion</h2>
      <Funnel figures={f.commissioner} />
      <Charts charts={[funnelChart(f.commissioner)]} />
      <Timeliness figures={f.commissioner} />
      <Charts charts={timelinessCharts(f.commissioner)} />
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Referrals and cases</h2>
      <div className="cb-charts">
        {[referralsBySourceChart(f), casesByStageChart(f), casesByExitChart(f), closuresByOutcomeChart(f)].map((c) => (
          <Chart key={c.id} chart={c} />
        ))}
      </div>
      <h2 className="govuk-heading-m">Feedback and deadlines</h2>
      <div className="cb-charts">
        {[satisfactionChart(f), deadlinesChart(f)].map((c) => (
          <Chart key={c.id} chart={c} />
        ))}
      </div>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Breakdowns</h2>
      <OutcomesByProcess figures={f.commissioner} />
      <Charts charts={[outcomesByProcessChart(f.commissioner)]} />
      <SatisfactionByRole figures={f.commissioner} />
      <Charts charts={[satisfactionByRoleChart(f.commissioner)]} />
      <OffenceCategories figures={f.commissioner} />
      <EqualityMonitoring figures={f.commissioner} />
      <FacilitatorActivity figures={f.commissioner} />
    </section>
  );
}

/** Charts beside a breakdown's table, side by side where the page is wide enough. */
function Charts({ charts }: { charts: readonly FiguresChart[] }) {
  return (
    <div className="cb-charts">
      {charts.map((c) => (
        <Chart key={c.id} chart={c} />
      ))}
    </div>
  );
}

/** Save the same figures as CSV (one fact a row) through the save dialog. */
function DownloadCsv({ from, to }: { from: string; to: string }) {
  const [state, setState] = useState<{ busy: boolean; saved?: string; error?: string }>({ busy: false });
  const save = async () => {
    setState({ busy: true });
    try {
      const r = await call('saveFiguresCsv', { from, to });
      setState({ busy: false, ...(r.saved ? { saved: r.fileName } : {}) });
    } catch (e) {
      setState({ busy: false, error: messageOf(e) });
    }
  };
  return (
    <>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={state.busy} onClick={() => void save()}>
        Download CSV
      </button>
      {state.saved && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading" data-testid="figures-csv-status">
            Saved {state.saved}.
          </p>
        </Banner>
      )}
      {state.error && <p className="govuk-error-message">{state.error}</p>}
    </>
  );
}
