import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadCharter } from "~/charter/content";
import { getAuth, homePathFor } from "~/auth/guards.server";
import { formatDate } from "~/utils/dates";

export const meta: MetaFunction = () => [
  { title: "Anchor Charter self-assessment – Anchor Charter" },
  {
    name: "description",
    content:
      "Organisations in Lancashire and South Cumbria record each month how far they meet the NHS Anchor Collaborative Charter, with their evidence.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const charter = loadCharter();
  const auth = await getAuth(request);
  // Someone still owing their security code is not signed in yet.
  const signedIn = auth && (!auth.user.totp_enabled_at || auth.session.two_factor_verified);
  return {
    issuer: charter.issuer,
    adopted: formatDate(charter.adopted),
    charterTitle: charter.title,
    domains: charter.domains.length,
    components: charter.domains.reduce((n, d) => n + d.components.length, 0),
    home: signedIn ? homePathFor(auth) : null,
  };
}

/**
 * The service's start page (the NHS.UK pattern): what the service is for,
 * who uses it, how to sign in and how to get an account, with the charter
 * itself one link away at /charter.
 */
export default function StartPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-xl">
          <span className="nhsuk-caption-l">{page.issuer}</span>
          Anchor Charter self-assessment
        </h1>
        <p className="nhsuk-lede-text">
          Use this service to record, each month, how far your organisation meets the{" "}
          <Link to="/charter">{page.charterTitle}</Link>, with the evidence for it, and to see how
          organisations, places and the whole system are progressing.
        </p>

        <h2 className="nhsuk-heading-m">Who uses it</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            anchor champions, who fill in their organisation&apos;s self-assessment against the
            charter&apos;s {page.components} components in {page.domains} domains, and submit it
          </li>
          <li>
            steering group members, who compare the organisations of their place and verify their
            evidence
          </li>
          <li>place leads, who summarise their place and remind those who have not submitted</li>
          <li>
            the integrated care system&apos;s administrators and readers, who see every place and
            prepare the annual report for the board
          </li>
        </ul>

        {page.home ? (
          <>
            <h2 className="nhsuk-heading-m">You are signed in</h2>
            <p className="nhsuk-body">
              <Link className="nhsuk-button" to={page.home} role="button" draggable="false">
                Go to your pages
              </Link>
            </p>
          </>
        ) : (
          <>
            <h2 className="nhsuk-heading-m">Sign in</h2>
            <p className="nhsuk-body">
              Sign in with your account&apos;s email address and password. You may also be asked for
              a security code from the authenticator app on your phone.
            </p>
            <p className="nhsuk-body">
              <Link className="nhsuk-button" to="/sign-in" role="button" draggable="false">
                Sign in
              </Link>
            </p>
          </>
        )}

        <h2 className="nhsuk-heading-m">How to get an account</h2>
        <p className="nhsuk-body">
          Accounts are by invitation only. Ask your place lead or your system administrator to
          invite you: you will get an email with a link to choose your password. If you have
          forgotten your password, <Link to="/forgot-password">reset it</Link>.
        </p>

        <h2 className="nhsuk-heading-m">The charter</h2>
        <p className="nhsuk-body">
          The {page.issuer} adopted the charter on {page.adopted}.{" "}
          <Link to="/charter">Read the Anchor Charter</Link>: its domains and components, the
          bronze, silver, gold and platinum levels, and the cross-cutting principles.
        </p>
      </div>
    </div>
  );
}
