import { useRef, useState, type ReactNode } from 'react';
import { DataTable, type Column } from './DataTable';
import { SectionSaved } from './register-form';
import { useQuality } from './quality-state';

export type LogColumn<T> = Column<T>;

/**
 * One of a person's logs (CPD, supervision, observed practice, training) as a table, newest
 * first, with an Add button that opens its form inline and a banner once the entry is saved (the page's only one: see
 * quality-state's `banner`).
 * Focus goes back to the Add button when the form closes, so another can be added.
 */
export function LogSection<T extends { date: string }>(o: {
  id: string;
  title: string;
  entries: readonly T[];
  columns: readonly LogColumn<T>[];
  empty: string;
  /** The Add button's words; no button when undefined (the person may not add to this log). */
  addLabel?: string;
  form?(done: { onSaved(message: string): void; onCancel(): void }): ReactNode;
  /** What sits between the table and the Add button (training's certificate copies: their errors). */
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { showBanner, clearBanner } = useQuality();
  const addButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    setTimeout(() => addButton.current?.focus(), 0);
  };
  const rows = [...o.entries].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section aria-labelledby={`${o.id}-title`} className="cb-record-section" data-testid={o.id}>
      <h2 className="govuk-heading-m" id={`${o.id}-title`}>
        {o.title}
      </h2>
      <SectionSaved section={o.id} />
      {rows.length === 0 ? <p className="govuk-body">{o.empty}</p> : <DataTable caption={`${o.title}, newest first`} columns={o.columns} rows={rows} rowKey={(e, i) => `${e.date}-${i}`} />}
      {o.children}
      {o.addLabel && o.form && open && o.form({ onSaved: (m) => (showBanner(o.id, m), close()), onCancel: close })}
      {o.addLabel && o.form && !open && (
        <button
          type="button"
          ref={addButton}
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            clearBanner();
            setOpen(true);
          }}
        >
          {o.addLabel}
        </button>
      )}
    </section>
  );
}
