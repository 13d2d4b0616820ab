import { type AppLoadContext, data, redirect } from "@remix-run/node";
import {
  canDownloadEvidenceBundle,
  canReadOrganisation,
  canReplyToQuery,
  canShareEvidence,
  canVerifyEvidence,
} from "~/access/policy";
import { componentById, componentIds, loadCharter } from "~/charter/content";
import { reviewState, verifiedFulfilledIds } from "~/charter/verification";
import { levelForAssessment } from "~/charter/summary";
import {
  componentAnswerSchema,
  evidenceSchema,
  fieldId,
  removeEvidenceSchema,
  reuseEvidenceSchema,
  startSchema,
  submitSchema,
} from "~/forms/sheet";
import { joinLists } from "~/forms/sheet-plan";
import type { Actor } from "~/models/actor.server";
import type { DomainPrinciples } from "~/models/principles.server";
import {
  addEvidence,
  type NewEvidence,
  removeEvidence,
  reuseEvidence,
  saveAnswer,
} from "~/models/component-answers.server";
import type { Refusal } from "~/models/component-answers.server";
import {
  evidenceSummary,
  getAssessment,
  loadAnswers,
  type SheetAnswer,
  startAssessment,
} from "~/models/sheet.server";
import { listSubmissions, submitAssessment } from "~/models/submissions.server";
import { searchEvidenceLibrary } from "~/models/evidence-files.server";
import { latestByComponent, type ReviewRow, reviewsOfAssessment } from "~/models/reviews.server";
import { notFound, type requireSheetEditor, type requireSheetReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { appConfig } from "~/utils/env.server";
import { chosenFile, storeUploadedEvidence } from "~/evidence/upload.server";
import { readFormWithFile } from "~/http/form-body.server";
import { openQueriesNotice, reopenedNotice } from "~/queries/notice.server";
import { parseForm } from "~/forms/parse";
import { isAutosave, signedOutMessage } from "~/http/autosave.server";
import { clientIp } from "~/http/request.server";
import {
  handlePlanPost,
  loadSheetPlan,
  planIntents,
} from "./organisations.$organisationId_.periods.$periodId.plan.server";

type Sheet = Awaited<ReturnType<typeof requireSheetEditor>>;
type Values = Record<string, string>;

/** What a refused post answers: which form, which component, the errors and what was typed. */
export type SheetActionData = {
  form:
    | "start"
    | "save"
    | "evidence"
    | "reuse"
    | "remove"
    | "submit"
    | "locked"
    | "principles"
    | "action"
    | "removeAction"
    | AutosaveAnswer;
  componentId?: string;
  /** The domain whose principles form was refused. */
  domain?: number;
  errors: Record<string, string>;
  values: Values;
  conflict?: Extract<Refusal, { refused: "conflict" }>["theirs"];
  /** A domain's principles as someone else saved them meanwhile. */
  principles?: DomainPrinciples;
  /** An autosave's success: the version the form now carries, and when. */
  saved?: { version: number; at: string; changesSummary: boolean };
};

/** Only autosave (JavaScript) posts get these: "saved", "session" (signed out), "network". */
type AutosaveAnswer = "saved" | "session" | "network";

const refuse = (body: SheetActionData, status = 400) => data(body, { status });

export const refuseSignedOut = () =>
  refuse({ form: "session", errors: { form: signedOutMessage }, values: {} }, 401);

const lockedMessage =
  "This month's self-assessment can no longer be changed: it has been submitted or the month has closed.";

export function sheetPath(sheet: Pick<Sheet, "organisation" | "period">) {
  return `/organisations/${sheet.organisation.id}/periods/${sheet.period.id}`;
}

/** A component's own page of the month (ADR 026). */
export const componentPath = (here: string, componentId: string) =>
  `${here}/components/${encodeURIComponent(componentId)}`;

/** The posts a component's page takes; the overview takes start, submit and principles. */
export const componentIntents = [
  "save",
  "addEvidence",
  "reuseEvidence",
  "removeEvidence",
  "addAction",
  "removeAction",
] as const;

/** Where a component's page posts from: only its own component is taken. */
export type ComponentScope = { componentId: string };

/** After a component, "Save and continue" goes to the next; after the last, to the overview. */
export function nextPath(here: string, ids: readonly string[], componentId: string) {
  const next = ids[ids.indexOf(componentId) + 1];
  return next ? componentPath(here, next) : `${here}#check-before-submit`;
}

/**
 * Every post of the month: the editor check is done; this parses, writes and
 * answers. With a scope (a component's page) only that component's intents
 * are taken; a post naming another component is refused.
 */
export async function handleSheetPost(
  sheet: Sheet,
  request: Request,
  context: AppLoadContext,
  scope?: ComponentScope,
) {
  const { evidence: evidenceConfig } = appConfig();
  const read = await readFormWithFile(request, evidenceConfig.maxBytes);
  if (!read.ok) {
    // Refused before the form was read: the component comes from the form's address.
    const componentId = new URL(request.url).searchParams.get("component") ?? undefined;
    const body = { form: "evidence", componentId, errors: { file: read.problem } } as const;
    return refuse({ ...body, values: { kind: "file" } }, 413);
  }
  // Ticked checkboxes arrive as several values; the schemas read them as one list.
  const formData = joinLists(read.formData, ["practices", "principles"]);
  const intent = formData.get("intent");
  const db = getDb();
  const actor: Actor = { userId: sheet.auth.user.id, ip: clientIp(context), now: new Date() };
  const here = sheetPath(sheet);

  if (intent === "start") {
    const form = parseForm(startSchema, formData);
    if (!form.success) return refuse({ form: "start", errors: form.errors, values: form.values });
    if (sheet.period.status !== "open") {
      return refuse({ form: "locked", errors: { form: lockedMessage }, values: {} }, 403);
    }
    const charter = loadCharter();
    await startAssessment(db, {
      organisationId: sheet.organisation.id,
      period: sheet.period,
      charterVersion: charter.version,
      componentIds: componentIds(charter),
      actor,
    });
    return redirect(here);
  }

  const known: readonly string[] = scope
    ? componentIntents
    : ["save", "addEvidence", "reuseEvidence", "removeEvidence", "submit", ...planIntents];
  if (typeof intent !== "string" || !known.includes(intent)) {
    return refuse({ form: "start", errors: { form: "Choose what to save" }, values: {} });
  }
  if (scope && formData.get("componentId") !== scope.componentId) {
    const errors = { form: "This page saves only its own component" };
    return refuse({ form: "start", errors, values: {} });
  }
  const assessment = await getAssessment(db, {
    organisationId: sheet.organisation.id,
    periodId: sheet.period.id,
  });
  if (!assessment) {
    return refuse(
      { form: "locked", errors: { form: "Start this month's self-assessment first" }, values: {} },
      409,
    );
  }
  const charter = loadCharter({ version: assessment.charter_version });
  const ids = componentIds(charter);
  const base = { assessmentId: assessment.id, actor };
  if (planIntents.some((i) => i === intent)) {
    const plan = intent as (typeof planIntents)[number];
    return handlePlanPost({
      intent: plan,
      formData,
      assessmentId: assessment.id,
      charter,
      ids,
      actor,
      here,
    });
  }
  // Every write to a component lands on its own page, whichever page sent it.
  const savedAt = (componentId: string, anchor = fieldId(componentId, "block")) =>
    redirect(
      `${componentPath(here, componentId)}?saved=${encodeURIComponent(componentId)}#${anchor}`,
    );

  if (intent === "submit") {
    const form = parseForm(submitSchema, formData);
    if (!form.success) return refuse({ form: "submit", errors: form.errors, values: form.values });
    const result = await submitAssessment(db, {
      ...base,
      componentIds: ids,
      levelOf: (fulfilled) => levelForAssessment(charter.version, fulfilled)?.level ?? null,
    });
    if (result.outcome === "locked") {
      return refuse({ form: "locked", errors: { form: lockedMessage }, values: {} }, 403);
    }
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
    return redirect(`${here}?submitted=1`);
  }

  if (intent === "save") {
    const form = parseForm(componentAnswerSchema(ids), formData);
    const componentId = form.values.componentId;
    if (!form.success) {
      return refuse({ form: "save", componentId, errors: form.errors, values: form.values });
    }
    const practiceCount = componentById(charter, form.data.componentId)?.practices.length ?? 0;
    if (form.data.practices?.some((index) => index >= practiceCount)) {
      const errors = { practices: "Select practices of this component" };
      return refuse({ form: "save", componentId, errors, values: form.values });
    }
    const result = await saveAnswer(db, {
      ...base,
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
    if (isAutosave(request) && result.refused === null) {
      const saved = {
        version: form.data.version + 1,
        at: actor.now.toISOString(),
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
    if (scope && formData.get("then") === "next") {
      return afterWrite(result, () => redirect(nextPath(here, ids, form.data.componentId)));
    }
    return afterWrite(result, () => savedAt(form.data.componentId));
  }

  if (intent === "addEvidence") {
    const form = parseForm(evidenceSchema(ids), formData);
    const componentId = form.values.componentId;
    if (!form.success) {
      return refuse({ form: "evidence", componentId, errors: form.errors, values: form.values });
    }
    const { intent: _intent, componentId: target, ...item } = form.data;
    let file: NewEvidence["file"];
    if (item.kind === "file") {
      const chosen = chosenFile(formData, "file");
      const stored = chosen
        ? await storeUploadedEvidence(db, { file: chosen, dir: evidenceConfig.dir })
        : ({ ok: false, problem: "Select a file to upload" } as const);
      if (!stored.ok) {
        const errors = { file: stored.problem };
        return refuse({ form: "evidence", componentId, errors, values: form.values });
      }
      file = stored.file;
    }
    const result = await addEvidence(db, {
      ...base,
      organisationId: sheet.organisation.id,
      componentId: target,
      item: { ...item, file },
    });
    // Lands on the new item, which takes the focus: the form below is empty again.
    return afterWrite(result, () =>
      savedAt(
        target,
        result.refused === null
          ? fieldId(target, `evidence-item-${result.evidenceItemId}`)
          : undefined,
      ),
    );
  }

  if (intent === "reuseEvidence") {
    const form = parseForm(reuseEvidenceSchema(ids), formData);
    const componentId = form.values.componentId;
    if (!form.success) {
      return refuse({ form: "reuse", componentId, errors: form.errors, values: form.values });
    }
    const result = await reuseEvidence(db, {
      ...base,
      organisationId: sheet.organisation.id,
      componentId: form.data.componentId,
      evidenceItemId: form.data.evidenceId,
    });
    return afterWrite(result, () => savedAt(form.data.componentId));
  }

  const form = parseForm(removeEvidenceSchema(ids), formData);
  const componentId = form.values.componentId;
  if (!form.success) {
    return refuse({ form: "remove", componentId, errors: form.errors, values: form.values });
  }
  const result = await removeEvidence(db, {
    ...base,
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
  return afterWrite(result, () => savedAt(form.data.componentId));
}

function afterWrite(result: { refused: string | null }, onDone: () => Response) {
  if (result.refused === "locked") {
    return refuse({ form: "locked", errors: { form: lockedMessage }, values: {} }, 403);
  }
  if (result.refused === "notFound") notFound();
  return onDone();
}

const omitHash = <T extends { fileSha256: unknown }>({ fileSha256: _hash, ...rest }: T) => rest;

/** How many of the library's items a component's page lists at once; more asks for a search. */
export const LIBRARY_SHOWN = 20;

/**
 * Everything the month's pages show, whether it can be changed, and the live
 * level. The evidence library is loaded only for a component's page
 * (`library`), the one place it is offered (ADR 026).
 */
export async function loadSheet(
  sheet: Awaited<ReturnType<typeof requireSheetReader>>,
  options: { library?: { componentId: string; query: string } } = {},
) {
  const db = getDb();
  const assessment = await getAssessment(db, {
    organisationId: sheet.organisation.id,
    periodId: sheet.period.id,
  });
  // An assessment is shown against the charter it was made under; a new one, the current.
  const charter = loadCharter(assessment ? { version: assessment.charter_version } : {});
  const answers = assessment ? await loadAnswers(db, { assessmentId: assessment.id }) : new Map();
  const fulfilled = [...answers.values()]
    .filter((a: SheetAnswer) => a.status === "fulfilled")
    .map((a: SheetAnswer) => a.componentId);
  const open = sheet.period.status === "open";
  const { principal } = sheet.auth;
  const reviews = assessment
    ? latestByComponent(await reviewsOfAssessment(db, { assessmentId: assessment.id }))
    : new Map<string, ReviewRow>();
  const reviewed = [...answers.values()].map((a: SheetAnswer) => {
    const review = reviews.get(a.componentId);
    const latestReview = review
      ? { verdict: review.verdict, answerVersion: review.answerVersion }
      : null;
    return { componentId: a.componentId, status: a.status, version: a.version, latestReview };
  });
  const reviewViews = new Map(
    reviewed.map((a) => {
      const review = reviews.get(a.componentId);
      return [
        a.componentId,
        review
          ? {
              state: reviewState(a),
              comment: review.comment,
              reviewerName: review.reviewerName,
              date: review.createdAt.slice(0, 10),
            }
          : null,
      ];
    }),
  );
  const canShare = canShareEvidence(principal, sheet.organisation);
  return {
    path: sheetPath(sheet),
    // Browser drafts are keyed by who typed them, so nobody else signing in here sees them.
    userId: sheet.auth.user.id,
    organisation: { id: sheet.organisation.id, name: sheet.organisation.name },
    period: { id: sheet.period.id, label: sheet.period.label, open },
    charter: {
      version: charter.version,
      domains: charter.domains.map((d) => ({
        number: d.number,
        title: d.title,
        components: d.components.map((c) => ({
          id: c.id,
          title: c.title,
          practices: [...c.practices],
          // The slides' outcome measure for the domain, offered when adding a measure.
          suggestedMeasures: [...d.outcomeMeasures],
        })),
      })),
    },
    componentIds: componentIds(charter),
    levelNames: Object.fromEntries(charter.levels.map((l) => [l.id, l.name])),
    assessment: assessment
      ? { id: assessment.id, status: assessment.status, submittedAt: assessment.submitted_at }
      : null,
    answers: Object.fromEntries(
      [...answers.values()].map((a: SheetAnswer) => [
        a.componentId,
        {
          status: a.status,
          answered: a.answered,
          opportunities: a.opportunities,
          practicesInPlace: a.practicesInPlace,
          version: a.version,
          evidence: a.evidence.map((e) => ({
            // The page needs no hashes: files are reached by their item's download link.
            ...omitHash(evidenceSummary(e)),
            href:
              e.kind === "file" ? `/organisations/${sheet.organisation.id}/evidence/${e.id}` : null,
            shared: e.shared_at !== null,
          })),
          review: reviewViews.get(a.componentId) ?? null,
        },
      ]),
    ),
    editable: sheet.canEdit && open && assessment?.status === "draft",
    canStart: sheet.canEdit && open && !assessment,
    level: assessment ? levelForAssessment(assessment.charter_version, fulfilled) : null,
    verifiedLevel: assessment
      ? levelForAssessment(assessment.charter_version, verifiedFulfilledIds(reviewed))
      : null,
    evidenceMaxMegabytes: Math.floor(appConfig().evidence.maxBytes / (1024 * 1024)),
    can: {
      verify: canVerifyEvidence(principal, sheet.organisation),
      share: canShare,
      downloadBundle: canDownloadEvidenceBundle(principal, sheet.organisation),
    },
    // Champions reuse their organisation's evidence on other components.
    library:
      options.library && sheet.canEdit && open && assessment?.status === "draft"
        ? {
            query: options.library.query,
            ...(await searchEvidenceLibrary(db, {
              organisationId: sheet.organisation.id,
              query: options.library.query,
              excludeIds: (answers.get(options.library.componentId)?.evidence ?? []).map(
                (e: { id: number }) => e.id,
              ),
              limit: LIBRARY_SHOWN,
            })),
          }
        : null,
    submissions: assessment ? await listSubmissions(db, { assessmentId: assessment.id }) : [],
    plan: await loadSheetPlan({ sheet, assessment, answers, charter }),
    // Queries answered without reopening (issue 11, part 6): two notices, kept apart to re-home.
    openQueries: {
      items: canReadOrganisation(principal, sheet.organisation)
        ? await openQueriesNotice(db, {
            organisationId: sheet.organisation.id,
            periodId: sheet.period.id,
          })
        : [],
      mayReply: canReplyToQuery(principal, sheet.organisation),
    },
    reopened: await reopenedNotice(db, { assessmentId: assessment?.id ?? null }),
  };
}
