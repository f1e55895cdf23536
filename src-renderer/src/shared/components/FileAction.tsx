import { useEffect, useRef, useState, type ReactNode } from 'react';
import { messageOf } from '../api/client';
import { Banner } from './Banner';
import { ConfirmAction } from './ConfirmAction';
import { ErrorSummary, type SummaryError } from './ErrorSummary';

/**
 * A button that asks the main process to show a file dialog and do the work (save a copy,
 * import, export, restore): busy while it runs, a success banner when something happened,
 * the error summary when it failed, and nothing at all when the person cancelled the dialog.
 */

/** What happened, for the success banner: its heading, and a word more under it. */
export interface Done {
  heading: string;
  detail?: string;
}

export interface FileActionState {
  busy: boolean;
  done?: Done;
  errors: SummaryError[];
  /** Goes up with each failure, so the error summary takes focus again. */
  focusKey: number;
}

/** `problemsOf` turns a failure into the error summary's lines (by default, its message). */
export function useFileAction(problemsOf: (e: unknown) => SummaryError[] = (e) => [{ message: messageOf(e) }]) {
  const [state, setState] = useState<FileActionState>({ busy: false, errors: [], focusKey: 0 });
  /** `job` returns what to say, or undefined when the dialog was cancelled. */
  const run = async (job: () => Promise<Done | undefined>) => {
    setState((x) => ({ ...x, busy: true, done: undefined, errors: [] }));
    try {
      const done = await job();
      setState((x) => ({ ...x, busy: false, done }));
    } catch (e) {
      setState((x) => ({ busy: false, errors: problemsOf(e), focusKey: x.focusKey + 1 }));
    }
  };
  return { ...state, run };
}

/** Asked before the job runs: the question, the words of the button that goes ahead, and what will happen. */
export interface FileActionConfirm {
  title: string;
  confirmLabel: string;
  body: ReactNode;
}

/**
 * One such action as a part of a section: its heading (the button says the same), what
 * happened last time, what it does (children), and its button, or the question first.
 */
export function FileAction(o: { id: string; title: string; /** Its heading's level: 3 under a section's h2, 2 straight under the page's h1. */ level?: 2 | 3; action: FileActionState; onRun(): Promise<void>; confirm?: FileActionConfirm; children: ReactNode }) {
  const { action, confirm } = o;
  const level = o.level ?? 3;
  const Title = `h${level}` as 'h3';
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Back to the button when the question closes, unless the error summary has taken focus.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current && !asking && action.errors.length === 0) button.current?.focus();
    asked.current = asking;
  }, [asking, action.errors.length]);
  const go = async () => {
    await o.onRun();
    setAsking(false);
  };

  return (
    <section aria-labelledby={`${o.id}-title`} className="govuk-!-margin-top-6" data-testid={o.id}>
      <Title className={level === 2 ? 'govuk-heading-m' : 'govuk-heading-s'} id={`${o.id}-title`}>
        {o.title}
      </Title>
      <ErrorSummary errors={action.errors} focusKey={action.focusKey} level={(level + 1) as 3 | 4} />
      {action.done && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{action.done.heading}</p>
          {action.done.detail && <p className="govuk-body">{action.done.detail}</p>}
        </Banner>
      )}
      {o.children}
      {confirm && asking ? (
        <ConfirmAction title={confirm.title} level={(level + 1) as 3 | 4} confirmLabel={confirm.confirmLabel} busy={action.busy} onCancel={() => setAsking(false)} onConfirm={() => void go()}>
          {confirm.body}
        </ConfirmAction>
      ) : (
        <button type="button" ref={button} className="govuk-button govuk-button--secondary" disabled={action.busy} onClick={() => (confirm ? setAsking(true) : void o.onRun())}>
          {o.title}
        </button>
      )}
    </section>
  );
}
