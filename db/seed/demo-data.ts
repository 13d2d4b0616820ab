import type { Kysely } from "kysely";
import type { Charter } from "../../app/charter/schema";
import { computeLevel } from "../../app/charter/scoring";
import { recordEvidenceFile } from "../../app/models/evidence-files.server";
import { storeEvidenceBytes } from "../../app/evidence/store.server";
import { recentMonthlyPeriods } from "../../app/periods/monthly";
import type { Database } from "../schema";
import { demoOrganisations, demoPlaces, demoSystemName } from "./demo-ics";
import { mustFind, seedPeople } from "./demo-people";
import { tinyPdf } from "./demo-files";
import { planDemo, type PlannedAnswer } from "./demo-plan";
import { demoFiles, queryReplies } from "./demo-story";
import { evidenceKey } from "../../app/charter/verification";
import { planDemoOutcomes, writeDemoOutcomes } from "./demo-outcomes";

export type DemoSeedOptions = {
  charter: Charter;
  today: Date;
  /** How many monthly periods to fill, ending with the current month (24 by default). */
  months?: number;
  /** The hash of DEMO_PASSWORD, shared by the demo accounts (hashed once: it is slow on purpose). */
  demoPasswordHash: string;
  /** Where the evidence file store keeps its bytes (the demo's documents go there). */
  evidenceDir: string;
};

/** True once demo data has been loaded; the layout shows a banner while it is. */
export const DEMO_SETTING = "demo_data_loaded_at";

export async function databaseIsEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("system").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/** The organisation whose champion has set its own target (the demo champion's). */
const OWN_TARGET = "University Hospitals of Morecambe Bay NHS Foundation Trust";

/** Place whose steering group reviews returns in the demo (the demo accounts' place). */
const REVIEWING_PLACE = "Morecambe Bay";

/**
 * Loads the demo ICS (ADR 023): two years of monthly returns for every
 * organisation, told as a story in demo-story.ts and worked out as rows in
 * demo-plan.ts. Written as the app writes them (submissions with their frozen
 * snapshot and level, reviews at the answer version they saw, shared items,
 * actions carried from month to month, documents in the evidence store), in
 * one transaction so a failed seed leaves nothing half-written, with
 * multi-row inserts so it loads in a few seconds.
 */
