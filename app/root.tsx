import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import nhsukStyles from "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css?url";
import type { ReactNode } from "react";
import { DemoDataBanner } from "./components/layout/DemoDataBanner";
import { DemoDataShown, useHomeFirst } from "./components/layout/DemoBannerSlot";
import { SiteFooter } from "./components/layout/SiteFooter";
import { SiteHeader } from "./components/layout/SiteHeader";
import { refusalTitle } from "./http/refusal";
import { isDemoData } from "./models/settings.server";
import appStyles from "./styles/app.css?url";
import { getAuth, owesSecondFactor } from "./auth/guards.server";
import { rootShouldRevalidate } from "./components/sheet/sheetClientAction";
import { getDb } from "./models/db.server";
import { ErrorReference, isUnexpectedError } from "./components/layout/error-reference";
import { navigationFor } from "./components/layout/navigation";
import { useNonce } from "./components/layout/nonce";
import { IdleWarning } from "./components/layout/IdleWarning";
import { idleTimes } from "./auth/idle.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: nhsukStyles },
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
];

export const shouldRevalidate = rootShouldRevalidate;

export const meta: MetaFunction = () => [{ title: "Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  // Someone still owing their security code is not signed in yet: no menu.
  const signedIn = auth && !owesSecondFactor(auth);
  return {
    demoData: await isDemoData(getDb()),
    account: signedIn ? { name: auth.user.name, navigation: navigationFor(auth.principal) } : null,
    // The idle warning (issue 21): how long this session has, and when to warn.
    idle: signedIn ? idleTimes(auth) : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  // Absent when the root loader itself failed: the error page still renders.
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  // A role's first page puts its home panel first and the banner after it; an error page
  // in its place still shows the banner here.
  const error = useRouteError();
  const homeFirst = useHomeFirst();
  const bannerHere = Boolean(data?.demoData) && (!homeFirst || Boolean(error));
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <SiteHeader account={data?.account ?? null} />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
            {bannerHere ? <DemoDataBanner /> : null}
            <DemoDataShown.Provider value={Boolean(data?.demoData)}>
              {children}
            </DemoDataShown.Provider>
          </main>
        </div>
        <SiteFooter />
        {data?.idle ? <IdleWarning idle={data.idle} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status < 500) {
    return (
      <>
        <h1 className="nhsuk-heading-l">{refusalTitle(error.status)}</h1>
        <p className="nhsuk-body">{refusalMessage(error)}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="nhsuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="nhsuk-body">
        Try again later. Anything you saved before this happened has been kept.
      </p>
      {isUnexpectedError(error) ? <ErrorReference /> : null}
    </>
  );
}

/**
 * Our own refusals carry a sentence for the person; the router's own (a page
 * that does not exist, a method a page does not take) carry developer text.
 */
function refusalMessage(error: { status: number; data: unknown; internal?: boolean }): string {
  if (error.status === 404) return "If you typed the web address, check it is correct.";
  if (!error.internal && typeof error.data === "string" && error.data) return error.data;
  return "Go back and try again.";
}
