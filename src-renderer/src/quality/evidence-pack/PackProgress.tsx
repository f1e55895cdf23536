import type { WorkProgress } from '../../../../src-main/domain/shared/work-progress';

/**
 * How far the pack has got while it is built (read from the main process every 300 ms), with a
 * way to stop it; and, after, whether it was stopped or the save was cancelled. The status line
 * is always present, so screen readers announce each change.
 */
export function PackProgress({ busy, progress, stopped, cancelled, onStop }: { busy: boolean; progress: WorkProgress | undefined; stopped: boolean; cancelled: boolean; onStop(): void }) {
  const text = busy
    ? progress?.cancelling
      ? 'Stopping: nothing will be saved.'
      : progress && progress.step > 0
        ? `Step ${progress.step} of ${progress.of}: ${progress.label}.`
        : 'Starting to build the pack.'
    : stopped
      ? 'The pack was not built: you stopped it. Nothing was saved.'
      : cancelled
        ? 'The pack was not saved: the save was cancelled.'
        : '';
  return (
    <div className="govuk-!-margin-bottom-4" data-testid="pack-progress-panel">
      {busy && (
        <progress className="app-pack-progress" aria-label="Building the pack" max={progress?.of || 1} value={progress?.step ?? 0}>
          {progress ? `${progress.step} of ${progress.of}` : ''}
        </progress>
      )}
      <p className="govuk-body" role="status" data-testid="pack-progress">
        {text}
      </p>
      {busy && !progress?.cancelling && (
        <button type="button" className="govuk-button govuk-button--warning" onClick={onStop}>
          Stop building the pack
        </button>
      )}
    </div>
  );
}
