import { redirect } from "@remix-run/node";
import { levelForAssessment } from "~/charter/summary";
import { parseForm } from "~/forms/parse";
import { fieldId, submitSchema } from "~/forms/sheet";
import { submitAssessment } from "~/models/submissions.server";
import { type PostContext, refuse, refuseLocked } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/** Submits the month once every component is answered; the level is fixed with it. */
export async function submit(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { assessmentId, charter, ids } = started.month;
  const form = parseForm(submitSchema, post.formData);
  if (!form.success) return refuse({ form: "submit", errors: form.errors, values: form.values });
  const result = await submitAssessment(post.db, {
    assessmentId,
    actor: post.actor,
    componentIds: ids,
    levelOf: (fulfilled) => levelForAssessment(charter.version, fulfilled)?.level ?? null,
  });
  if (result.outcome === "locked") return refuseLocked();
  if (result.outcome === "incomplete") {
    const titles = new Map(
      charter.domains.flatMap((d) => d.components.map((c) => [c.id, c.title] as const)),
    );
    const errors = Object.fromEntries(
      result.missing.map((id) => [
        fieldId(id, "status"),
        `${id} ${titles.get(id) ?? ""}: answer it (Not started, In progress or Fulfilled) before submitting`,
      ]),
    );
    return refuse({ form: "submit", errors, values: {} });
  }
  // Submitted now or already: either way the sheet shows the submission once.
  return redirect(`${post.here}?submitted=1`);
}
