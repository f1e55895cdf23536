import { fixFor, type FixPlace } from '../../../src-main/domain/cases/blocker-fix';
import type { SummaryError } from '../shared/components/ErrorSummary';
import { useCaseView, type CaseTab } from './case-view-state';

/** The case tab (and inline form) where each kind of blocker is put right (blocker-fix.ts). */
const PLACES: Record<FixPlace, { tab: CaseTab; form?: string }> = {
  team: { tab: 'overview', form: 'team' },
  people: { tab: 'people' },
  contacts: { tab: 'contacts' },
  consent: { tab: 'consent' },
  risk: { tab: 'risk' },
  process: { tab: 'process' },
  agreement: { tab: 'agreement' },
};

/** Go to where a blocker is cleared: the tab, with its form open when there is one. */
export function useGoToFix(): (place: FixPlace) => void {
  const setTab = useCaseView((s) => s.setTab);
  const openForm = useCaseView((s) => s.openForm);
  return (place) => {
    const to = PLACES[place];
    setTab(to.tab);
    // A form takes focus as it opens (FormPanel); otherwise the section's own tab does, so
    // keyboard and screen-reader users land where the fix is.
    if (to.form) openForm(to.form);
    else setTimeout(() => document.querySelector<HTMLElement>('[aria-current="page"]')?.focus(), 0);
  };
}

/** A blocker's words and, where it is cleared elsewhere, a link there ("Record a contact"). */
export function BlockerItem({ problem }: { problem: string }) {
  const go = useGoToFix();
  const fix = fixFor(problem);
  return (
    <li>
      {problem}
      {fix && (
        <>
          {' '}
          <button type="button" className="cb-link-button govuk-!-font-weight-bold" onClick={() => go(fix.place)} data-testid="blocker-fix">
            {fix.label}
            <span className="govuk-visually-hidden">: {problem}</span>
          </button>
        </>
      )}
    </li>
  );
}

/** The same link on each of an error summary's messages about the whole form. */
export function withFixes(summary: SummaryError[], go: (place: FixPlace) => void): SummaryError[] {
  return summary.map((e) => {
    const fix = e.fieldId ? undefined : fixFor(e.message);
    return fix ? { ...e, fix: { label: fix.label, go: () => go(fix.place) } } : e;
  });
}
