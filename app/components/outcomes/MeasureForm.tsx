import { Form } from "@remix-run/react";
import { RadioGroup, SelectField } from "~/components/forms/ChoiceFields";
import { ErrorMessage } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { TextField } from "~/components/forms/TextField";
import { frequencyWords, kindWords, measureFrequencies, measureKinds } from "~/forms/outcomes";

type Definition = {
  name: string;
  definition: string;
  domainNumber: number;
  componentIds: readonly string[];
  kind: "ratio" | "total";
  unit: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  frequency: "monthly" | "quarterly" | "yearly";
  version: number;
};

/** An outcome measure's definition, as an administrator writes or changes it (ADR 040). */
export function MeasureForm(props: {
  domains: ReadonlyArray<{
    number: number;
    title: string;
    components: ReadonlyArray<{ id: string; title: string }>;
  }>;
  saved: Definition | null;
  result?: { errors: Record<string, string>; values: Record<string, string> } | null;
  submitLabel: string;
}) {
  const { saved, domains } = props;
  const values = props.result?.values;
  const errors = props.result?.errors ?? {};
  const value = (key: string, fallback: string) => values?.[key] ?? fallback;
  const ticked = values ? (values.components ?? "").split(",") : [...(saved?.componentIds ?? [])];
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="definition" />
      <input type="hidden" name="version" value={saved?.version ?? 0} />
      <TextField
        name="name"
        label="Name"
        hint="What the measure is called on every page, for example Local share of influenceable spend"
        defaultValue={value("name", saved?.name ?? "")}
        error={errors.name}
      />
      <TextArea
        name="definition"
        label="Definition"
        hint="What is counted and how, so every organisation counts it the same way"
        rows={5}
        defaultValue={value("definition", saved?.definition ?? "")}
        error={errors.definition}
      />
      <SelectField
        name="domain"
        label="Domain"
        options={domains.map((d) => ({
          value: String(d.number),
          label: `${d.number}. ${d.title}`,
        }))}
        defaultValue={value("domain", String(saved?.domainNumber ?? domains[0]?.number ?? ""))}
        error={errors.domain}
      />
      <div className={`nhsuk-form-group${errors.components ? " nhsuk-form-group--error" : ""}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby="components-hint">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            Components it evidences
          </legend>
          <div className="nhsuk-hint" id="components-hint">
            A figure entered for the measure shows as evidence on each of these
          </div>
          <ErrorMessage id="components-error" message={errors.components} />
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small" id="components">
            {domains.flatMap((d) =>
              d.components.map((c) => (
                <div className="nhsuk-checkboxes__item" key={c.id}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`components-${c.id}`}
                    name="components"
                    type="checkbox"
                    value={c.id}
                    defaultChecked={ticked.includes(c.id)}
                  />
                  <label
                    className="nhsuk-label nhsuk-checkboxes__label"
                    htmlFor={`components-${c.id}`}
                  >
                    {c.id} {c.title}
                  </label>
                </div>
              )),
            )}
          </div>
        </fieldset>
      </div>
      <RadioGroup
        name="kind"
        legend="What kind of figure"
        options={measureKinds.map((k) => ({ value: k, label: kindWords[k] }))}
        defaultValue={value("kind", saved?.kind ?? "")}
        error={errors.kind}
      />
      <TextField
        name="unit"
        label="Unit"
        hint="What the figures (or a share's part and whole) are counted in: £, staff, homes, tonnes CO2e"
        width={10}
        defaultValue={value("unit", saved?.unit ?? "")}
        error={errors.unit}
      />
      <TextField
        name="numeratorLabel"
        label="For a share: the part counted"
        hint="For example: Influenceable spend with local suppliers (£)"
        defaultValue={value("numeratorLabel", saved?.numeratorLabel ?? "")}
        error={errors.numeratorLabel}
      />
      <TextField
        name="denominatorLabel"
        label="For a share: the whole it is a part of"
        hint="For example: All influenceable non-pay spend (£)"
        defaultValue={value("denominatorLabel", saved?.denominatorLabel ?? "")}
        error={errors.denominatorLabel}
      />
      <RadioGroup
        name="frequency"
        legend="How often it is collected"
        options={measureFrequencies.map((f) => ({ value: f, label: frequencyWords[f] }))}
        defaultValue={value("frequency", saved?.frequency ?? "")}
        error={errors.frequency}
      />
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </Form>
  );
}
