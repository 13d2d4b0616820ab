import { data, redirect } from "@remix-run/node";
import { componentById } from "~/charter/content";
import { parseForm } from "~/forms/parse";
import { componentAnswerSchema } from "~/forms/sheet";
import { isAutosave } from "~/http/autosave.server";
import { saveAnswer as saveComponentAnswer } from "~/models/component-answers.server";
import type { SheetActionData } from "../action-data";
import { nextPath } from "../paths";
import { afterWrite, type PostContext, refuse, savedAt } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/**
 * Saves one component's answer: status, opportunities, practices in place.
 * The version it was read at guards against overwriting someone else's save
 * (ADR 009): a conflict answers 409 with theirs, for the conflict panel. An
 * autosave (`?autosave=1`, ADR 013) is answered as data, never a redirect.
 */
export async function saveAnswer(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { assessmentId, charter, ids } = started.month;
  const form = parseForm(componentAnswerSchema(ids), post.formData);
  const componentId = form.values.componentId;
  if (!form.success) {
    return refuse({ form: "save", componentId, errors: form.errors, values: form.values });
  }
  const practiceCount = componentById(charter, form.data.componentId)?.practices.length ?? 0;
  if (form.data.practices?.some((index) => index >= practiceCount)) {
    const errors = { practices: "Select practices of this component" };
    return refuse({ form: "save", componentId, errors, values: form.values });
  }
  const result = await saveComponentAnswer(post.db, {
    assessmentId,
    actor: post.actor,
    componentId: form.data.componentId,
    expectedVersion: form.data.version,
    status: form.data.status,
    opportunities: form.data.opportunities,
    practicesInPlace: form.data.practices,
  });
  if (result.refused === "conflict") {
    return refuse(
      { form: "save", componentId, errors: {}, values: form.values, conflict: result.theirs },
      409,
    );
  }
  if (result.refused === "needsEvidence") {
    const errors = {
      status: "Add at least one piece of evidence before marking this component fulfilled",
    };
    return refuse({ form: "save", componentId, errors, values: form.values });
  }
  if (isAutosave(post.request) && result.refused === null) {
    const saved = {
      version: result.version,
      at: post.actor.now.toISOString(),
      changesSummary: result.changesSummary,
    };
    return data<SheetActionData>({
      form: "saved",
      componentId,
      errors: {},
      values: form.values,
      saved,
    });
  }
  // "Save and continue" goes on to the next component, or back to the overview after the last.
  if (post.scope && post.formData.get("then") === "next") {
    return afterWrite(result, () => redirect(nextPath(post.here, ids, form.data.componentId)));
  }
  return afterWrite(result, () => savedAt(post.here, form.data.componentId));
}
