import type { InputHTMLAttributes } from "react";
import type { FieldRegistration } from "./useValidatedForm";
import { describedBy, FormGroup } from "./FormGroup";

type Props = {
  name: string;
  /** Element id when several forms on a page share field names; defaults to the name. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  /** With JavaScript, the field as the browser-side check knows it (its name). */
  registration?: FieldRegistration;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "autoComplete" | "inputMode" | "spellCheck" | "required" | "list"
>;

/** An NHS text input with its label, hint and error, linked for screen readers. */
export function TextField(props: Props) {
  const { name, id = name, label, hint, error, width, registration, ...input } = props;
  const classes = [
    "nhsuk-input",
    error && "nhsuk-input--error",
    width && `nhsuk-input--width-${width}`,
  ];
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={classes.filter(Boolean).join(" ")}
        id={id}
        name={name}
        type="text"
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
        {...registration}
      />
    </FormGroup>
  );
}
