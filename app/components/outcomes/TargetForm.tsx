import { Form } from "@remix-run/react";
import { DateInput, typedDate } from "~/components/forms/DateInput";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { TextField } from "~/components/forms/TextField";
import { figureInput } from "~/utils/figures";

/**
 * A target: a baseline value on a date, a target value and the date it is
 * due by, and a note ("a 5 to 10 % shift over 3 years: 10 % is the
 * ambition"). A share's values are percentages.
 */
export function TargetForm(props: {
  kind: "ratio" | "total";
  unit: string;
  saved: {
    baselineValue: number;
    baselineOn: string;
    targetValue: number;
    targetOn: string;
    note: string;
  } | null;
  result?: { errors: Record<string, string>; values: Record<string, string> } | null;
  submitLabel: string;
  intent?: string;
}) {
  const { kind, unit, saved, result } = props;
  const values = result?.values;
  const errors = result?.errors ?? {};
  const unitHint = kind === "ratio" ? "A percentage, for example 30 or 32.5" : `In ${unit}`;
  return (
    <Form method="post" noValidate>
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      <TextField
        name="baselineValue"
        label={kind === "ratio" ? "Baseline (%)" : `Baseline (${unit})`}
        hint={unitHint}
        inputMode="decimal"
        width={10}
        defaultValue={values?.baselineValue ?? figureInput(saved?.baselineValue)}
        error={errors.baselineValue}
      />
      <DateInput
        name="baselineOn"
        legend="Date of the baseline"
        hint="For example, 31 3 2026"
        value={typedDate(values, "baselineOn") ?? saved?.baselineOn ?? ""}
        error={errors.baselineOn}
      />
      <TextField
        name="targetValue"
        label={kind === "ratio" ? "Target (%)" : `Target (${unit})`}
        hint={
          kind === "ratio"
            ? "A 5 percentage point shift from a baseline of 30% is a target of 35"
            : `Lower than the baseline for a reduction, in ${unit}`
        }
        inputMode="decimal"
        width={10}
        defaultValue={values?.targetValue ?? figureInput(saved?.targetValue)}
        error={errors.targetValue}
      />
      <DateInput
        name="targetOn"
        legend="Date the target is due by"
        hint="For example, 31 3 2029"
        value={typedDate(values, "targetOn") ?? saved?.targetOn ?? ""}
        error={errors.targetOn}
      />
      <TextArea
        name="note"
        label="Note (optional)"
        hint="For example: the ambition is a 5 to 10% shift over 3 years; the target is its lower end"
        rows={2}
        defaultValue={values?.note ?? saved?.note ?? ""}
        error={errors.note}
      />
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </Form>
  );
}
