import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * Submits the form; while a submission is in flight (with JavaScript) it says
 * so and ignores further clicks, so a double click sends one request.
 */
export function SubmitButton(props: {
  children: ReactNode;
  name?: string;
  value?: string;
  secondary?: boolean;
  warning?: boolean;
}) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" &&
    (props.value === undefined || navigation.formData?.get(props.name ?? "") === props.value);
  const variant = props.warning
    ? " nhsuk-button--warning"
    : props.secondary
      ? " nhsuk-button--secondary"
      : "";
  return (
    <button
      className={`nhsuk-button${variant}`}
      type="submit"
      name={props.name}
      value={props.value}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      {busy ? "Please wait…" : props.children}
    </button>
  );
}
