/**
 * GOV.UK back link. It is a link (it takes you somewhere), but pages change inside the app,
 * so the click is handled here instead of following the href.
 */
export function BackLink({ children, onClick }: { children: string; onClick(): void }) {
  return (
    <a
      href="#main-content"
      className="govuk-back-link"
      onClick={(e) => {
        e.preventDefault();
        onClick();
      }}
    >
      {children}
    </a>
  );
}
