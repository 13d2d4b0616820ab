import { parseForm } from "~/forms/parse";
import { removeEvidenceSchema } from "~/forms/sheet";
import { removeEvidence as removeEvidenceItem } from "~/models/component-answers.server";
import { afterWrite, type PostContext, refuse, savedAt } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/** Takes a piece of evidence off a component; a fulfilled component keeps at least one. */
export async function removeEvidence(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { assessmentId, ids } = started.month;
  const form = parseForm(removeEvidenceSchema(ids), post.formData);
  const componentId = form.values.componentId;
  if (!form.success) {
    return refuse({ form: "remove", componentId, errors: form.errors, values: form.values });
  }
  const result = await removeEvidenceItem(post.db, {
    assessmentId,
    actor: post.actor,
    componentId: form.data.componentId,
    evidenceItemId: form.data.evidenceId,
  });
  if (result.refused === "lastEvidence") {
    const errors = {
      evidence:
        "A fulfilled component needs at least one piece of evidence: change its status before removing the last one",
    };
    return refuse({ form: "remove", componentId, errors, values: form.values });
  }
  return afterWrite(result, () => savedAt(post.here, form.data.componentId));
}
