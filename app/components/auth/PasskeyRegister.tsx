import { useEffect, useId, useState } from "react";
import { passkeysSupported, registerPasskey } from "./passkey-client";

/**
 * Adds a passkey: the person names it ("Work laptop"), then their browser
 * makes it. Needs JavaScript and a browser with passkeys; without them it
 * says so, and the authenticator app remains.
 */
export function PasskeyRegister(props: { first: boolean }) {
  const [supported, setSupported] = useState<boolean | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  useEffect(() => setSupported(passkeysSupported()), []);
  if (supported !== true) {
    return (
      <p className="nhsuk-body">
        {supported === false
          ? "This browser cannot make a passkey. Use an authenticator app below, or try another browser."
          : "Adding a passkey needs JavaScript. Use an authenticator app below instead, or turn JavaScript on."}
      </p>
    );
  }
  const add = async () => {
    if (!name.trim()) {
      setProblem("Give this passkey a name, like ‘Work laptop’");
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await registerPasskey(name.trim()).catch(() => ({
      error: "The passkey could not be added: the connection failed. Try again.",
      redirectTo: undefined,
      errors: undefined,
    }));
    if (answer.redirectTo) {
      window.location.assign(answer.redirectTo);
      return;
    }
    setBusy(false);
    setProblem(answer.errors?.name ?? answer.error ?? "The passkey could not be added. Try again.");
  };
  const inputId = `${id}-name`;
  return (
    <div className={`nhsuk-form-group${problem ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={inputId}>
        Name this passkey
      </label>
      <div className="nhsuk-hint" id={`${inputId}-hint`}>
        So you can tell your passkeys apart, like ‘Work laptop’ or ‘My phone’.
      </div>
      <div role="alert">
        {problem ? (
          <p className="nhsuk-error-message" id={`${inputId}-error`}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </p>
        ) : null}
      </div>
      <input
        className={`nhsuk-input nhsuk-input--width-20${problem ? " nhsuk-input--error" : ""}`}
        id={inputId}
        name="name"
        type="text"
        maxLength={60}
        value={name}
        aria-describedby={`${inputId}-hint${problem ? ` ${inputId}-error` : ""}`}
        onChange={(event) => setName(event.target.value)}
      />
      <div>
        <button
          type="button"
          className={`nhsuk-button${props.first ? "" : " nhsuk-button--secondary"} nhsuk-u-margin-top-3`}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) void add();
          }}
        >
          {busy ? "Waiting for your passkey…" : "Add a passkey"}
        </button>
      </div>
    </div>
  );
}
