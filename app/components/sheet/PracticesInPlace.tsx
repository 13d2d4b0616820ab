import { fieldId } from "~/forms/sheet-words";
import { CheckboxGroup } from "./CheckboxGroup";

/** Ticked practices as typed ("0,2") when a save was refused, else as saved. */
const tickedOf = (saved: readonly number[], typed: string | undefined) =>
  typed !== undefined ? typed.split(",").filter(Boolean) : saved.map(String);

/** Inside the component's save form: which of its practices are in place. */
export function PracticesFieldset(props: {
  componentId: string;
  practices: readonly string[];
  saved: readonly number[];
  typed?: string;
  error?: string;
}) {
  return (
    <CheckboxGroup
      name="practices"
      id={fieldId(props.componentId, "practices")}
      legend="Practices in place"
      hint="Tick each practice your organisation has in place."
      options={props.practices.map((label, index) => ({ value: String(index), label }))}
      checked={tickedOf(props.saved, props.typed)}
      error={props.error}
    />
  );
}

/** Read-only: the practices, each marked whether it is in place. */
export function PracticesList(props: { practices: readonly string[]; saved: readonly number[] }) {
  return (
    <>
      <p className="nhsuk-body">Practices:</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {props.practices.map((practice, index) => (
          <li key={practice}>
            {practice}
            {props.saved.includes(index) ? " " : null}
            {props.saved.includes(index) ? (
              <strong className="nhsuk-tag nhsuk-tag--green">In place</strong>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
