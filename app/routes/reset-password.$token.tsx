import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkProblemPage } from "~/components/auth/LinkProblemPage";
import { NewPasswordForm } from "~/components/auth/NewPasswordForm";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { endSession, getAuth } from "~/auth/guards.server";
import { clientIp } from "~/http/request.server";
import { checkLink, setPasswordFromLink } from "~/auth/set-password.server";
import { readForm } from "~/http/form-body.server";

export { passRetryAfter as headers } from "~/http/retry-after";

export const meta: MetaFunction = () => [{ title: "Choose a new password – Anchor Charter" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await checkLink(params.token, "password_reset");
  if (!link.user) return data({ problem: link.problem, email: null }, { status: 410 });
  return { problem: null, email: link.user.email };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const result = await setPasswordFromLink({
    token: params.token,
    purpose: "password_reset",
    formData: await readForm(request),
    ip: clientIp(context),
  });
  if (result.outcome === "link") return data({ problem: result.problem }, { status: 410 });
  if (result.outcome === "invalid") return result.response;
  // Every session ended with the reset; clear this browser's cookie too.
  const cookie = await endSession(await getAuth(request));
  return redirect("/sign-in?reset=done", { headers: { "Set-Cookie": cookie } });
}

export default function ResetPassword() {
  const { problem, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const linkProblem = result && "problem" in result ? result.problem : problem;
  if (linkProblem || !email) {
    return <LinkProblemPage problem={linkProblem ?? "unknown"} kind="password_reset" />;
  }
  const errors = result && "errors" in result ? result.errors : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="nhsuk-heading-l">Choose a new password</h1>
        <NewPasswordForm errors={errors} submitLabel="Change password" email={email} />
      </div>
    </div>
  );
}
