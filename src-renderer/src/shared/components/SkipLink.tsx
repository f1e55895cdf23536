/** First stop for keyboard users: jump past the header and navigation to the page itself. */
export function SkipLink() {
  return (
    <a
      href="#main-content"
      className="govuk-skip-link"
      onClick={(e) => {
        const main = document.getElementById('main-content');
        if (!main) return;
        e.preventDefault();
        main.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
