import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { WorkflowCommandSchema, type WorkflowCommand } from '../../../src-main/domain/cases/workflow';
import { ApiError } from '../shared/api/client';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { BatchError, CONFLICT_MESSAGE, useCaseView } from './case-view-state';
import './form-panel.scss';

/**
 * A form's values turned into commands, and any problems only the form can see (a date typed
 * wrongly, nothing chosen). Both may be given: the commands are then checked too, so every
 * problem shows at once, the form's own message winning where both speak of one field.
 */
export type Built = { commands?: WorkflowCommand[]; errors?: FieldProblem[] };
export interface FieldProblem {
  /** The form field, or undefined for a problem with the whole form. */
  field?: string;
  message: string;
}

interface Options<V extends FieldValues> {
  /** Prefix for the ids of this form's fields, so two forms never share an id. */
  prefix: string;
  /** Field names in the order they appear, for the error summary. */
  fields: readonly string[];
  defaultValues: DefaultValues<V>;
  /** Turn the values into commands, checking what only the form knows (dates typed the UK way). */
  build(values: V): Built;
  /**
   * Which field a problem belongs to, from its path inside the command ("entry.on").
   * Undefined puts it at the top of the error summary.
   */
  fieldFor(path: string): string | undefined;
  /** The success message once everything is saved. */
  notice: string | ((values: V) => string);
  /**
   * Which field a refusal about the whole command is about (a booking clash names a
   * facilitator or a venue): it is then shown on that field as well as in the summary.
   */
  placeOf?(message: string): string | undefined;
  /** Save some other way than applying the commands one by one (a log entry with a file, say). */
  send?: (commands: WorkflowCommand[], values: V, notice: string) => Promise<void> | undefined;
}

/**
 * The machinery every case form shares: the domain's WorkflowCommandSchema checks each
 * command before it is sent (the main process checks again), problems go to their fields
 * and to a GOV.UK error summary that takes focus, and the server's own problems
 * (details.issues) land on the same fields. A conflict reloads the case and says so.
 */
export function useCommandForm<V extends FieldValues>(o: Options<V>) {
  const apply = useCaseView((s) => s.apply);
  const [problems, setProblems] = useState<string[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const commandsRef = useRef<WorkflowCommand[]>([]);
  const opts = useRef(o);
  opts.current = o;

  const resolver: Resolver<V> = async (values) => {
    const { build, fieldFor } = opts.current;
    const built = build(values);
    const found: FieldProblem[] = [...(built.errors ?? [])];
    for (const command of built.commands ?? []) {
      const r = WorkflowCommandSchema.safeParse(command);
      if (!r.success) for (const i of r.error.issues) found.push({ field: fieldFor(i.path.map(String).join('.')), message: i.message });
    }
    const general = [...new Set(found.filter((f) => !f.field).map((f) => f.message))];
    setProblems(general);
    if (found.length === 0 && built.commands) {
      commandsRef.current = built.commands;
      return { values, errors: {} };
    }
    const errors: Record<string, { type: string; message: string }> = {};
    for (const f of found) if (f.field && !errors[f.field]) errors[f.field] = { type: 'validate', message: f.message };
    // The resolver must fail the submit even when every problem is form-level.
    if (Object.keys(errors).length === 0) errors['__form'] = { type: 'validate', message: general[0] ?? 'Check the form' };
    return { values: {}, errors: errors as FieldErrors<V> };
  };

  const form = useForm<V>({ resolver, defaultValues: o.defaultValues, shouldFocusError: false, reValidateMode: 'onSubmit' });
  const { errors } = form.formState;

  const messageFor = (name: string): string | undefined => {
    const m = (errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    return typeof m === 'string' && m ? m : undefined;
  };

  const summary: SummaryError[] = [
    ...problems.map((message) => ({ message })),
    ...o.fields.flatMap((name) => {
      const message = messageFor(name);
      return message ? [{ fieldId: o.prefix + name, message }] : [];
    }),
  ];

  const serverProblems = (e: unknown): void => {
    const failure = e instanceof BatchError ? e.failure : e;
    const general: string[] = [];
    if (e instanceof BatchError) general.push(`${e.done} ${e.done === 1 ? 'change was' : 'changes were'} saved before this problem; the rest were not.`);
    if (failure instanceof ApiError && failure.code === 'CONFLICT') general.push(CONFLICT_MESSAGE);
    else if (failure instanceof ApiError && failure.details.issues?.length) {
      for (const issue of failure.details.issues) {
        const path = issue.path.replace(/^command\.?/, '');
        const field = issue.path.startsWith('command') ? opts.current.fieldFor(path) : undefined;
        const placed = field ?? opts.current.placeOf?.(issue.message);
        if (placed && opts.current.fields.includes(placed) && !form.getFieldState(placed as Path<V>).error) form.setError(placed as Path<V>, { type: 'server', message: issue.message });
        else general.push(issue.message);
      }
    } else general.push(e instanceof Error ? e.message : 'Something went wrong. Nothing was changed. Try again.');
    setProblems([...new Set(general)]);
  };

  const onSubmit = form.handleSubmit(
    async (values) => {
      const notice = typeof o.notice === 'function' ? o.notice(values) : o.notice;
      try {
        const other = opts.current.send?.(commandsRef.current, values, notice);
        await (other ?? apply(commandsRef.current, notice));
      } catch (e) {
        serverProblems(e);
        setFocusKey((k) => k + 1);
      }
    },
    () => setFocusKey((k) => k + 1),
  );

  return {
    ...form,
    onSubmit,
    summary,
    focusKey,
    messageFor,
    /** The id of a field's control (and of the summary's link to it). */
    id: (name: string) => o.prefix + name,
    error: messageFor,
  };
}

/**
 * An inline form on the case page: a heading that takes focus when it opens, the error
 * summary, the fields, and Save / Cancel. Opening one form closes any other.
 */
export function FormPanel({
  title,
  children,
  summary,
  focusKey,
  onSubmit,
  submitLabel,
  submitting,
  warning,
  testId,
}: {
  title: string;
  children: ReactNode;
  summary: SummaryError[];
  focusKey: number;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  submitLabel: string;
  submitting: boolean;
  warning?: boolean;
  testId?: string;
}) {
  const openForm = useCaseView((s) => s.openForm);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className={`cb-form-panel${warning ? ' cb-form-panel--warning' : ''}`} aria-label={title} data-testid={testId}>
      <h3 className="govuk-heading-m" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <ErrorSummary errors={summary} focusKey={focusKey} level={4} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        {children}
        <div className="govuk-button-group">
          <button type="submit" className={`govuk-button${warning ? ' govuk-button--warning' : ''}`} disabled={submitting}>
            {submitLabel}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => openForm(undefined)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
