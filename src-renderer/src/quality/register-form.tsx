import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { Banner } from '../shared/components/Banner';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { InputField } from '../shared/components/Fields';
import { saveProblems, summaryOf, type Problems } from '../shared/lib/problems';
import { DATE_HINT, readDate } from '../cases/shared';
import type { FieldProblem } from '../cases/command-form';
import { useQuality } from './quality-state';
import '../shared/components/casework.scss';

/**
 * The machinery every register form shares (CPD, supervision, observed practice, details, a
 * leaver): values kept in React state, what only the form can see (a date typed wrongly)
 * checked first, then the command's own schema from the domain, then the casebook; each
 * problem lands at its field (the command's path, like "registration.number") and in a
 * GOV.UK error summary that takes focus.
 */
export interface Built {
  input?: unknown;
  problems?: FieldProblem[];
}

export interface RegisterFormState<V> {
  v: V;
  set<K extends keyof V>(k: K, x: V[K]): void;
  summary: ReturnType<typeof summaryOf>;
  focusKey: number;
  busy: boolean;
  submit(): Promise<void>;
  /** The id and error of one field; ids are what the error summary links to. */
  field(name: string): { id: string; error?: string };
}

function problemsOf(found: readonly FieldProblem[], fields: readonly string[]): Problems {
  const p: Problems = {};
  for (const f of found) p[f.field && fields.includes(f.field) ? f.field : ''] ??= f.message;
  return p;
}

export function useRegisterForm<V, I>(
  initial: V,
  o: { prefix: string; fields: readonly string[]; build(v: V): Built; schema: z.ZodType<I>; save(input: I): Promise<void> },
): RegisterFormState<V> {
  const [v, setV] = useState<V>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const fail = (p: Problems) => {
    setProblems(p);
    setFocusKey((k) => k + 1);
  };
  const submit = async () => {
    if (busy) return;
    const built = o.build(v);
    const parsed = built.input === undefined ? undefined : o.schema.safeParse(built.input);
    const found = [...(built.problems ?? []), ...(parsed && !parsed.success ? parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) : [])];
    if (found.length > 0 || !parsed?.success) return fail(problemsOf(found, o.fields));
    setBusy(true);
    try {
      await o.save(parsed.data);
      setProblems({});
    } catch (e) {
      fail(saveProblems(e, o.fields));
    } finally {
      setBusy(false);
    }
  };
  return {
    v,
    set: (k, x) => setV((cur) => ({ ...cur, [k]: x })),
    summary: summaryOf(problems, o.fields, o.prefix),
    focusKey,
    busy,
    submit,
    field: (name) => ({ id: o.prefix + name, error: problems[name] }),
  };
}

/** A date box read the UK way; undefined when empty (a problem too, unless optional). */
export function readDay(text: string, field: string, label: string, found: FieldProblem[], rules: { required?: boolean; notAfter?: string } = {}): string | undefined {
  return readDate(text, field, { label, ...rules }, found);
}

/** A controlled date box typed the UK way. */
export function DayField({ id, error, label, value, onValue, hint, labelSize }: { id: string; error?: string; label: string; value: string; onValue(v: string): void; hint?: string; labelSize?: 's' | 'plain' }) {
  return (
    <InputField
      id={id}
      label={label}
      labelSize={labelSize}
      hint={hint ? `${hint} ${DATE_HINT}.` : DATE_HINT}
      error={error}
      value={value}
      onValue={onValue}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      widthClass="govuk-input--width-10"
    />
  );
}

/** The inline panel a register form opens in: its heading (focused on arrival), the error summary, the fields, then save and cancel. */
export function RegisterFormPanel<V>(o: { testId: string; title: string; form: RegisterFormState<V>; submitLabel: string; warning?: boolean; onCancel(): void; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="cb-edit-panel" data-testid={o.testId}>
      <h3 className="govuk-heading-s" ref={heading} tabIndex={-1}>
        {o.title}
      </h3>
      <ErrorSummary errors={o.form.summary} focusKey={o.form.focusKey} level={4} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void o.form.submit();
        }}
      >
        {o.children}
        <div className="govuk-button-group">
          <button type="submit" className={`govuk-button${o.warning ? ' govuk-button--warning' : ''}`} disabled={o.form.busy}>
            {o.submitLabel}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={o.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

/** The banner after a save, saying what was saved; nothing until then. */
export function Saved({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Banner title="Success" success>
      <p className="govuk-notification-banner__heading">{message}</p>
    </Banner>
  );
}

/** The record page's one banner, shown in `section` only when that section saved last (quality-state). */
export function SectionSaved({ section }: { section: string }) {
  const message = useQuality((s) => (s.banner?.section === section ? s.banner.message : undefined));
  return <Saved message={message} />;
}
