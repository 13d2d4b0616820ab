import { parseForm } from "~/forms/parse";
import { reuseEvidenceSchema } from "~/forms/sheet";
import { reuseEvidence as reuseEvidenceItem } from "~/models/component-answers.server";
import { afterWrite, type PostContext, refuse, savedAt } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/** Puts evidence the organisation already has (a document, say) on another component. */
export async function reuseEvidence(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { assessmentId, ids } = started.month;
  const form = parseForm(reuseEvidenceSchema(ids), post.formData);
  const componentId = form.values.componentId;
  if (!form.success) {
    return refuse({ form: "reuse", componentId, errors: form.errors, values: form.values });
  }
  const result = await reuseEvidenceItem(post.db, {
    assessmentId,
    actor: post.actor,
    organisationId: post.sheet.organisation.id,
    componentId: form.data.componentId,
    evidenceItemId: form.data.evidenceId,
  });
  return afterWrite(result, () => savedAt(post.here, form.data.componentId));
}
