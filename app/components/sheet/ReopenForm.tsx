import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";

/**
 * For a place lead or administrator (the server checks again): reopen the
 * submitted month so its champions can correct it and submit again.
 */
export function ReopenForm(props: { path: string; error?: string; reason?: string }) {
  return (
    <Form method="post" action={`${props.path}/reopen`} noValidate>
      <h2 className="nhsuk-heading-m">Reopen this self-assessment</h2>
      <p className="nhsuk-body">
        The champions can then change it and submit it again. This submission stays in the history.
      </p>
      <TextArea
        name="reason"
        id="reopen-reason"
        label="Why is it being reopened?"
        defaultValue={props.reason}
        error={props.error}
      />
      <SubmitButton warning>Reopen self-assessment</SubmitButton>
    </Form>
  );
}
