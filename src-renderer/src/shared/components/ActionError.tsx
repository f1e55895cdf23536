/** The main process's refusal of a button's action, announced when it appears (GOV.UK error message). */
export function ActionError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="govuk-error-message" role="alert">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}
