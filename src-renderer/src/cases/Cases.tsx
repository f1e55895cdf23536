import { useCallback, useEffect, useRef, useState } from 'react';
import { STAGES } from '../../../src-main/domain/cases/case';
import { PRACTITIONER_LEVEL_LABELS } from '../../../src-main/domain/staff/staff';
import { can } from '../../../src-main/domain/access/capabilities';
import { useCases, EMPTY_FILTERS, type CaseFilters, type CaseSort } from './cases-state';
import { useCasework } from './casework-state';
import { useNav } from '../app/nav';
import { useSession } from '../app/session';
import { STAGE_LABELS } from '../shared/lib/labels';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { SelectField } from '../shared/components/Fields';
import { CaseListTable } from './CaseListTable';
import '../shared/components/casework.scss';

/** Typing waits this long for the next key before searching. */
const DEBOUNCE_MS = 150;

type SelectFilter = 'status' | 'stage' | 'facilitator' | 'source' | 'sensitive';

const n = (x: number) => x.toLocaleString('en-GB');

/**
 * The case list: search (name, reference, offence), filters, sortable columns and a
 * virtualised table that stays smooth at 10,000 cases. The search runs as you type; the
 * count of matching cases is announced politely when it changes.
 */
export function Cases() {
  const h1 = usePageTitle('Cases');
  const filters = useCases((s) => s.filters);
  const sort = useCases((s) => s.sort);
  const total = useCases((s) => s.total);
  const error = useCases((s) => s.error);
  const generation = useCases((s) => s.generation);
  const topKey = useCases((s) => s.topKey);
  useCases((s) => s.pages); // re-render as pages of rows arrive
  const { query: runQuery, ensureRange, rowAt, setAnchor } = useCases.getState();
  // The search this page last sent: a different one arriving in the filters came from Quick find.
  const sent = useRef(filters.search);
  const query = useCallback(
    (f?: CaseFilters, s?: CaseSort) => {
      if (f) sent.current = f.search;
      return runQuery(f, s);
    },
    [runQuery],
  );
  const { reference, load } = useCasework();
  const session = useSession((s) => s.session);
  const openCase = useNav((s) => s.openCase);
  const go = useNav((s) => s.go);
  const [text, setText] = useState(filters.search);
  const [shown, setShown] = useState<[number, number]>([0, -1]);
  const [showFilters, setShowFilters] = useState<boolean>();
  const canTakeReferrals = !!session && !session.readOnly && can(session.user.role, 'take-referrals');

  // Arriving (or coming back from a case): run the last query again, keeping the place.
  useEffect(() => {
    void load();
    const s = useCases.getState();
    void s.query(s.filters, s.sort, true);
  }, [load]);

  useEffect(() => {
    if (filters.search === sent.current) return;
    sent.current = filters.search;
    setText(filters.search);
  }, [filters.search]);

  // Search as the person types, once they pause.
  const latestFilters = useRef(filters);
  latestFilters.current = filters;
  useEffect(() => {
    if (text === latestFilters.current.search) return;
    const t = setTimeout(() => void query({ ...latestFilters.current, search: text }), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, query]);

  const setFilter = <K extends keyof CaseFilters>(k: K, v: CaseFilters[K]) => void query({ ...filters, search: text, [k]: v });
  // Every filter is a plain-labelled select whose id is "filter-" and its key.
  const filterProps = <K extends SelectFilter>(k: K) => ({ id: `filter-${k}`, labelSize: 'plain' as const, value: filters[k], onValue: (v: string) => setFilter(k, v as CaseFilters[K]) });
  const onRange = useCallback((a: number, b: number) => ensureRange(a, b), [ensureRange]);
  const onVisible = useCallback(
    (a: number, b: number) => {
      setShown([a, b]);
      setAnchor(Math.round((a + b) / 2));
    },
    [setAnchor],
  );

  const filtered = filters.stage || filters.facilitator || filters.source || filters.sensitive || filters.overdue || filters.status !== 'all';
  const search = filters.search.trim();
  const announce =
    total === undefined
      ? 'Loading cases…'
      : `${n(total)} ${total === 1 ? 'case' : 'cases'}${search ? ` matching “${search}”` : ''}${filtered ? ' with the filters chosen' : ''}`;
  const staff = reference?.staff ?? [];
  const today = reference?.today ?? new Date().toISOString().slice(0, 10);

  const chosen = [filters.status !== 'all', filters.stage, filters.facilitator, filters.source, filters.sensitive, filters.overdue].filter(Boolean).length;
  // MOJ "filter a list": the filters stay out of the way until asked for (or while some are chosen).
  const open = showFilters ?? chosen > 0;

  return (
    <>
      {/* One row: the heading, the search with its filters toggle, and New referral. */}
      <div className="cb-page-head">
        <h1 className="govuk-heading-l govuk-!-margin-bottom-3" ref={h1} tabIndex={-1}>
          Cases
        </h1>
        <form
          role="search"
          aria-label="Cases"
          className="cb-page-head__grow"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void query({ ...filters, search: text });
          }}
        >
          <div className="cb-search cb-search--inline">
            <label className="govuk-label govuk-!-font-weight-bold" htmlFor="case-search">
              Search cases
            </label>
            <span className="govuk-visually-hidden" id="case-search-hint">
              Name, reference or offence
            </span>
            <input
              id="case-search"
              className="govuk-input cb-search__input"
              type="search"
              value={text}
              autoComplete="off"
              spellCheck={false}
              title="Name, reference or offence"
              aria-describedby="case-search-hint"
              aria-controls="case-list-caption"
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
              Search
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              aria-expanded={open}
              aria-controls="case-filters"
              onClick={() => setShowFilters(!open)}
            >
              {open ? 'Hide filters' : 'Show filters'}
              {chosen > 0 && ` (${chosen} chosen)`}
            </button>
          </div>
        </form>
        {canTakeReferrals && (
          <button type="button" className="govuk-button" onClick={() => go('new-referral')}>
            New referral
          </button>
        )}
      </div>
        <fieldset className="govuk-fieldset cb-filter-panel" id="case-filters" hidden={!open}>
          <legend className="govuk-visually-hidden">Filter</legend>
          <div className="cb-filters">
            <SelectField
              {...filterProps('status')}
              label="Open or ended"
              choices={[
                { value: 'all', label: 'All cases' },
                { value: 'open', label: 'Open cases' },
                { value: 'ended', label: 'Closed or ended early' },
              ]}
            />
            <SelectField
              {...filterProps('stage')}
              label="Stage"
              placeholder="Any stage"
              choices={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
            />
            <SelectField
              {...filterProps('facilitator')}
              label="Facilitator"
              placeholder="Anyone"
              choices={staff
                .filter((s) => s.level)
                .map((s) => ({ value: s.id, label: `${s.name}${s.level ? ` (${PRACTITIONER_LEVEL_LABELS[s.level]})` : ''}${s.active ? '' : ', left'}` }))}
            />
            <SelectField
              {...filterProps('source')}
              label="Referred by"
              placeholder="Any source"
              choices={(reference?.lists.referralSources ?? []).map((s) => ({ value: s.label, label: s.label }))}
            />
            <SelectField
              {...filterProps('sensitive')}
              label="Sensitive"
              placeholder="Sensitive or not"
              choices={[
                { value: 'yes', label: 'Sensitive only' },
                { value: 'no', label: 'Not sensitive' },
              ]}
            />
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id="filter-overdue" type="checkbox" checked={filters.overdue} onChange={(e) => setFilter('overdue', e.target.checked)} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="filter-overdue">
                    Overdue only
                  </label>
                </div>
              </div>
            </div>
          </div>
        </fieldset>
      {error && <p className="govuk-error-message">{error}</p>}
      <div className="cb-caselist__counts">
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0" role="status" data-testid="case-count">
          {announce}
        </p>
        <p className="govuk-body cb-caselist__count" id="case-list-caption" data-testid="case-showing">
          {total ? `Showing ${n(shown[0] + 1)}–${n(Math.max(shown[0] + 1, shown[1] + 1))} of ${n(total)}` : total === 0 ? 'No cases to show.' : ''}
          {total ? <span className="govuk-visually-hidden">. Use the up and down arrow keys on a reference to move between cases.</span> : null}
        </p>
        {(filtered || search) && (
          <button
            type="button"
            className="cb-link-button cb-link-button--small"
            onClick={() => {
              setText('');
              void query({ ...EMPTY_FILTERS });
            }}
          >
            Clear search and filters
          </button>
        )}
      </div>
      {total !== undefined && total > 0 && (
        <CaseListTable
          total={total}
          rowAt={rowAt}
          onRange={onRange}
          onVisible={onVisible}
          sort={sort}
          onSort={(s) => void query({ ...filters, search: text }, s)}
          onOpen={(id, index) => {
            setAnchor(index);
            openCase(id);
          }}
          today={today}
          generation={generation}
          topKey={topKey}
          anchor={useCases.getState().anchor}
          labelledBy="case-list-caption"
        />
      )}
    </>
  );
}
