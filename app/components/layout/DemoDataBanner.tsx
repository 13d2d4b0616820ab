/**
 * Shown on every page while demo data is loaded: the organisation names are
 * real, their statuses are not, and nobody may mistake one for the other.
 */
export function DemoDataBanner() {
  return (
    <div
      className="nhsuk-notification-banner"
      role="region"
      aria-labelledby="demo-data-banner-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="demo-data-banner-title">
          Demonstration data
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">
          This site holds invented demonstration data.
        </p>
        <p className="nhsuk-body">
          The organisations are named in the 2021 board papers, but every status, piece of evidence
          and level shown for them is made up. None of it is a real organisation&apos;s
          self-assessment.
        </p>
      </div>
    </div>
  );
}
