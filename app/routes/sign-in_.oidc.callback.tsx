import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { beginSession } from "~/auth/guards.server";
import {
  clearedTransactionCookie,
  finishOrganisationSignIn,
  type OrganisationRefusal,
} from "~/auth/oidc/flow.server";
import { signedInDestination } from "~/auth/sign-in-finish.server";
import { clientIp } from "~/http/request.server";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import { getProvider } from "~/models/oidc-providers.server";
import { countPasskeys } from "~/models/passkeys.server";
import { getUserById } from "~/models/users.server";

export const meta: MetaFunction = () => [
  { title: "Signing in with your organisation's account – Anchor Charter" },
];

/**
 * Where the organisation's sign-in sends the browser back (a GET, as the
 * authorisation code flow requires). A refusal is a clear page and changes
 * nothing in the database; success starts a session, and the second factor
 * is asked for unless the provider says it checked one (`amr` has `mfa`).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = getDb();
  const result = await finishOrganisationSignIn(request, (id) => getProvider(db, { id }));
  const headers = new Headers({ "Set-Cookie": clearedTransactionCookie() });
  if (!result.ok) {
    return data(
      {
        reason: result.reason,
        provider: result.provider?.name ?? null,
        email: result.email ?? null,
      },
      { status: result.reason === "no-transaction" ? 400 : 403, headers },
    );
  }
  const user = await getUserById(db, { id: result.userId });
  const hasFactor =
    user?.totp_enabled_at != null || (await countPasskeys(db, { userId: result.userId })) > 0;
  const verified = result.multiFactor || !hasFactor;
  await recordAudit(db, {
    actorUserId: result.userId,
    action: "sign_in.success",
    detail: {
      method: "organisation",
      provider: result.provider.name,
      multiFactor: result.multiFactor,
    },
    ip: clientIp(context),
    now: new Date(),
  });
  headers.append(
    "Set-Cookie",
    await beginSession({ userId: result.userId, twoFactorVerified: verified }),
  );
  const destination = await signedInDestination({
    userId: result.userId,
    redirectTo: result.redirectTo || null,
  });
  return redirect(
    verified ? destination : `/sign-in/two-factor?redirectTo=${encodeURIComponent(destination)}`,
    { headers },
  );
}

const explanations: Record<OrganisationRefusal, (p: string, email: string | null) => string> = {
  "no-transaction": () =>
    "This sign-in was not started in this browser, or took longer than 10 minutes. Start again from the sign-in page.",
  "provider-said-no": (p) => `${p} did not sign you in. Start again, or sign in another way.`,
  code: (p) =>
    `The answer from ${p} has been used already or has expired. Start again from the sign-in page.`,
  token: (p) => `The answer from ${p} could not be checked, so it was not trusted. Start again.`,
  expired: (p) => `The answer from ${p} had expired before it arrived. Start again.`,
  nonce: (p) =>
    `The answer from ${p} was for a different sign-in, so it was not trusted. Start again.`,
  tenant: (p) =>
    `Your ${p} account belongs to an organisation that is not allowed to sign in here. Sign in with your password, or ask your administrator.`,
  domain: (p) =>
    `Your ${p} account's e-mail domain is not one this service accepts. Sign in with your password, or ask your administrator.`,
  "no-email": (p) =>
    `${p} did not say which e-mail address you have, so you cannot be matched to an account.`,
  "unknown-person": (p, email) =>
    `There is no account here for ${email ?? "your e-mail address"}. Signing in with ${p} does not create one: ask your administrator or place lead to invite you with this address.`,
  "linked-elsewhere": (p) =>
    `Your account here is already linked to a different ${p} account. Sign in with that one, or with your password.`,
};

export default function OrganisationSignInRefused() {
  const refused = useLoaderData<typeof loader>();
  const provider = refused.provider ?? "your organisation";
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">You could not be signed in</h1>
        <p className="nhsuk-body">{explanations[refused.reason](provider, refused.email)}</p>
        <p className="nhsuk-body">Nothing has been changed.</p>
        <p className="nhsuk-body">
          <Link to="/sign-in">Go to the sign-in page</Link>
        </p>
      </div>
    </div>
  );
}
