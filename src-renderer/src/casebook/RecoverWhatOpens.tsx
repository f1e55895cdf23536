import { ApiError } from '../shared/api/client';
import { WarningText } from '../shared/components/WarningText';

/**
 * The references of the cases a refused restore would leave out, when they are all that is
 * damaged in the backup (the main process says so with details `recoverable` and `lost`).
 */
export function lostCasesOf(e: unknown): string[] | undefined {
  return e instanceof ApiError && e.code === 'CORRUPT' && e.details.recoverable === true ? (e.details.lost ?? []) : undefined;
}

/**
 * A backup whose only damage is in some case files: the person sees which cases (by reference,
 * never by name) and decides whether to restore everything else without them. Losing cases is
 * never done for them.
 */
export function RecoverWhatOpens(o: { lost: readonly string[]; busy: boolean; chooseFileAgain?: boolean; /** One below the heading it sits under. */ level?: 2 | 3; onRestore(): void; onCancel(): void }) {
  const { lost } = o;
  const Title = `h${o.level ?? 3}` as 'h3';
  return (
    <div className="govuk-!-margin-bottom-6" role="region" aria-labelledby="recover-what-opens-title" data-testid="recover-what-opens">
      <Title className="govuk-heading-s" id="recover-what-opens-title">
        {lost.length === 1 ? 'One case in this backup does not open' : `${lost.length} cases in this backup do not open`}
      </Title>
      <p className="govuk-body">Everything else in the backup opens. You can restore it without these cases:</p>
      <ul className="govuk-list govuk-list--bullet" data-testid="lost-cases">
        {lost.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <WarningText>
        These cases will not be in the casebook afterwards. Note their references, and re-enter them from another backup or your paper records.
        {o.chooseFileAgain ? ' You choose the same backup file again next.' : ''}
      </WarningText>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--warning" disabled={o.busy} onClick={o.onRestore}>
          Restore the cases that open
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={o.busy} onClick={o.onCancel}>
          Choose another backup
        </button>
      </div>
    </div>
  );
}
