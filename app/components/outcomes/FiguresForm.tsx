import { Form } from "@remix-run/react";
import { confirmationOf } from "~/charter/outcome-checks";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { TextField } from "~/components/forms/TextField";
import { ErrorMessage } from "~/components/forms/ErrorSummary";
import { figureFieldId, frequencyWords, readFigure } from "~/forms/outcomes";
import type { OutcomesPage } from "~/sheet/outcomes.server";
import { figureInput } from "~/utils/figures";
import { MeasureDefinition } from "./MeasureDefinition";

type Due = OutcomesPage["due"][number];

/**
 * The month's outcome figures as one form: per measure due, its part and
 * whole (or its value), its source and a note, with last period's figure
 * and the definition beside it. A refused post comes back with everything
 * as typed; a figure that moved a long way asks to be confirmed with a tick.
 */
export function FiguresForm(props: {
  due: OutcomesPage["due"];
  /** What the refused post typed; absent: the figures as saved. */
  typed: Record<string, string> | null;
  errors: Record<string, string>;
}) {
  return (
    <Form method="post" noValidate id="figures">
      <input type="hidden" name="intent" value="saveFigures" />
      {props.due.map((m) => (
        <MeasureFields key={m.measureId} m={m} typed={props.typed} errors={props.errors} />
      ))}
      <SubmitButton>Save figures</SubmitButton>
    </Form>
  );
}

function MeasureFields(props: {
  m: Due;
  typed: Record<string, string> | null;
  errors: Record<string, string>;
}) {
  const { m, typed, errors } = props;
  const id = (f: Parameters<typeof figureFieldId>[1]) => figureFieldId(m.measureId, f);
  const value = (f: Parameters<typeof figureFieldId>[1], saved: string) =>
    typed ? (typed[id(f)] ?? "") : saved;
  const confirmError = errors[id("confirm")];
  const part = readFigure(value("part", figureInput(m.saved?.numerator)));
  const whole = readFigure(value("whole", figureInput(m.saved?.denominator)));
  const headingId = `measure-${m.measureId}`;
  return (
    <fieldset className="nhsuk-fieldset app-figure" aria-labelledby={headingId}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h2 className="nhsuk-fieldset__heading" id={headingId}>
          {m.name}
        </h2>
      </legend>
      <MeasureDefinition
        definition={m.definition}
        version={m.version}
        componentIds={m.componentIds}
        frequency={frequencyWords[m.frequency]}
      />
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        {m.last ? (
          <p>
            Last figure: <strong>{m.last.words}</strong>
            {m.kind === "ratio" ? ` (${m.last.parts})` : ""} in {m.last.periodLabel}
            {m.last.submitted ? "" : " (not submitted)"}. Source: {m.last.source}.
          </p>
        ) : (
          <p>No figure for this measure in the last 12 months.</p>
        )}
      </div>
      {m.saved?.earlierVersion ? (
        <p className="nhsuk-body">
          This figure was entered under an earlier definition: saving it again counts it under the
          definition above.
        </p>
      ) : null}
      {m.kind === "ratio" ? (
        <>
          <TextField
            name={id("part")}
            label={m.numeratorLabel ?? "Part"}
            hint={m.unit === "£" ? "In pounds, for example 3,420,000" : `Number of ${m.unit}`}
            inputMode="decimal"
            width={10}
            defaultValue={value("part", figureInput(m.saved?.numerator))}
            error={errors[id("part")]}
          />
          <TextField
            name={id("whole")}
            label={m.denominatorLabel ?? "Whole"}
            hint={m.unit === "£" ? "In pounds" : `Number of ${m.unit}`}
            inputMode="decimal"
            width={10}
            defaultValue={value("whole", figureInput(m.saved?.denominator))}
            error={errors[id("whole")]}
          />
        </>
      ) : (
        <TextField
          name={id("part")}
          label={`${m.name} (${m.unit})`}
          hint={`In ${m.unit}`}
          inputMode="decimal"
          width={10}
          defaultValue={value("part", figureInput(m.saved?.numerator))}
          error={errors[id("part")]}
        />
      )}
      <TextField
        name={id("source")}
        label="Source"
        hint="Where the figure comes from, for example the finance ledger or the payroll system"
        defaultValue={value("source", m.saved?.source ?? "")}
        error={errors[id("source")]}
      />
      <TextArea
        name={id("note")}
        label="Note (optional)"
        rows={2}
        defaultValue={value("note", m.saved?.note ?? "")}
        error={errors[id("note")]}
      />
      {confirmError && part !== null && !Number.isNaN(part) ? (
        <div className="nhsuk-form-group nhsuk-form-group--error">
          <ErrorMessage id={`${id("confirm")}-error`} message={confirmError} />
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id={id("confirm")}
                name={id("confirm")}
                type="checkbox"
                value={confirmationOf({
                  numerator: part,
                  denominator: m.kind === "ratio" && !Number.isNaN(whole) ? whole : null,
                })}
                aria-describedby={`${id("confirm")}-error`}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id("confirm")}>
                This figure is right
              </label>
            </div>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
