import { parseForm } from "~/forms/parse";
import { fieldId } from "~/forms/sheet";
import { removeActionSchema } from "~/forms/sheet-plan";
import { removeAction as removeProgressionAction } from "~/models/progression-actions.server";
import { afterWrite, type PostContext, refuse, savedAt } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/** Removes a progression action (done, or no longer wanted) from a component's plan. */
export async function removeAction(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { assessmentId, ids } = started.month;
  const form = parseForm(removeActionSchema(ids), post.formData);
  const componentId = form.values.componentId;
  if (!form.success) {
    return refuse({ form: "removeAction", componentId, errors: form.errors, values: form.values });
  }
  const result = await removeProgressionAction(post.db, {
    assessmentId,
    actor: post.actor,
    ...form.data,
  });
  const { componentId: target } = form.data;
  return afterWrite(result, () => savedAt(post.here, target, fieldId(target, "actions")));
}
