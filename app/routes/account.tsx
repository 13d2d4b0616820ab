import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { recordAudit } from "~/models/audit.server";
import { invalidateUserSessions } from "~/models/sessions.server";
import { roleLabel } from "~/models/users.server";
import { endSession, requireUser } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { clientIp } from "~/http/request.server";

export const meta: MetaFunction = () => [{ title: "Your account – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, { allowSecondFactorSetup: true });
  return {
    name: auth.user.name,
    email: auth.user.email,
    roles: auth.grants.map((g) => ({ id: g.id, text: `${roleLabel(g.role)}: ${g.scopeName}` })),
    twoFactor: [
      auth.passkeyCount ? `${auth.passkeyCount} passkey${auth.passkeyCount === 1 ? "" : "s"}` : "",
      auth.user.totp_enabled_at ? "authenticator app" : "",
    ]
      .filter(Boolean)
      .join(" and "),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, { allowSecondFactorSetup: true });
  const db = getDb();
  await invalidateUserSessions(db, { userId: auth.user.id });
  await recordAudit(db, {
    actorUserId: auth.user.id,
    action: "sign_out.everywhere",
    ip: clientIp(context),
    now: new Date(),
  });
  return redirect("/sign-in", { headers: { "Set-Cookie": await endSession(null) } });
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">Your account</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Name</dt>
          <dd className="nhsuk-summary-list__value">{account.name}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Email address</dt>
          <dd className="nhsuk-summary-list__value">{account.email}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Roles</dt>
          <dd className="nhsuk-summary-list__value">
            {account.roles.length ? (
              <ul className="nhsuk-list">
                {account.roles.map((role) => (
                  <li key={role.id}>{role.text}</li>
                ))}
              </ul>
            ) : (
              "None yet. Ask your place lead or administrator for access."
            )}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Second factor</dt>
          <dd className="nhsuk-summary-list__value">
            {account.twoFactor
              ? account.twoFactor.charAt(0).toUpperCase() + account.twoFactor.slice(1)
              : "Not set up"}
          </dd>
          <dd className="nhsuk-summary-list__actions">
            <Link to="/account/two-factor">
              {account.twoFactor ? "Change" : "Turn on"}
              <span className="nhsuk-u-visually-hidden"> second factor</span>
            </Link>
          </dd>
        </div>
      </dl>
      <h2 className="nhsuk-heading-m">Sign out everywhere</h2>
      <p className="nhsuk-body">
        Ends every session of yours, on every device, including this one.
      </p>
      <Form method="post">
        <SubmitButton secondary>Sign out everywhere</SubmitButton>
      </Form>
    </>
  );
}