export async function seedDemoData(db: Kysely<Database>, options: DemoSeedOptions) {
  const { charter } = options;
  const periods = recentMonthlyPeriods(options.today, options.months ?? 24);
  const plan = planDemo({
    charter,
    today: options.today,
    periods,
    organisations: demoOrganisations.map((o) => ({
      name: o.name,
      reviewed: o.place === REVIEWING_PLACE || o.place === null,
    })),
  });
  // Bytes before rows (ADR 010): a failure leaves at worst an unreferenced file.
  const stored = new Map<string, { sha256: string; size: number }>();
  for (const file of demoFiles) {
    const bytes = tinyPdf([
      file.name.replace(/\.pdf$/, ""),
      file.organisation,
      "",
      "Invented for the demonstration of the Anchor Charter platform.",
      "Not a real organisation's document.",
    ]);
    stored.set(file.key, await storeEvidenceBytes(options.evidenceDir, bytes));
  }

  await db.transaction().execute(async (trx) => {
    const system = await trx
      .insertInto("system")
      .values({ name: demoSystemName })
      .returning("id")
      .executeTakeFirstOrThrow();
    const placeIds = byName(
      await trx
        .insertInto("place")
        .values(demoPlaces.map((name) => ({ system_id: system.id, name })))
        .returning(["id", "name"])
        .execute(),
    );
    const organisationIds = byName(
      await trx
        .insertInto("organisation")
        .values(
          demoOrganisations.map((o) => ({
            system_id: system.id,
            place_id: o.place ? mustFind(placeIds, o.place) : null,
            name: o.name,
            type: o.type,
          })),
        )
        .returning(["id", "name"])
        .execute(),
    );
    const periodRows = await trx
      .insertInto("assessment_period")
      .values(
        periods.map((p, index) => ({
          system_id: system.id,
          label: p.label,
          starts_on: p.startsOn,
          ends_on: p.endsOn,
          // Past months are closed, as an administrator closes them; the current one is open.
          status: index === periods.length - 1 ? ("open" as const) : ("closed" as const),
        })),
      )
      .returning(["id", "starts_on"])
      .execute();
    const periodIds = periods.map((p) => periodRows.find((r) => r.starts_on === p.startsOn)!.id);

    const users = await seedPeople(trx, {
      systemId: system.id,
      placeIds,
      organisationIds,
      demoPasswordHash: options.demoPasswordHash,
    });

    for (const file of stored.values()) {
      await recordEvidenceFile(trx, { ...file, mediaType: "application/pdf" });
    }
    const evidenceRows = await inChunks(plan.evidence, 400, (chunk) =>
      trx
        .insertInto("evidence_item")
        .values(
          chunk.map((e) => ({
            organisation_id: mustFind(organisationIds, e.organisation),
            kind: e.kind,
            title: e.title,
            body: e.body,
            url: e.url,
            measure_value: e.measure?.value ?? null,
            measure_unit: e.measure?.unit ?? null,
            measure_date: e.measure?.date ?? null,
            file_sha256: e.file ? stored.get(e.file.key)!.sha256 : null,
            file_name: e.file?.name ?? null,
            created_at: e.createdAt,
            // Shared by the organisation's champion, as the share button does.
            shared_at: e.shared ? laterOf(e.createdAt, options.today, 0.6) : null,
            shared_by: e.shared ? mustFind(users.championOf, e.organisation) : null,
          })),
        )
        .returning(["id", "organisation_id", "title", "measure_date"])
        .execute(),
    );
    // Matched by what identifies each item, not by the order rows come back in.
    const itemKey = (organisationId: number, title: string, measureDate: string | null) =>
      `${organisationId}|${title}|${measureDate ?? ""}`;
    const evidenceById = new Map(
      evidenceRows.map((r) => [itemKey(r.organisation_id, r.title, r.measure_date), r.id]),
    );
    const evidenceIds = new Map(
      plan.evidence.map((e) => [
        e.key,
        evidenceById.get(
          itemKey(mustFind(organisationIds, e.organisation), e.title, e.measure?.date ?? null),
        )!,
      ]),
    );
    const evidenceSummaryOf = new Map(
      plan.evidence.map((e) => [
        e.key,
        {
          id: evidenceIds.get(e.key)!,
          kind: e.kind,
          title: e.title,
          body: e.body,
          url: e.url,
          measureValue: e.measure?.value ?? null,
          measureUnit: e.measure?.unit ?? null,
          measureDate: e.measure?.date ?? null,
          fileName: e.file?.name ?? null,
          fileSha256: e.file ? stored.get(e.file.key)!.sha256 : null,
        },
      ]),
    );

    const assessmentRows = await inChunks(plan.assessments, 400, (chunk) =>
      trx
        .insertInto("assessment")
        .values(
          chunk.map((a) => ({
            organisation_id: mustFind(organisationIds, a.organisation),
            period_id: periodIds[a.period]!,
            charter_version: charter.version,
            status: a.status,
            created_at: a.createdAt,
            updated_at: a.updatedAt,
            submitted_at: a.submittedAt,
          })),
        )
        .returning(["id", "organisation_id", "period_id"])
        .execute(),
    );
    const assessmentById = new Map(
      assessmentRows.map((r) => [`${r.organisation_id}|${r.period_id}`, r.id]),
    );
    const assessmentIds = plan.assessments.map((a) =>
      assessmentById.get(`${mustFind(organisationIds, a.organisation)}|${periodIds[a.period]!}`)!,
    );

    const answers = plan.assessments.flatMap((a, i) =>
      a.answers.map((answer) => ({
        assessmentId: assessmentIds[i]!,
        answer,
        // A submitted month was answered throughout; a draft's untouched rows are not (ADR 026).
        answered: a.status === "submitted" || answer.status !== "not_started" || answer.version > 1,
      })),
    );
    const answerRows = await inChunks(answers, 500, (chunk) =>
      trx
        .insertInto("component_answer")
        .values(
          chunk.map(({ assessmentId, answer, answered }) => ({
            assessment_id: assessmentId,
            answered_at: answered ? answer.updatedAt : null,
            component_id: answer.componentId,
            status: answer.status,
            opportunities: answer.opportunities,
            practices_in_place: JSON.stringify(answer.practicesInPlace),
            version: answer.version,
            updated_at: answer.updatedAt,
          })),
        )
        .returning(["id", "assessment_id", "component_id"])
        .execute(),
    );
    const answerById = new Map(
      answerRows.map((r) => [`${r.assessment_id}|${r.component_id}`, r.id]),
    );
    const answerIds = answers.map(({ assessmentId, answer }) =>
      answerById.get(`${assessmentId}|${answer.componentId}`)!,
    );

    const links = answers.flatMap(({ answer }, i) =>
      answer.evidence.map((key) => ({
        component_answer_id: answerIds[i]!,
        evidence_item_id: evidenceIds.get(key)!,
      })),
    );
    await inChunks(links, 1000, (chunk) =>
      trx.insertInto("component_evidence").values(chunk).execute(),
    );

    const withAction = answers.flatMap(({ answer }, i) =>
      answer.action ? [{ answerId: answerIds[i]!, action: answer.action }] : [],
    );
    const actionRows = await inChunks(withAction, 500, (chunk) =>
      trx
        .insertInto("progression_action")
        .values(
          chunk.map(({ answerId, action }) => ({
            component_answer_id: answerId,
            description: action.description,
            owner: action.owner,
            target_date: action.targetDate,
            created_at: action.createdAt,
          })),
        )
        .returning(["id", "component_answer_id"])
        .execute(),
    );
    // One action per answer at most, so the answer names it.
    const actionIdOf = new Map(actionRows.map((r) => [r.component_answer_id, r.id]));

    const principles = plan.assessments.flatMap((a, i) =>
      a.principles.map((p) => ({
        assessment_id: assessmentIds[i]!,
        domain_number: p.domainNumber,
        principles_in_place: JSON.stringify(p.principlesInPlace),
        note: "",
        updated_at: a.updatedAt,
      })),
    );
    await inChunks(principles, 500, (chunk) =>
      trx.insertInto("domain_principles").values(chunk).execute(),
    );

    // The outcome measures and their figures (ADR 040), before the snapshots that freeze them.
    const outcomeSnapshots = await writeDemoOutcomes(trx, {
      systemId: system.id,
      periods,
      figures: planDemoOutcomes({
        periods,
        organisations: demoOrganisations,
        assessments: plan.assessments,
      }),
      assessmentOf: (organisation, period) =>
        assessmentById.get(`${mustFind(organisationIds, organisation)}|${periodIds[period]!}`)!,
      organisationIds,
      adminUserId: users.admin,
      championUserId: mustFind(users.championOf, OWN_TARGET),
      targetOrganisation: OWN_TARGET,
      createdAt: `${periods[0]!.startsOn}T09:00:00.000Z`,
    });

    // Each submitted month as submitAssessment freezes it: answers, evidence, plan and level.
    let answerIndex = 0;
    const submissions = plan.assessments.flatMap((a, i) => {
      const first = answerIndex;
      answerIndex += a.answers.length;
      if (a.status !== "submitted" || !a.submittedAt) return [];
      const ids = answerIds.slice(first, answerIndex);
      const snapshotOf = (answer: PlannedAnswer) => ({
        componentId: answer.componentId,
        status: answer.status,
        opportunities: answer.opportunities,
        practicesInPlace: answer.practicesInPlace,
        version: answer.version,
        evidence: [...answer.evidence]
          .map((key) => evidenceSummaryOf.get(key)!)
          .sort((x, y) => x.id - y.id),
      });
      const actions: Record<string, unknown[]> = {};
      a.answers.forEach((answer, j) => {
        if (!answer.action) return;
        actions[answer.componentId] = [
          {
            id: actionIdOf.get(ids[j]!)!,
            description: answer.action.description,
            owner: answer.action.owner,
            targetDate: answer.action.targetDate,
          },
        ];
      });
      const fulfilled = a.answers.filter((x) => x.status === "fulfilled").map((x) => x.componentId);
      return [
        {
          assessment_id: assessmentIds[i]!,
          submitted_by: mustFind(users.championOf, a.organisation),
          submitted_at: a.submittedAt,
          level: computeLevel(charter, fulfilled).level,
          snapshot: JSON.stringify({
            answers: a.answers.map(snapshotOf),
            principles: Object.fromEntries(
              a.principles.map((p) => [
                p.domainNumber,
                { principlesInPlace: p.principlesInPlace, note: "", version: 1 },
              ]),
            ),
            actions,
            outcomes: outcomeSnapshots.get(assessmentIds[i]!) ?? [],
          }),
        },
      ];
    });
    await inChunks(submissions, 200, (chunk) =>
      trx.insertInto("assessment_submission").values(chunk).execute(),
    );

    // Reviews at the answer version and evidence the reviewer saw, as the review page records
    // them; then the verifications carried into the next month unchanged (ADR 039), each naming
    // the reviewer's own review it carries.
    const evidenceKeyOf = (answer: PlannedAnswer) =>
      evidenceKey(answer.evidence.map((key) => evidenceIds.get(key)!));
    const reviewerOf = (i: number) => (i % 3 === 0 ? users.placeLead : users.steering);
    const own = answers.flatMap(({ answer }, i) =>
      answer.review && !answer.review.carried ? [{ answer, i }] : [],
    );
    const ownRows = await inChunks(own, 500, (chunk) =>
      trx
        .insertInto("component_review")
        .values(
          chunk.map(({ answer, i }) => ({
            component_answer_id: answerIds[i]!,
            answer_version: answer.version,
            evidence_key: evidenceKeyOf(answer),
            reviewer_id: reviewerOf(i),
            verdict: answer.review!.verdict,
            comment: answer.review!.comment,
            created_at: answer.review!.at,
          })),
        )
        .returning(["id", "component_answer_id"])
        .execute(),
    );
    const reviewOfAnswer = new Map(
      ownRows.map((r) => [r.component_answer_id, { id: r.id, origin: r.id, reviewer: 0 }]),
    );
    own.forEach(({ i }) => (reviewOfAnswer.get(answerIds[i]!)!.reviewer = reviewerOf(i)));
    // In plan order (each organisation's months oldest first), so a carried row can name the
    // origin of the row it carries: the same component in the organisation's previous month.
    const indexOf = new Map(answers.map(({ answer }, i) => [answer, i]));
    for (const [i, { answer }] of answers.entries()) {
      if (!answer.review?.carried) continue;
      const a = plan.assessments.findIndex((x) => x.answers.includes(answer));
      const previous = plan.assessments[a - 1];
      const same = previous?.organisation === plan.assessments[a]!.organisation;
      const was = same ? previous!.answers.find((x) => x.componentId === answer.componentId) : null;
      const from = was ? indexOf.get(was) : undefined;
      const origin = from === undefined ? undefined : reviewOfAnswer.get(answerIds[from]!);
      if (!origin) continue;
      const row = await trx
        .insertInto("component_review")
        .values({
          component_answer_id: answerIds[i]!,
          answer_version: answer.version,
          evidence_key: evidenceKeyOf(answer),
          reviewer_id: origin.reviewer,
          verdict: "verified",
          comment: "",
          created_at: answer.review.at,
          carried_from_review_id: origin.origin,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      reviewOfAnswer.set(answerIds[i]!, {
        id: row.id,
        origin: origin.origin,
        reviewer: origin.reviewer,
      });
    }

    // Champions' replies to queries, waiting for the reviewer who asked.
    for (const reply of queryReplies) {
      const query = await trx
        .selectFrom("component_review as r")
        .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
        .innerJoin("assessment as a", "a.id", "c.assessment_id")
        .select(["r.id", "r.created_at"])
        .where("r.verdict", "=", "queried")
        .where("a.organisation_id", "=", mustFind(organisationIds, reply.organisation))
        .where("a.period_id", "=", periodIds[periods.length - 1 - reply.monthsAgo]!)
        .executeTakeFirst();
      if (!query) continue;
      await trx
        .insertInto("query_reply")
        .values({
          review_id: query.id,
          author_id: mustFind(users.championOf, reply.organisation),
          body: reply.body,
          // Half way from the query to now: after it, and before the demo's today.
          created_at: new Date(
            (Date.parse(query.created_at) + options.today.getTime()) / 2,
          ).toISOString(),
        })
        .execute();
    }

    await trx
      .insertInto("app_setting")
      .values({ key: DEMO_SETTING, value: options.today.toISOString() })
      .execute();
  });
}

/** Writes rows in multi-row inserts of `size`, keeping what each returns. */
async function inChunks<R, O = never>(
  rows: readonly R[],
  size: number,
  write: (chunk: R[]) => Promise<O[]>,
): Promise<O[]> {
  const out: O[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await write(rows.slice(i, i + size))));
  return out;
}

function byName(rows: ReadonlyArray<{ id: number; name: string }>): Map<string, number> {
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** A moment a share of the way from `from` to a day before `today`. */
function laterOf(from: string, today: Date, share: number): string {
  const start = Date.parse(from);
  const end = today.getTime() - 86_400_000;
  return new Date(Math.max(start, start + (end - start) * share)).toISOString();
}
