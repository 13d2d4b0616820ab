import type { ClientActionFunctionArgs, ShouldRevalidateFunction } from "@remix-run/react";
import type { SheetActionData } from "./types";

export const networkMessage =
  "The server could not be reached, so this was not saved. Your changes are kept in this browser: check your connection and save again.";

/**
 * Every post of the sheet goes to the server as before; only a failed
 * connection is answered here, as data the form shows beside itself, instead
 * of replacing the sheet (and what was typed) with the error page.
 * Redirects and the server's own errors pass through unchanged.
 */
export async function sheetClientAction({
  serverAction,
}: ClientActionFunctionArgs): Promise<SheetActionData> {
  try {
    return await serverAction<SheetActionData>();
  } catch (error) {
    // fetch rejects with a TypeError when the request never got an answer.
    if (!(error instanceof TypeError)) throw error;
    return { form: "network", errors: { form: networkMessage }, values: {} };
  }
}

/**
 * A refused post changed nothing, so the sheet is not reloaded after it, as
 * Remix does by itself for a 4xx without a client action. Reloading after a
 * signed-out autosave would even redirect the page to sign in, away from
 * what was typed.
 */
export const sheetShouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => {
  const answer = actionResult as Partial<SheetActionData> | undefined;
  if (answer && typeof answer === "object" && answer.form && answer.form !== "saved") return false;
  // An autosave answers with the version the form now holds; the rest of the
  // sheet is reloaded only when the save changed what it shows (ADR 025).
  if (answer?.form === "saved" && answer.saved && !answer.saved.changesSummary) return false;
  return defaultShouldRevalidate;
};

/**
 * The layout shows who is signed in and their menu: an autosave changes
 * neither, so it does not cost a second request for the root's loader.
 */
export const rootShouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => {
  const answer = actionResult as Partial<SheetActionData> | undefined;
  if (answer?.form === "saved") return false;
  return defaultShouldRevalidate;
};
