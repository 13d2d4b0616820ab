import { data, redirect } from "@remix-run/node";
import { canReopenAssessment } from "~/access/policy";
import { changesSince } from "~/charter/changes";
import type { Charter } from "~/charter/schema";
import { fieldId } from "~/forms/sheet";
import {
  addActionSchema,
  principlesFieldId,
  principlesSchema,
  removeActionSchema,
} from "~/forms/sheet-plan";
import type { Actor } from "~/models/actor.server";
import { loadPrinciples, savePrinciples } from "~/models/principles.server";
import { addAction, listActions, removeAction } from "~/models/progression-actions.server";
import { baselineSubmission } from "~/models/reopening.server";
import type { SheetAnswer } from "~/models/sheet.server";
import type { Assessment } from "../../db/schema";
import { notFound, type requireSheetReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { parseForm } from "~/forms/parse";
import type { SheetActionData } from "./organisations.$organisationId_.periods.$periodId.server";

/**
 * The sheet as an improvement plan: cross-cutting principles per domain and
 * progression actions (posts), and what the page shows of them, of what
 * changed since the last submission, and whether this person may reopen it.
 */

export const planIntents = ["savePrinciples", "addAction", "removeAction"] as const;

const refuse = (body: SheetActionData, status = 400) => data(body, { status });
const lockedMessage =
  "This month's self-assessment can no longer be changed: it has been submitted or the month has closed.";

export async function handlePlanPost(args: {
  intent: (typeof planIntents)[number];
  formData: FormData;
  assessmentId: number;
  charter: Charter;
  ids: string[];
  actor: Actor;
  here: string;
}) {
  const { formData, assessmentId, charter, ids, actor, here } = args;
  const db = getDb();
  const locked = () => refuse({ form: "locked", errors: { form: lockedMessage }, values: {} }, 403);

  if (args.intent === "savePrinciples") {
    const domains = charter.domains.map((d) => d.number);
    const form = parseForm(
      principlesSchema(domains, charter.crossCuttingPrinciples.length),
      formData,
    );
    const domain = Number(form.values.domain);
    if (!form.success) {
      // Keyed by element id, so the error summary links straight to the field.
      const errors = Object.fromEntries(
        Object.entries(form.errors).map(([f, m]) => [principlesFieldId(domain, f), m]),
      );
      return refuse({ form: "principles", domain, errors, values: form.values });
    }
    const result = await savePrinciples(db, {
      assessmentId,
      domainNumber: form.data.domain,
      expectedVersion: form.data.version,
      principlesInPlace: form.data.principles,
      note: form.data.note,
      actor,
    });
    if (result.refused === "locked") return locked();
    if (result.refused === "conflict") {
      return refuse(
        { form: "principles", domain, errors: {}, values: form.values, principles: result.theirs },
        409,
      );
    }
    return redirect(`${here}?savedPrinciples=${domain}#${principlesFieldId(domain, "block")}`);
  }

  const schema = args.intent === "addAction" ? addActionSchema(ids) : removeActionSchema(ids);
  const form = parseForm(schema, formData);
  const componentId = form.values.componentId;
  const which = args.intent === "addAction" ? "action" : "removeAction";
  if (!form.success) {
    return refuse({ form: which, componentId, errors: form.errors, values: form.values });
  }
  const result =
    form.data.intent === "addAction"
      ? await addAction(db, { assessmentId, actor, ...form.data })
      : await removeAction(db, { assessmentId, actor, ...form.data });
  if (result.refused === "locked") return locked();
  if (result.refused === "notFound") notFound();
  // The actions are on the component's own page (ADR 026).
  const page = `${here}/components/${encodeURIComponent(form.data.componentId)}`;
  return redirect(
    `${page}?saved=${encodeURIComponent(form.data.componentId)}#${fieldId(form.data.componentId, "actions")}`,
  );
}

/** What the sheet shows of the plan, the changes since the last submission, and reopening. */
export async function loadSheetPlan(args: {
  sheet: Awaited<ReturnType<typeof requireSheetReader>>;
  assessment: Assessment | undefined;
  answers: Map<string, SheetAnswer>;
  charter: Charter;
}) {
  const { sheet, assessment, charter } = args;
  const db = getDb();
  const principleList = charter.crossCuttingPrinciples.map((p) => ({
    number: p.number,
    summary: p.summary,
  }));
  if (!assessment) {
    return {
      principleList,
      principles: {},
      actions: {},
      changes: {},
      baseline: null,
      canReopen: false,
    };
  }
  const baseline = await baselineSubmission(db, {
    assessmentId: assessment.id,
    organisationId: sheet.organisation.id,
    periodStartsOn: sheet.period.starts_on,
  });
  const comparable = (a: {
    componentId: string;
    status: string;
    opportunities: string;
    evidence: Array<{ id: number }>;
  }) => ({
    componentId: a.componentId,
    status: a.status,
    opportunities: a.opportunities,
    evidenceIds: a.evidence.map((e) => e.id),
  });
  return {
    principleList,
    principles: await loadPrinciples(db, { assessmentId: assessment.id }),
    actions: await listActions(db, { assessmentId: assessment.id }),
    changes: baseline
      ? changesSince([...args.answers.values()].map(comparable), baseline.answers.map(comparable))
      : {},
    baseline: baseline
      ? { periodLabel: baseline.periodLabel, submittedAt: baseline.submittedAt }
      : null,
    canReopen:
      canReopenAssessment(sheet.auth.principal, sheet.organisation) &&
      assessment.status === "submitted" &&
      sheet.period.status === "open",
  };
}
