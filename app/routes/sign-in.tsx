import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { signInSchema } from "~/forms/auth";
import { getAuth, homePathFor } from "~/auth/guards.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { attemptSignIn } from "./sign-in.server";
import { readForm } from "~/http/form-body.server";

export { passRetryAfter as headers } from "~/http/retry-after";

export const meta: MetaFunction = () => [{ title: "Sign in – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  if (auth && (!auth.user.totp_enabled_at || auth.session.two_factor_verified)) {
    throw redirect(homePathFor(auth));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(signInSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  return attemptSignIn(form.data, context);
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
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
