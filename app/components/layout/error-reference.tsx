import { isRouteErrorResponse } from "@remix-run/react";
import { createContext, type ReactNode, useContext, useState } from "react";

const ErrorReferenceContext = createContext<string | null>(null);
const ELEMENT_ID = "error-reference";

/**
 * True for a fault of the service, false for a page that does not exist or a
 * request the service refuses on purpose: only the first is logged and shown
 * with a reference.
 */
export function isUnexpectedError(error: unknown): boolean {
  return !isRouteErrorResponse(error) || error.status >= 500;
}

/** Gives the components rendered for one request the reference its errors are logged under. */
export function ErrorReferenceProvider(props: { reference: string; children: ReactNode }) {
  return (
    <ErrorReferenceContext.Provider value={props.reference}>
      {props.children}
    </ErrorReferenceContext.Provider>
  );
}

/**
 * The line that lets support find the error in the server's log. The browser
 * has no request of its own: while hydrating it reads back the reference the
 * server rendered, so both render the same text. An error met only in the
 * browser was never logged, so it has no reference to show.
 */
export function ErrorReference() {
  const fromServer = useContext(ErrorReferenceContext);
  const [reference] = useState(() => fromServer ?? referenceRenderedByServer());
  if (!reference) return null;
  return (
    <p className="nhsuk-body">
      If you contact us about this, give this reference:{" "}
      <strong id={ELEMENT_ID}>{reference}</strong>
    </p>
  );
}

function referenceRenderedByServer(): string | null {
  if (typeof document === "undefined") return null;
  return document.getElementById(ELEMENT_ID)?.textContent || null;
}
