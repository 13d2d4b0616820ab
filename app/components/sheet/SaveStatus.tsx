import { clockTime } from "~/components/sheet/drafts";
import type { SaveState } from "./useAutosave";

/**
 * A component's autosave status, in a polite live region that is in the page
 * from the start (so screen readers announce its changes). Empty without
 * JavaScript, where the Save button's "Saved." says the same.
 */
export function SaveStatus(props: { state: SaveState; id: string; onSignIn: () => void }) {
  const { state } = props;
  return (
    <div className="nhsuk-body-s app-save-status" id={props.id} role="status" aria-live="polite">
      {state.kind === "saving" ? "Saving…" : null}
      {state.kind === "saved" ? `Saved at ${clockTime(state.at)}` : null}
      {state.kind === "failed" ? (
        <span className="nhsuk-error-message">
          {state.message}
          {state.signInPath ? (
            <>
              {" "}
              <a href={state.signInPath} onClick={props.onSignIn}>
                Sign in again
              </a>
            </>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}

/** A draft from an earlier visit, filled in: save it or discard it. */
export function RestoredDraftNotice(props: { at: string; onDiscard: () => void }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p className="nhsuk-body">
        You have unsaved changes from {clockTime(props.at)} — they are filled in below; save them or
        discard them.
      </p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={props.onDiscard}
      >
        Discard unsaved changes
      </button>
    </div>
  );
}
