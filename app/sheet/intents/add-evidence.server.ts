import { chosenFile, storeUploadedEvidence } from "~/evidence/upload.server";
import { parseForm } from "~/forms/parse";
import { evidenceSchema, fieldId } from "~/forms/sheet";
import {
  addEvidence as addEvidenceItem,
  type NewEvidence,
} from "~/models/component-answers.server";
import { appConfig } from "~/utils/env.server";
import { afterWrite, type PostContext, refuse, savedAt } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/**
 * Adds a piece of evidence to a component: a narrative, a link, a measure, or
 * a file, which is checked by its content and stored once by its hash (ADR 010).
 */
export async function addEvidence(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { assessmentId, ids } = started.month;
  const form = parseForm(evidenceSchema(ids), post.formData);
  const componentId = form.values.componentId;
  if (!form.success) {
    return refuse({ form: "evidence", componentId, errors: form.errors, values: form.values });
  }
  const { intent: _intent, componentId: target, ...item } = form.data;
  let file: NewEvidence["file"];
  if (item.kind === "file") {
    const chosen = chosenFile(post.formData, "file");
    const stored = chosen
      ? await storeUploadedEvidence(post.db, { file: chosen, dir: appConfig().evidence.dir })
      : ({ ok: false, problem: "Select a file to upload" } as const);
    if (!stored.ok) {
      const errors = { file: stored.problem };
      return refuse({ form: "evidence", componentId, errors, values: form.values });
    }
    file = stored.file;
  }
  const result = await addEvidenceItem(post.db, {
    assessmentId,
    actor: post.actor,
    organisationId: post.sheet.organisation.id,
    componentId: target,
    item: { ...item, file },
  });
  // Lands on the new item, which takes the focus: the form below is empty again.
  return afterWrite(result, () =>
    savedAt(
      post.here,
      target,
      result.refused === null
        ? fieldId(target, `evidence-item-${result.evidenceItemId}`)
        : undefined,
    ),
  );
}
