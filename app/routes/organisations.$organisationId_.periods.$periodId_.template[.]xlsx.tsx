import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadCharter } from "~/charter/content";
import { sheetTemplate } from "~/excel/template.server";
import { refusal } from "~/http/refusal";
import { loadPrinciples } from "~/models/principles.server";
import { listActions } from "~/models/progression-actions.server";
import { getAssessment, loadAnswers } from "~/models/sheet.server";
import { frozenSheet } from "~/models/submission-snapshot.server";
import { requireSheetReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { documentMarking } from "~/models/settings.server";
import { attachmentHeaders } from "~/http/downloads.server";
import { absoluteUrl } from "~/email/links.server";

/**
 * The month's reporting sheet as an Excel workbook: pre-filled with its
 * answers (blank if not started), for whoever reads the sheet; its champions
 * fill it offline and import it on the import page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const sheet = await requireSheetReader(request, params);
  const { organisation, period } = sheet;
  const db = getDb();
  const assessment = await getAssessment(db, {
    organisationId: organisation.id,
    periodId: period.id,
  });
  const charter = loadCharter(assessment ? { version: assessment.charter_version } : {});
  const submissionId = new URL(request.url).searchParams.get("submission");
  const marking = (await documentMarking(db)) ?? undefined;
  if (submissionId !== null) {
    const frozen =
      assessment && /^\d{1,12}$/.test(submissionId)
        ? await frozenSheet(db, { assessmentId: assessment.id, submissionId: Number(submissionId) })
        : undefined;
    if (!frozen || !assessment) {
      throw refusal(404, "There is no such submission of this month: choose one from the sheet.");
    }
    const bytes = await sheetTemplate({
      charter,
      organisation,
      period,
      assessment: { id: assessment.id, status: assessment.status },
      answers: new Map(frozen.answers.map((a) => [a.componentId, a])),
      frozen: { submittedAt: frozen.submittedAt },
      plan: { principles: frozen.principles, actions: frozen.actions },
      outcomes: frozen.outcomes.map((o) => ({
        ...o,
        saved: o,
        last: null,
      })),
      importPath: "",
      now: new Date(),
      marking,
    });
    return new Response(new Uint8Array(bytes), {
      headers: attachmentHeaders({
        fileName: `${organisation.name} ${period.label} as submitted.xlsx`,
        mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        size: bytes.length,
      }),
    });
  }
  const [answers, principles, actions] = assessment
    ? await Promise.all([
        loadAnswers(db, { assessmentId: assessment.id }),
        loadPrinciples(db, { assessmentId: assessment.id }),
        listActions(db, { assessmentId: assessment.id }),
      ])
    : [new Map(), {}, {}];
  const path = `/organisations/${organisation.id}/periods/${period.id}`;
  const bytes = await sheetTemplate({
    charter,
    organisation,
    period,
    assessment: assessment ? { id: assessment.id, status: assessment.status } : null,
    answers,
    plan: { principles, actions },
    importPath: absoluteUrl(`${path}/import`),
    now: new Date(),
    marking,
  });
  return new Response(new Uint8Array(bytes), {
    headers: attachmentHeaders({
      fileName: `${organisation.name} ${period.label} sheet.xlsx`,
      mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      size: bytes.length,
    }),
  });
}
