/**
 * The submit button of a form whose command may take minutes (joining, turning on team use):
 * disabled and saying what it is doing while it runs, with a status line read out once.
 */
export function SubmitWithProgress({ busy, label, busyLabel, waiting }: { busy: boolean; label: string; busyLabel: string; waiting: string }) {
  return (
    <>
      <button type="submit" className="govuk-button" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <p className="govuk-body" role="status">
        {busy ? waiting : ''}
      </p>
    </>
  );
}
