import { Form, Link } from "@remix-run/react";
import { RadioGroup } from "~/components/forms/ChoiceFields";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { TextField } from "~/components/forms/TextField";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useValidatedForm } from "~/components/forms/useValidatedForm";
import { evidenceKindLabels, evidenceKinds, fieldId } from "~/forms/sheet-words";
import { acceptedExtensions } from "~/evidence/file-type";
import { FileField } from "~/components/forms/FileField";

export type EvidenceKind = (typeof evidenceKinds)[number];

export const isEvidenceKind = (kind: string | null | undefined): kind is EvidenceKind =>
  evidenceKinds.some((k) => k === kind);

/**
 * Adds one evidence item in two steps (ADR 026): choose the kind (a GET form,
 * so `?addEvidence=link` works with or without JavaScript), then fill in only
 * that kind's fields. After an add the page comes back without the kind, so
 * the form is empty again and cannot invite a duplicate.
 */
export function AddEvidenceForm(props: {
  path: string;
  componentId: string;
  title: string;
  /** The kind chosen in the address, or that of a refused post. */
  kind: EvidenceKind | null;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  maxMegabytes: number;
  /** The domain's outcome measures from the charter, suggested as a measure's title. */
  suggestedMeasures: string[];
}) {
  const id = (field: string) => fieldId(props.componentId, `evidence-${field}`);
  return (
    <section aria-labelledby={id("heading")} id={id("add")}>
      <h2 className="nhsuk-heading-s" id={id("heading")}>
        Add evidence
      </h2>
      {props.kind ? (
        <KindForm {...props} kind={props.kind} />
      ) : (
        <Form method="get" action={`${props.path}#${id("add")}`}>
          <RadioGroup
            name="addEvidence"
            id={id("kind")}
            legend="What kind of evidence?"
            options={evidenceKinds.map((k) => ({ value: k, label: evidenceKindLabels[k] }))}
          />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Continue
          </button>
        </Form>
      )}
    </section>
  );
}

function KindForm(props: Parameters<typeof AddEvidenceForm>[0] & { kind: EvidenceKind }) {
  const { componentId, kind } = props;
  const id = (field: string) => fieldId(componentId, `evidence-${field}`);
  // The same schema the server uses, fetched when the form is first used (ADR 031);
  // the server's word stands until the browser checks again.
  const check = useValidatedForm(
    () => import("~/forms/sheet").then((forms) => forms.evidenceSchema([componentId])),
    {
      idFor: id,
      server: { errors: props.errors, values: props.values },
    },
  );
  const { errors } = check;
  const measure = kind === "measure";
  return (
    <>
      <ErrorSummary errors={check.summary} />
      {/* The component is in the address too, so an upload refused as too large still says where. */}
      <Form
        method="post"
        encType={kind === "file" ? "multipart/form-data" : undefined}
        action={`${props.path}?component=${encodeURIComponent(componentId)}`}
        onSubmit={check.onSubmit}
        onFocus={check.prefetch}
        noValidate
      >
        <input type="hidden" value="addEvidence" {...check.register("intent")} />
        <input type="hidden" value={componentId} {...check.register("componentId")} />
        <input type="hidden" value={kind} {...check.register("kind")} />
        <p className="nhsuk-body">
          Kind: {evidenceKindLabels[kind]}.{" "}
          <Link to={`${props.path}#${id("add")}`}>
            Choose another kind<span className="nhsuk-u-visually-hidden"> of evidence</span>
          </Link>
        </p>
        <TextField
          {...check.field("title")}
          label="Title"
          hint={
            measure && props.suggestedMeasures.length
              ? `The charter suggests: ${props.suggestedMeasures.join("; ")}`
              : undefined
          }
          list={measure && props.suggestedMeasures.length ? id("suggested-measures") : undefined}
        />
        {measure && props.suggestedMeasures.length ? (
          <datalist id={id("suggested-measures")}>
            {props.suggestedMeasures.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        ) : null}
        {kind === "narrative" ? <TextArea {...check.field("body")} label="Narrative" /> : null}
        {kind === "link" ? (
          <TextField {...check.field("url")} label="Web address" type="url" />
        ) : null}
        {measure ? (
          <>
            <TextField
              {...check.field("measureValue")}
              label="Value"
              inputMode="decimal"
              width={10}
            />
            <TextField {...check.field("measureUnit")} label="Unit (optional)" width={10} />
            <TextField
              {...check.field("measureDate")}
              label="Date measured"
              hint="As YYYY-MM-DD, for example 2026-11-01"
              width={10}
            />
          </>
        ) : null}
        {kind === "file" ? (
          <FileField
            name="file"
            id={id("file")}
            label="Document or image"
            hint={`PDF, Word, Excel, PowerPoint or an image, up to ${props.maxMegabytes} MB`}
            accept={acceptedExtensions.map((e) => `.${e}`).join(",")}
            error={errors.file}
          />
        ) : null}
        <SubmitButton secondary>
          Add evidence<span className="nhsuk-u-visually-hidden"> to {props.title}</span>
        </SubmitButton>
      </Form>
    </>
  );
}
