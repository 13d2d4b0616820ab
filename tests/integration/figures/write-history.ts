import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { type Action, type History, monthDates, type OrgMonth, type Review } from "./history";

/** The ids a written history got, in the history's own order. */
export type Written = {
  systemId: number;
  placeIds: number[];
  organisationIds: number[];
  /** In the history's month order (newest first). */
  periodIds: number[];
};

/**
 * Writes a generated history into the database as the app's own tables hold
 * it: a system of its own (so histories never meet), its places,
 * organisations and months, and per organisation and month the assessment,
 * its 16 answers with evidence and reviews, its submissions with the plan
 * frozen as sent, and the live plan. One transaction: a multi-row write.
 */
export async function writeHistory(
  db: Kysely<Database>,
  history: History,
  args: { componentIds: readonly string[]; charterVersion: string; userId: number; run: number },
): Promise<Written> {
  return db.transaction().execute(async (trx) => {
    const insertId = async (query: { executeTakeFirstOrThrow: () => Promise<{ id: number }> }) =>
      (await query.executeTakeFirstOrThrow()).id;

    const systemId = await insertId(
      trx
        .insertInto("system")
        .values({ name: `Generated system ${args.run}` })
        .returning("id"),
    );
    const placeIds: number[] = [];
    for (let p = 0; p < history.places; p += 1)
      placeIds.push(
        await insertId(
          trx
            .insertInto("place")
            .values({ system_id: systemId, name: `Place ${p + 1}` })
            .returning("id"),
        ),
      );
    const organisationIds: number[] = [];
    for (const [i, place] of history.organisations.entries())
      organisationIds.push(
        await insertId(
          trx
            .insertInto("organisation")
            .values({
              system_id: systemId,
              place_id: place === null ? null : placeIds[place]!,
              name: `Organisation ${String.fromCharCode(65 + i)}`,
              type: "nhs_trust",
            })
            .returning("id"),
        ),
      );
    const periodIds: number[] = [];
    for (const month of history.months) {
      const dates = monthDates(month);
      periodIds.push(
        await insertId(
          trx
            .insertInto("assessment_period")
            .values({
              system_id: systemId,
              label: dates.label,
              starts_on: dates.startsOn,
              ends_on: dates.endsOn,
              status: month.status,
              due_on: dates.dueOn,
            })
            .returning("id"),
        ),
      );
    }

    for (const [o, organisationId] of organisationIds.entries()) {
      // Three evidence items per organisation, which answers cite by index.
      const items: number[] = [];
      for (let e = 0; e < 3; e += 1)
        items.push(
          await insertId(
            trx
              .insertInto("evidence_item")
              .values({
                organisation_id: organisationId,
                kind: "narrative",
                title: `Item ${e + 1}`,
                body: "Generated",
              })
              .returning("id"),
          ),
        );
      for (const [m, periodId] of periodIds.entries()) {
        const month = history.returns[o]![m]!;
        if (month.kind === "none") continue;
        await writeReturn(trx, month, { ...args, organisationId, periodId, items });
      }
    }
    return { systemId, placeIds, organisationIds, periodIds };
  });
}

async function writeReturn(
  trx: Kysely<Database>,
  month: OrgMonth,
  args: {
    componentIds: readonly string[];
    charterVersion: string;
    userId: number;
    organisationId: number;
    periodId: number;
    items: readonly number[];
  },
) {
  const submitted = month.kind === "submitted" || month.kind === "resubmitted";
  const { id: assessmentId } = await trx
    .insertInto("assessment")
    .values({
      organisation_id: args.organisationId,
      period_id: args.periodId,
      charter_version: args.charterVersion,
      status: submitted ? "submitted" : "draft",
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const answerIds: number[] = [];
  for (const [c, answer] of month.answers.entries()) {
    const { id } = await trx
      .insertInto("component_answer")
      .values({
        assessment_id: assessmentId,
        component_id: args.componentIds[c]!,
        status: answer.status,
        opportunities: "",
        version: answer.version,
        answered_at: "2025-01-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    answerIds.push(id);
    const own = answer.evidence.map((i) => args.items[i]!);
    for (const item of own)
      await trx
        .insertInto("component_evidence")
        .values({ component_answer_id: id, evidence_item_id: item })
        .execute();
    for (const review of answer.reviews)
      await trx
        .insertInto("component_review")
        .values({
          component_answer_id: id,
          answer_version: review.stale ? answer.version - 1 : answer.version,
          reviewer_id: args.userId,
          verdict: review.verdict,
          comment: "",
          evidence_key: keyFor(review, own, args.items),
        })
        .execute();
  }

  const plan = (actions: readonly Action[]) => {
    const byComponent: Record<string, object[]> = {};
    for (const [n, a] of actions.entries())
      (byComponent[args.componentIds[a.componentIndex]!] ??= []).push({
        id: n + 1,
        description: `Action ${n + 1}`,
        owner: null,
        targetDate: a.targetDate,
      });
    return byComponent;
  };
  const submissions =
    month.kind === "resubmitted"
      ? [month.actionsSentFirst, month.actionsSent]
      : month.kind === "draft"
        ? []
        : [month.actionsSent];
  for (const actions of submissions)
    await trx
      .insertInto("assessment_submission")
      .values({
        assessment_id: assessmentId,
        submitted_by: args.userId,
        level: null,
        snapshot: JSON.stringify({
          answers: [],
          principles: {},
          actions: plan(actions),
          outcomes: [],
        }),
      })
      .execute();

  // The live plan: what was sent, and (in a draft or a reopened month) what was added since.
  const live = submitted ? month.actionsSent : [...month.actionsSent, ...month.actionsLive];
  for (const [n, a] of live.entries())
    await trx
      .insertInto("progression_action")
      .values({
        component_answer_id: answerIds[a.componentIndex]!,
        description: `Live action ${n + 1}`,
        owner: null,
        target_date: a.targetDate,
      })
      .execute();
}

/** The evidence a review saw, as the app keeps it: sorted ids, comma-separated. */
function keyFor(review: Review, own: readonly number[], items: readonly number[]) {
  if (review.evidence === "not kept") return null;
  const seen = review.evidence === "same" ? own : items.filter((i) => !own.includes(i));
  return [...seen].sort((a, b) => a - b).join(",");
}
