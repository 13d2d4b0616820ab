import type { AppLoadContext } from "@remix-run/node";
import type { requireSheetEditor } from "~/auth/guards.server";
import { joinLists } from "~/forms/sheet-plan";
import { signedOutMessage } from "~/http/autosave.server";
import { readFormWithFile } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { getDb } from "~/models/db.server";
import { appConfig } from "~/utils/env.server";
import { addAction } from "./intents/add-action.server";
import { addEvidence } from "./intents/add-evidence.server";
import {
  type ComponentScope,
  type Intent,
  type OutcomesScope,
  type PostContext,
  refuse,
} from "./intents/context.server";
import { removeAction } from "./intents/remove-action.server";
import { removeEvidence } from "./intents/remove-evidence.server";
import { reuseEvidence } from "./intents/reuse-evidence.server";
import { saveAnswer } from "./intents/save-answer.server";
import { saveOutcomeFigures } from "./intents/save-figures.server";
import { savePrinciples } from "./intents/save-principles.server";
import { start } from "./intents/start.server";
import { submit } from "./intents/submit.server";
import { sheetPath } from "./paths";

/** What a component's page takes: its own component's answer, evidence and actions. */
const onComponentPage = new Map<string, Intent>([
  ["save", saveAnswer],
  ["addEvidence", addEvidence],
  ["reuseEvidence", reuseEvidence],
  ["removeEvidence", removeEvidence],
  ["addAction", addAction],
  ["removeAction", removeAction],
]);

/** What the overview takes: the same (the long sheet's forms), submitting and principles. */
const onOverview = new Map<string, Intent>([
  ["save", saveAnswer],
  ["addEvidence", addEvidence],
  ["reuseEvidence", reuseEvidence],
  ["removeEvidence", removeEvidence],
  ["submit", submit],
  ["savePrinciples", savePrinciples],
  ["addAction", addAction],
  ["removeAction", removeAction],
]);

/** What the month's outcomes page takes: its figures (ADR 040). */
const onOutcomesPage = new Map<string, Intent>([["saveFigures", saveOutcomeFigures]]);

/** An autosave whose session has ended: the page keeps the typing and says so (ADR 013). */
export const refuseSignedOut = () =>
  refuse({ form: "session", errors: { form: signedOutMessage }, values: {} }, 401);

/**
 * Every post of the month, from its overview or (with a scope) a component's
 * page: the route has checked the person is a champion; this reads the form
 * and hands it to the one intent it names, which parses, guards and writes.
 * A component's page takes only its own component's intents.
 */
export async function handleSheetPost(
  sheet: Awaited<ReturnType<typeof requireSheetEditor>>,
  request: Request,
  context: AppLoadContext,
  scope?: ComponentScope | OutcomesScope,
) {
  const read = await readFormWithFile(request, appConfig().evidence.maxBytes);
  if (!read.ok) {
    // Refused before the form was read: the component comes from the form's address.
    const componentId = new URL(request.url).searchParams.get("component") ?? undefined;
    const body = { form: "evidence", componentId, errors: { file: read.problem } } as const;
    return refuse({ ...body, values: { kind: "file" } }, 413);
  }
  const post: PostContext = {
    db: getDb(),
    sheet,
    request,
    // Ticked checkboxes arrive as several values; the schemas read them as one list.
    formData: joinLists(read.formData, ["practices", "principles"]),
    actor: { userId: sheet.auth.user.id, ip: clientIp(context), now: new Date() },
    here: sheetPath(sheet),
    scope,
  };
  const name = post.formData.get("intent");
  // Either page may start the month: a component's page sends people to the overview until then.
  if (name === "start") return start(post);
  const intents =
    scope === undefined ? onOverview : "outcomes" in scope ? onOutcomesPage : onComponentPage;
  const intent = typeof name === "string" ? intents.get(name) : null;
  if (!intent)
    return refuse({ form: "start", errors: { form: "Choose what to save" }, values: {} });
  if (scope && "componentId" in scope && post.formData.get("componentId") !== scope.componentId) {
    const errors = { form: "This page saves only its own component" };
    return refuse({ form: "start", errors, values: {} });
  }
  return intent(post);
}
