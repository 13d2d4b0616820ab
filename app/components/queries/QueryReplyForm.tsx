import { Form } from "@remix-run/react";
import { RadioGroup } from "~/components/forms/ChoiceFields";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { FileField } from "~/components/forms/FileField";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { TextField } from "~/components/forms/TextField";
import { useValidatedForm } from "~/components/forms/useValidatedForm";
import { queryReplySchema, replyEvidenceLabels } from "~/forms/query-reply";
import { acceptedExtensions } from "~/evidence/file-type";

/**
 * A champion's reply, with new evidence if they have it. Every field shows so
 * it works without JavaScript; only those of the choice made are read. With
 * JavaScript it is checked before it is sent, by the schema the server uses.
 */
export function QueryReplyForm(props: {
  server?: { errors?: Record<string, string>; values?: Record<string, string> };
  maxMegabytes: number;
}) {
  const check = useValidatedForm(queryReplySchema, { server: props.server });
  const values = props.server?.values ?? {};
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={check.onSubmit}>
      {/* The browser's verdict, or else the server's: the summary sits with the form it is about. */}
      <ErrorSummary errors={check.errors} />
      <TextArea
        {...check.field("body")}
        label="Your reply"
        hint="Answer the steering group's question. Say what the new evidence shows, if you add some."
        rows={6}
      />
      <RadioGroup
        {...check.field("evidence")}
        defaultValue={values.evidence ?? "none"}
        legend="Are you adding new evidence?"
        hint="New evidence is kept with this reply; the month's answers stay as they were sent."
        options={(["none", "link", "file"] as const).map((value) => ({
          value,
          label: replyEvidenceLabels[value],
        }))}
      />
      <TextField
        {...check.field("title")}
        label="Title of the evidence (if you are adding some)"
        hint="For example, Social value policy 2026."
        width={30}
      />
      <TextField
        {...check.field("url")}
        label="Link (if you chose a link)"
        hint="Starting with https:// or http://"
        type="url"
        spellCheck={false}
      />
      <FileField
        name="file"
        label="File (if you chose a document or image)"
        hint={`PDF, Word, Excel, PowerPoint, PNG, JPEG, GIF or WebP, smaller than ${props.maxMegabytes} MB.`}
        accept={acceptedExtensions.map((e) => `.${e}`).join(",")}
        error={check.errors.file}
      />
      <SubmitButton>Send reply</SubmitButton>
    </Form>
  );
}
