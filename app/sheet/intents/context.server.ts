import { data, redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { notFound, type requireSheetEditor } from "~/auth/guards.server";
import { fieldId } from "~/forms/sheet";
import type { Actor } from "~/models/actor.server";
import type { SheetActionData } from "../action-data";
import { componentPath } from "../paths";

/**
 * What every intent of the month receives, and the answers they share. The
 * route has checked that the person is the organisation's champion; each
 * intent parses its own form, checks its own guard, writes and answers.
 */
export type PostContext = {
  db: Kysely<Database>;
  sheet: Awaited<ReturnType<typeof requireSheetEditor>>;
  request: Request;
  /** The form as read, ticked checkboxes already joined into one value (joinLists). */
  formData: FormData;
  actor: Actor;
  /** The month's overview: the addresses every answer is built from. */
  here: string;
  /** Set when the post comes from a component's own page, which takes only that component. */
  scope?: ComponentScope | OutcomesScope;
};

/** Where a component's page posts from: only its own component is taken. */
export type ComponentScope = { componentId: string };

/** Where the month's outcomes page posts from: only its figures are taken. */
export type OutcomesScope = { outcomes: true };

/** A refused post: nothing was written, and the page shows why beside the form. */
export const refuse = (body: SheetActionData, status = 400) => data(body, { status });

/** One intent: its answer is a redirect after a write, or data (a refusal, an autosave). */
export type Intent = (post: PostContext) => Promise<Response | ReturnType<typeof refuse>>;

export const lockedMessage =
  "This month's self-assessment can no longer be changed: it has been submitted or the month has closed.";

export const refuseLocked = () =>
  refuse({ form: "locked", errors: { form: lockedMessage }, values: {} }, 403);

/** After a model's write: a locked month is refused, a missing item is not found, else `onDone`. */
export function afterWrite(result: { refused: string | null }, onDone: () => Response) {
  if (result.refused === "locked") return refuseLocked();
  if (result.refused === "notFound") notFound();
  return onDone();
}

/** Every write to a component lands on its own page, whichever page sent it. */
export const savedAt = (
  here: string,
  componentId: string,
  anchor = fieldId(componentId, "block"),
) =>
  redirect(
    `${componentPath(here, componentId)}?saved=${encodeURIComponent(componentId)}#${anchor}`,
  );
