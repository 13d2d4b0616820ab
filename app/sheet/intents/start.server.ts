import { redirect } from "@remix-run/node";
import { componentIds, loadCharter } from "~/charter/content";
import { parseForm } from "~/forms/parse";
import { startSchema } from "~/forms/sheet";
import { startAssessment } from "~/models/sheet.server";
import { type PostContext, refuse } from "./context.server";
import { requireOpenMonth } from "./guards.server";

/** Starts the month under the current charter, copying last month's answers and evidence. */
export async function start(post: PostContext) {
  const form = parseForm(startSchema, post.formData);
  if (!form.success) return refuse({ form: "start", errors: form.errors, values: form.values });
  const open = requireOpenMonth(post);
  if (!open.ok) return open.refusal;
  const charter = loadCharter();
  await startAssessment(post.db, {
    organisationId: post.sheet.organisation.id,
    period: post.sheet.period,
    charterVersion: charter.version,
    componentIds: componentIds(charter),
    actor: post.actor,
  });
  return redirect(post.here);
}
