export function SiteFooter() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s">
            Lancashire and South Cumbria Anchor Charter self-assessment. The charter text is
            reproduced from the ICS Board papers of 7 July 2021.
          </p>
        </div>
      </div>
    </footer>
  );
}
