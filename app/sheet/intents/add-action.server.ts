import { parseForm } from "~/forms/parse";
import { fieldId } from "~/forms/sheet";
import { addActionSchema } from "~/forms/sheet-plan";
import { addAction as addProgressionAction } from "~/models/progression-actions.server";
import { afterWrite, type PostContext, refuse, savedAt } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/** Adds a progression action to a component's plan; it lands on the component's page. */
export async function addAction(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { assessmentId, ids } = started.month;
  const form = parseForm(addActionSchema(ids), post.formData);
  const componentId = form.values.componentId;
  if (!form.success) {
    return refuse({ form: "action", componentId, errors: form.errors, values: form.values });
  }
  const result = await addProgressionAction(post.db, {
    assessmentId,
    actor: post.actor,
    ...form.data,
  });
  const { componentId: target } = form.data;
  return afterWrite(result, () => savedAt(post.here, target, fieldId(target, "actions")));
}
