import { Form } from "@remix-run/react";
import { RadioGroup } from "~/components/forms/ChoiceFields";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { TextField } from "~/components/forms/TextField";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useValidatedForm } from "~/components/forms/useValidatedForm";
import { evidenceKindLabels, evidenceKinds, evidenceSchema, fieldId } from "~/forms/sheet";
import { acceptedExtensions } from "~/utils/file-type";
import { FileField } from "~/components/forms/FileField";
import { type LibraryItem, ReuseEvidenceForm } from "./ReuseEvidenceForm";

/**
 * Adds one evidence item. Every kind's fields are shown so the form works
 * without JavaScript; only those of the kind chosen are read. With JavaScript
 * the form is checked before it is sent (the file itself is checked by the
 * server, which reads its content).
 */
export function AddEvidenceForm(props: {
  path: string;
  componentId: string;
  title: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  library: LibraryItem[];
  reuseErrors?: Record<string, string>;
  maxMegabytes: number;
  /** The domain's outcome measures from the charter, suggested as a measure's title. */
  suggestedMeasures: string[];
}) {
  const { componentId } = props;
  const id = (field: string) => fieldId(componentId, `evidence-${field}`);
  // The same schema the server uses; the server's word stands until the browser checks again.
  const check = useValidatedForm(evidenceSchema([componentId]), {
    idFor: id,
    server: { errors: props.errors, values: props.values },
  });
  const { errors } = check;
  return (
    <details className="nhsuk-details" open={Object.keys(errors).length > 0}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Add evidence<span className="nhsuk-u-visually-hidden"> for {props.title}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <ErrorSummary errors={check.summary} />
        {/* The component is in the address too, so an upload refused as too large still says where. */}
        <Form
          method="post"
          encType="multipart/form-data"
          action={`${props.path}?component=${encodeURIComponent(componentId)}`}
          onSubmit={check.onSubmit}
          noValidate
        >
          <input type="hidden" value="addEvidence" {...check.register("intent")} />
          <input type="hidden" value={componentId} {...check.register("componentId")} />
          <RadioGroup
            {...check.field("kind")}
            legend="Kind of evidence"
            options={evidenceKinds.map((k) => ({ value: k, label: evidenceKindLabels[k] }))}
          />
          <TextField
            {...check.field("title")}
            label="Title"
            hint={
              props.suggestedMeasures.length
                ? `For a measure, the charter suggests: ${props.suggestedMeasures.join("; ")}`
                : undefined
            }
            list={props.suggestedMeasures.length ? id("suggested-measures") : undefined}
          />
          {props.suggestedMeasures.length ? (
            <datalist id={id("suggested-measures")}>
              {props.suggestedMeasures.map((measure) => (
                <option key={measure} value={measure} />
              ))}
            </datalist>
          ) : null}
          <TextArea {...check.field("body")} label="Narrative (for a narrative)" />
          <TextField {...check.field("url")} label="Web address (for a link)" type="url" />
          <TextField
            {...check.field("measureValue")}
            label="Value (for a measure)"
            inputMode="decimal"
            width={10}
          />
          <TextField
            {...check.field("measureUnit")}
            label="Unit (for a measure, optional)"
            width={10}
          />
          <TextField
            {...check.field("measureDate")}
            label="Date measured (for a measure)"
            hint="As YYYY-MM-DD, for example 2026-11-01"
            width={10}
          />
          <FileField
            name="file"
            id={id("file")}
            label="Document or image (for a document)"
            hint={`PDF, Word, Excel, PowerPoint or an image, up to ${props.maxMegabytes} MB`}
            accept={acceptedExtensions.map((e) => `.${e}`).join(",")}
            error={errors.file}
          />
          <SubmitButton secondary name="componentId" value={componentId}>
            Add evidence
          </SubmitButton>
        </Form>
        <ReuseEvidenceForm
          componentId={componentId}
          library={props.library}
          errors={props.reuseErrors}
        />
      </div>
    </details>
  );
}
