import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { signInSchema } from "~/forms/auth";
import { getAuth, homePathFor, owesSecondFactor } from "~/auth/guards.server";
import { PasskeySignIn } from "~/components/auth/PasskeySignIn";
import { SessionEndedNotice } from "~/components/auth/SessionEndedNotice";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { attemptSignIn } from "./sign-in.server";
import { readForm } from "~/http/form-body.server";
import { getDb } from "~/models/db.server";
import { listProviders } from "~/models/oidc-providers.server";

export { passRetryAfter as headers } from "~/http/retry-after";

export const meta: MetaFunction = () => [{ title: "Sign in – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  if (auth && !owesSecondFactor(auth)) {
    throw redirect(homePathFor(auth));
  }
  const providers = await listProviders(getDb());
  return { organisations: providers.map((p) => ({ id: p.id, name: p.name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(signInSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  return attemptSignIn(form.data, context);
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const { organisations } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <SessionEndedNotice ended={params.get("ended")} held={params.get("held") === "1"} />
        {params.get("reset") === "done" ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Your password has been changed. Sign in with your new password.</p>
          </div>
        ) : null}
        <h1 className="nhsuk-heading-l">Sign in</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={values?.email}
            error={errors?.email}
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors?.password}
          />
          <SubmitButton>Sign in</SubmitButton>
        </Form>
        <PasskeySignIn
          label="Use a passkey"
          secondary
          redirectTo={params.get("redirectTo") ?? ""}
          hint="Or, if you have added a passkey, sign in with it alone: no password needed."
        />
        {organisations.map((o) => {
          const redirectTo = params.get("redirectTo");
          const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
          return (
            <p key={o.id}>
              <a
                className="nhsuk-button nhsuk-button--secondary"
                href={`/sign-in/oidc/${o.id}${query}`}
              >
                Sign in with {o.name}
              </a>
            </p>
          );
        })}
        <p className="nhsuk-body">
          <Link to="/forgot-password">Forgotten your password?</Link>
        </p>
        <h2 className="nhsuk-heading-s">If you do not have an account</h2>
        <p className="nhsuk-body">
          Accounts are by invitation only. Ask your place lead or your system administrator to
          invite you: you will get an email with a link to choose your password.
        </p>
      </div>
    </div>
  );
}
