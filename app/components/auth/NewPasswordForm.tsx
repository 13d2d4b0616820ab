import { Form } from "@remix-run/react";
import { PASSWORD_HINT } from "~/forms/auth";
import type { FieldErrors } from "~/forms/parse";
import { SubmitButton } from "../forms/SubmitButton";
import { TextField } from "../forms/TextField";

/** Paste is allowed and nothing is truncated: long passphrases are welcome. */
export function NewPasswordForm(props: {
  errors?: FieldErrors;
  submitLabel: string;
  email: string;
}) {
  return (
    <Form method="post" noValidate>
      {/* Lets password managers save the new password against the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={props.email} />
      <TextField
        name="password"
        label="Create a password"
        hint={PASSWORD_HINT}
        type="password"
        autoComplete="new-password"
        error={props.errors?.password}
      />
      <TextField
        name="confirmPassword"
        label="Enter the password again"
        type="password"
        autoComplete="new-password"
        error={props.errors?.confirmPassword}
      />
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </Form>
  );
}
