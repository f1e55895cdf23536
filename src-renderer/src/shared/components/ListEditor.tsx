import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { Banner } from './Banner';
import { ErrorSummary, type SummaryError } from './ErrorSummary';
import { ListEntryActions } from './ListEntryActions';
import { saveProblems, schemaProblems, summaryOf, type Problems } from '../lib/problems';

/**
 * A settings list people add to and change (staff, venues): a table of entries, each with a
 * Change link; an Add button; one inline form at a time, with save and cancel; and a banner
 * when an entry was saved. Entries are never deleted, because older records name them.
 * Focus goes to the form's heading when it opens, and back to the link or button that opened
 * it when it closes (to the Add button after adding, so another can be added).
 */

export interface ListColumn<T> {
  header: string;
  cell(entry: T): ReactNode;
  /** Extra class for the cell, like cb-pre-line for an address typed on several lines. */
  className?: string;
}

/** What the list hands the form it shows: call one when the person is done. */
export interface ListFormDone {
  onSaved(name: string, isNew: boolean): void;
  onCancel(): void;
}

/** What a list is, apart from its entries: the same every time it is shown. */
export interface ListKind<T> {
  /** The section's test id. */
  id: string;
  title: string;
  columns: readonly ListColumn<T>[];
  /** The Add button's words and id, and where a new entry goes, for the banner ("added to the staff list"). */
  add: { label: string; id: string; to: string };
}

/**
 * `children` introduce the list. The list is the whole of its page (Settings → Staff, Venues),
 * so it has no heading of its own: the page's h1 names it, and its form panel is an h2.
 */
export function ListEditor<T extends { id: string; name: string }>(o: {
  list: ListKind<T>;
  entries: readonly T[];
  /** Said instead of the table when there are no entries. */
  empty: string;
  canEdit: boolean;
  /** The form for one entry (undefined: a new one). */
  form(entry: T | undefined, done: ListFormDone): ReactNode;
  children: ReactNode;
}) {
  const { list } = o;
  const [editing, setEditing] = useState<T | 'new' | undefined>();
  const [saved, setSaved] = useState<string>();
  const returnTo = useRef<string | undefined>(undefined);

  const edit = (entry: T | 'new', from: string) => {
    returnTo.current = from;
    setSaved(undefined);
    setEditing(entry);
  };
  const close = (focusId?: string) => {
    setEditing(undefined);
    const id = focusId ?? returnTo.current;
    if (id) setTimeout(() => document.getElementById(id)?.focus(), 0);
  };
  const done: ListFormDone = {
    onSaved: (name, isNew) => {
      setSaved(isNew ? `${name} added to ${list.add.to}` : `${name} saved`);
      close(isNew ? list.add.id : undefined);
    },
    onCancel: () => close(),
  };

  return (
    <section data-testid={list.id}>
      <p className="govuk-body">{o.children}</p>
      {saved && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{saved}</p>
        </Banner>
      )}
      {o.entries.length === 0 ? (
        <p className="govuk-body">{o.empty}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{list.title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {list.columns.map((c) => (
                <th scope="col" className="govuk-table__header" key={c.header}>
                  {c.header}
                </th>
              ))}
              {o.canEdit && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {o.entries.map((entry) => (
              <tr className="govuk-table__row" key={entry.id}>
                {list.columns.map((c) => (
                  <td className={`govuk-table__cell${c.className ? ` ${c.className}` : ''}`} key={c.header}>
                    {c.cell(entry)}
                  </td>
                ))}
                {o.canEdit && (
                  <td className="govuk-table__cell">
                    <button type="button" id={`change-${entry.id}`} className="cb-link-button" onClick={() => edit(entry, `change-${entry.id}`)}>
                      Change<span className="govuk-visually-hidden"> {entry.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {o.canEdit && editing && <Fragment key={editing === 'new' ? 'new' : editing.id}>{o.form(editing === 'new' ? undefined : editing, done)}</Fragment>}
      {o.canEdit && !editing && (
        <button type="button" id={list.add.id} className="govuk-button govuk-button--secondary" onClick={() => edit('new', list.add.id)}>
          {list.add.label}
        </button>
      )}
    </section>
  );
}

/** What a ListEditor's form keeps while it is open. */
export interface ListEntryFormState<V> {
  v: V;
  set<K extends keyof V>(k: K, x: V[K]): void;
  problems: Problems;
  summary: SummaryError[];
  busy: boolean;
  focusKey: number;
  submit(candidate: unknown): Promise<void>;
  /** Changing an entry already on the list, rather than adding one. */
  existing: boolean;
  idPrefix: string;
  onCancel(): void;
}

/**
 * The state of a ListEditor's form: the values (with whether the entry is still in use), the
 * problems at each field, and saving. `submit` checks the candidate with the schema, then
 * saves it; either way round, what went wrong lands at its field and in the error summary.
 */
export function useListEntryForm<V extends { active: boolean }, T extends { name: string }>(
  initial: V,
  o: {
    fields: readonly string[];
    idPrefix: string;
    schema: z.ZodType<T>;
    save(entry: T): Promise<unknown>;
    /** The entry being changed; undefined when adding one. */
    existing: unknown;
    done: ListFormDone;
    /** Read a refusal the casebook sent as field problems (for example a name already used). */
    asFieldError?(e: unknown): unknown;
  },
): ListEntryFormState<V> {
  const [v, setV] = useState<V>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof V>(k: K, x: V[K]) => setV({ ...v, [k]: x });
  const fail = (p: Problems) => {
    setProblems(p);
    setFocusKey((k) => k + 1);
  };
  const submit = async (candidate: unknown) => {
    if (busy) return;
    const parsed = o.schema.safeParse(candidate);
    if (!parsed.success) return fail(schemaProblems(parsed.error.issues));
    setBusy(true);
    try {
      await o.save(parsed.data);
      o.done.onSaved(parsed.data.name, o.existing === undefined);
    } catch (e) {
      fail(saveProblems(o.asFieldError ? o.asFieldError(e) : e, o.fields));
    } finally {
      setBusy(false);
    }
  };
  const summary = summaryOf(problems, o.fields, o.idPrefix);
  return { v, set, problems, busy, focusKey, summary, submit, existing: o.existing !== undefined, idPrefix: o.idPrefix, onCancel: o.done.onCancel };
}

/**
 * The inline form panel: its heading (focused on arrival), the error summary, the fields,
 * then, for an entry already on the list, whether it is still in use, and save and cancel.
 */
export function ListEntryForm<V extends { active: boolean }>(o: {
  testId: string;
  title: string;
  form: ListEntryFormState<V>;
  onSubmit(): void;
  /** The "in use" box's label and hint, and the save button's words when adding. */
  words: { active: string; activeHint: string; add: string };
  children: ReactNode;
}) {
  const { form, words } = o;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="cb-edit-panel" data-testid={o.testId}>
      <h2 className="govuk-heading-s" ref={heading} tabIndex={-1}>
        {o.title}
      </h2>
      <ErrorSummary errors={form.summary} focusKey={form.focusKey} level={3} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          o.onSubmit();
        }}
      >
        {o.children}
        <ListEntryActions
          existing={form.existing}
          idPrefix={form.idPrefix}
          activeLabel={words.active}
          activeHint={words.activeHint}
          active={form.v.active}
          onActive={(x) => form.set('active', x as V['active'])}
          addLabel={words.add}
          busy={form.busy}
          onCancel={form.onCancel}
        />
      </form>
    </div>
  );
}
