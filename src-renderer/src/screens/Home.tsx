import { useEffect } from 'react';
import { STAGES, type CaseSummary, type Stage } from '../../../src-main/domain/case';
import { useCases } from '../state/cases';
import { useNav } from '../state/nav';
import { useSession } from '../state/session';
import { STAGE_LABELS } from '../lib/labels';
import { usePageTitle } from '../hooks/usePageTitle';

/** Open cases by stage, counted from the real case list (exited cases are counted apart). */
function countByStage(cases: CaseSummary[]) {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let exited = 0;
  for (const c of cases) {
    if (c.exit) exited++;
    else counts[c.stage]++;
  }
  return { counts, exited };
}

export function Home() {
  const h1 = usePageTitle('Home');
  const name = useSession((s) => s.session?.user.name);
  const { cases, error, load } = useCases();
  const go = useNav((s) => s.go);

  useEffect(() => {
    void load('');
  }, [load]);

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Home
      </h1>
      <p className="govuk-body-l">Welcome, {name}.</p>
      <h2 className="govuk-heading-m">Cases by stage</h2>
      {error && <p className="govuk-error-message">{error}</p>}
      {!cases && !error && <p className="govuk-body" role="status">Loading cases…</p>}
      {cases && cases.length === 0 && (
        <p className="govuk-body" data-testid="no-cases">
          There are no cases yet.
        </p>
      )}
      {cases && cases.length > 0 && <StageCounts cases={cases} />}
      <p className="govuk-body">
        <button type="button" className="cb-link-button" onClick={() => go('cases')}>
          See all cases
        </button>
      </p>
    </>
  );
}

function StageCounts({ cases }: { cases: CaseSummary[] }) {
  const { counts, exited } = countByStage(cases);
  return (
    <>
      <p className="govuk-body">
        {cases.length} {cases.length === 1 ? 'case' : 'cases'} in total.
      </p>
      <ul className="cb-stats" data-testid="stage-counts">
        {STAGES.map((s) => (
          <li className="cb-stats__item" key={s}>
            <span className="cb-stats__count">{counts[s]}</span>
            <span className="cb-stats__label">{STAGE_LABELS[s]}</span>
          </li>
        ))}
        <li className="cb-stats__item">
          <span className="cb-stats__count">{exited}</span>
          <span className="cb-stats__label">Ended early</span>
        </li>
      </ul>
      <p className="govuk-hint">
        Stages count open cases only. &ldquo;Ended early&rdquo; counts cases withdrawn, declined, not suitable or with no
        contact.
      </p>
    </>
  );
}
