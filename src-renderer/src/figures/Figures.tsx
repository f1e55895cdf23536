import { useEffect, useState } from 'react';
import { CLOSURE_OUTCOME_LABELS } from '../../../src-main/domain/outcomes/closure';
import type { Figures as FiguresData, Period } from '../../../src-main/domain/figures/figures';
import { call, messageOf } from '../shared/api/client';
import { Banner } from '../shared/components/Banner';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { EXIT_LABELS, STAGE_LABELS } from '../shared/lib/labels';
import { useCasework } from '../cases/casework-state';
import { useProcess } from '../conferences/process-state';
import { spanTitle } from '../conferences/calendar/range';
import { BarChart } from './BarChart';
import { Headlines } from './Headlines';
import { HowCounted } from './HowCounted';
import { PeriodPicker } from './PeriodPicker';
import { quickPeriod } from './periods';
import '../shared/components/casework.scss';
import './figures.scss';

/** A label for an id we know, or the id as stored (an outcome from an older version, say). */
const labelOf = (labels: Record<string, string>, id: string) => (Object.hasOwn(labels, id) ? labels[id] : undefined) ?? id;

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

/** The breakdowns, each with the rule that puts a case in it (figures.ts). */
function charts(f: FiguresData): Parameters<typeof BarChart>[0][] {
  return [
    {
      id: 'chart-sources',
      title: 'Referrals by source',
      hint: 'Referrals received in the period.',
      what: 'Source',
      rows: f.referrals.bySource.map((s) => ({ label: s.source, count: s.count })),
      empty: 'No referrals were received in this period.',
    },
    {
      id: 'chart-stages',
      title: 'Cases by stage',
      hint: 'Cases open at some point in the period, by their stage now.',
      what: 'Stage',
      rows: f.casesByStage.map((s) => ({ label: labelOf(STAGE_LABELS, s.stage), count: s.count })),
      empty: 'No cases were open in this period.',
    },
    {
      id: 'chart-exits',
      title: 'Cases ended early',
      hint: 'Cases open at some point in the period that have since ended early, by how they ended.',
      what: 'How it ended',
      rows: f.casesByExit.map((e) => ({ label: labelOf(EXIT_LABELS, e.exit), count: e.count })),
      empty: 'No case open in this period has ended early.',
    },
    {
      id: 'chart-outcomes',
      title: 'Cases closed, by outcome',
      hint: 'Cases closed in the period.',
      what: 'Outcome',
      rows: f.closuresByOutcome.map((o) => ({ label: labelOf(CLOSURE_OUTCOME_LABELS, o.outcome), count: o.count })),
      empty: 'No cases were closed in this period.',
    },
  ];
}

function FiguresReport({ figures: f, today }: { figures: FiguresData; today: string }) {
  const title = spanTitle(f.period.from, f.period.to);
  return (
    <section aria-labelledby="figures-title" data-testid="figures">
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="figures-title">
        Figures for {title}
      </h2>
      {f.period.to > today && <p className="govuk-hint">The period runs past today, so its later days have nothing in them yet.</p>}
      <DownloadCsv from={f.period.from} to={f.period.to} />
      <Headlines figures={f} />
      <HowCounted />
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Referrals and cases</h2>
      <div className="cb-charts">
        {charts(f).map((c) => (
          <BarChart key={c.id} {...c} />
        ))}
      </div>
    </section>
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
