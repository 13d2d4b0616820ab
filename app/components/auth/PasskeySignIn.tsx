import { useEffect, useState } from "react";
import { passkeysSupported, signInWithPasskey } from "./passkey-client";

/**
 * "Use a passkey" (or, after the password, "Use your passkey"). A
 * passkey needs JavaScript: without it, or in a browser without passkeys,
 * the button is not offered and the page's other ways stay.
 */
export function PasskeySignIn(props: {
  label: string;
  redirectTo: string;
  hint?: string;
  /** Beside another main button (the password's), this one is secondary. */
  secondary?: boolean;
}) {
  const [supported, setSupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setSupported(passkeysSupported()), []);
  if (!supported) return null;
  const use = async () => {
    setBusy(true);
    setProblem(null);
    const answer = await signInWithPasskey(props.redirectTo).catch(() => ({
      error: "The passkey could not be checked: the connection failed. Try again.",
      redirectTo: undefined,
    }));
    if (answer.redirectTo) {
      // A whole page load, so the header and every loader see the new session.
      window.location.assign(answer.redirectTo);
      return;
    }
    setBusy(false);
    setProblem(answer.error ?? "The passkey was not accepted. Try again, or choose another way.");
  };
  return (
    <div className={`nhsuk-form-group${problem ? " nhsuk-form-group--error" : ""}`}>
      {props.hint ? <p className="nhsuk-body">{props.hint}</p> : null}
      <div role="alert">
        {problem ? (
          <p className="nhsuk-error-message" id="passkey-problem">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className={`nhsuk-button${props.secondary ? " nhsuk-button--secondary" : ""}`}
        aria-describedby={problem ? "passkey-problem" : undefined}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) void use();
        }}
      >
        {busy ? "Waiting for your passkey…" : props.label}
      </button>
    </div>
  );
}
