import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkProblemPage } from "~/components/auth/LinkProblemPage";
import { NewPasswordForm } from "~/components/auth/NewPasswordForm";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { getUserById, listGrants } from "~/models/users.server";
import { countPasskeys } from "~/models/passkeys.server";
import { beginSession, homePathFor } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { clientIp } from "~/http/request.server";
import { checkLink, setPasswordFromLink } from "~/auth/set-password.server";
import { readForm } from "~/http/form-body.server";

export { passRetryAfter as headers } from "~/http/retry-after";

export const meta: MetaFunction = () => [{ title: "Accept your invitation – Anchor Charter" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await checkLink(params.token, "invitation");
  if (!link.user) return data({ problem: link.problem, user: null }, { status: 410 });
  return { problem: null, user: { name: link.user.name, email: link.user.email } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const result = await setPasswordFromLink({
    token: params.token,
    purpose: "invitation",
    formData: await readForm(request),
    ip: clientIp(context),
  });
  if (result.outcome === "link") return data({ problem: result.problem }, { status: 410 });
  if (result.outcome === "invalid") return result.response;
  // Someone who already has a second factor (an invitation sent again by `admin:first`) still gives it.
  const user = await getUserById(getDb(), { id: result.userId });
  const hasFactor =
    user?.totp_enabled_at != null || (await countPasskeys(getDb(), { userId: result.userId })) > 0;
  const cookie = await beginSession({ userId: result.userId, twoFactorVerified: !hasFactor });
  const grants = await listGrants(getDb(), { userId: result.userId });
  const home = homePathFor({ grants });
  return redirect(hasFactor ? `/sign-in/two-factor?redirectTo=${encodeURIComponent(home)}` : home, {
    headers: { "Set-Cookie": cookie },
  });
}

export default function AcceptInvitation() {
  const { problem, user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const linkProblem = result && "problem" in result ? result.problem : problem;
  if (linkProblem || !user)
    return <LinkProblemPage problem={linkProblem ?? "unknown"} kind="invitation" />;
  const errors = result && "errors" in result ? result.errors : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="nhsuk-heading-l">Welcome, {user.name}</h1>
        <p className="nhsuk-body">
          You have been invited to the Anchor Charter platform as {user.email}. Create a password to
          finish setting up your account.
        </p>
        <NewPasswordForm errors={errors} submitLabel="Create account" email={user.email} />
      </div>
    </div>
  );
}
