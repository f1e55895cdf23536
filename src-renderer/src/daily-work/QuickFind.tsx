import { useEffect, useRef, useState } from 'react';
import { call, messageOf } from '../shared/api/client';
import { useNav } from '../app/nav';
import { useCases, EMPTY_FILTERS } from '../cases/cases-state';

/** Keys that bring the cursor to Quick find from anywhere: Ctrl+K (⌘K), or "/" when not typing. */
function isShortcut(e: KeyboardEvent): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return true;
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return false;
  const t = e.target instanceof HTMLElement ? e.target : null;
  return !t?.closest('input, textarea, select, [contenteditable="true"]');
}

/**
 * Quick find (issue 14), in the header of every screen: a reference or a name, through the
 * case list's own search (so it sees only the cases the person may see). One match opens the
 * case; more show the case list with that search.
 */
export function QuickFind() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const find = async () => {
    const search = text.trim();
    setProblem(undefined);
    if (!search) {
      setProblem('Enter a case reference or a name');
      input.current?.focus();
      return;
    }
    try {
      const found = await call('queryCaseload', { search, limit: 1 });
      const nav = useNav.getState();
      if (found.total === 1 && found.rows[0]) {
        setText('');
        nav.openCase(found.rows[0].id);
        return;
      }
      const filters = { ...EMPTY_FILTERS, search };
      useCases.setState({ filters });
      if (nav.page === 'cases') void useCases.getState().query(filters);
      else nav.go('cases');
      setText('');
    } catch (e) {
      setProblem(messageOf(e));
    }
  };

  return (
    <form
      className="cb-quick-find"
      role="search"
      aria-label="Quick find"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void find();
      }}
    >
      {/* Hidden, as GOV.UK's header search hides its label: the box says what it is for. */}
      <label className="govuk-visually-hidden" htmlFor="quick-find">
        Find a case
      </label>
      <input
        ref={input}
        id="quick-find"
        className="govuk-input cb-quick-find__input"
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder="Case reference or name"
        aria-keyshortcuts="Control+K /"
        aria-describedby="quick-find-hint"
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(undefined);
        }}
      />
      <span className="govuk-visually-hidden" id="quick-find-hint">
        A case reference or a person&apos;s name. Press Control and K, or slash, to come here from anywhere.
      </span>
      <button type="submit" className="govuk-button govuk-button--inverse cb-quick-find__button" aria-label="Quick find">
        Find
      </button>
      {problem && (
        <span className="cb-quick-find__problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
