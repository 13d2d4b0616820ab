import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { idleTimes } from "~/auth/idle.server";
import { formatTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "You are still signed in – Anchor Charter" }];

/**
 * "Stay signed in" without JavaScript: the warning's link opens this page in
 * a new tab, and loading it is the activity that keeps the session; the tab
 * with the person's typing is left as it was.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const { secondsLeft } = idleTimes(auth);
  return { until: formatTime(new Date(Date.now() + secondsLeft * 1000).toISOString()) };
}

export default function StaySignedIn() {
  const { until } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">You are still signed in</h1>
      <p className="nhsuk-body">
        If you do nothing else, you will be signed out at {until}. You can close this tab and go
        back to what you were doing.
      </p>
    </>
  );
}
