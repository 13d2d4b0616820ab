import { type AppLoadContext, data, redirect } from "@remix-run/node";
import { reopenSchema } from "~/forms/sheet-plan";
import { reopenAssessment } from "~/models/reopening.server";
import { getAssessment } from "~/models/sheet.server";
import { requireSheetReopener } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { parseForm } from "~/forms/parse";
import { clientIp } from "~/http/request.server";
import { sheetPath } from "~/sheet/paths";
import { readForm } from "~/http/form-body.server";

type Params = { organisationId?: string; periodId?: string };

/** The reopen page: for the place lead or an administrator; anyone else is refused first. */
export async function loadReopenPage(request: Request, params: Params) {
  const sheet = await requireSheetReopener(request, params);
  const assessment = await getAssessment(getDb(), {
    organisationId: sheet.organisation.id,
    periodId: sheet.period.id,
  });
  return {
    path: sheetPath(sheet),
    organisation: { name: sheet.organisation.name },
    period: { label: sheet.period.label },
    reopenable: assessment?.status === "submitted" && sheet.period.status === "open",
  };
}

const refusals = {
  notSubmitted: "This self-assessment is not submitted, so there is nothing to reopen.",
  closed: "This month is closed, so its self-assessment cannot be reopened.",
  notFound: "No self-assessment has been started for this month.",
};

export async function reopen(request: Request, params: Params, context: AppLoadContext) {
  const sheet = await requireSheetReopener(request, params);
  const form = parseForm(reopenSchema, await readForm(request));
  if (!form.success) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = getDb();
  const assessment = await getAssessment(db, {
    organisationId: sheet.organisation.id,
    periodId: sheet.period.id,
  });
  const result = assessment
    ? await reopenAssessment(db, {
        assessmentId: assessment.id,
        reason: form.data.reason,
        actor: { userId: sheet.auth.user.id, ip: clientIp(context), now: new Date() },
      })
    : ({ outcome: "notFound" } as const);
  if (result.outcome !== "reopened") {
    return data(
      { errors: { reason: refusals[result.outcome] }, values: form.values },
      { status: 409 },
    );
  }
  return redirect(`${sheetPath(sheet)}?reopened=1`);
}
