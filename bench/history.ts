import type BetterSqlite from "better-sqlite3";
import type { Country, SyntheticOrganisation } from "./country";
import type { Random } from "./random";

const STATUSES = ["not_started", "in_progress", "fulfilled"] as const;
const KINDS = ["narrative", "link", "measure"] as const;
const MAX_EVIDENCE_PER_COMPONENT = 3;

/** What an organisation carries from one month to the next. */
type Progress = {
  /** Index into STATUSES, per component. */
  status: number[];
  version: number[];
  /** Evidence items backing each component, carried forward month to month. */
  evidence: number[][];
  /** How quickly it improves: some organisations race, some stall. */
  pace: number;
};

type Level = (fulfilledComponentIds: string[]) => string | null;

/**
 * Every month of every organisation, month by month as the rows would arrive
 * in life (so a month's rows sit together on disk, as they would), one
 * transaction per month. Statuses improve over time at each organisation's
 * pace; every past month has an assessment, nearly all submitted; the newest
 * month is a mix of drafts, submissions and nothing yet. Evidence is created as components progress,
 * linked from every later month's answer (carried forward), and some shared.
 */
export function insertHistory(
  sqlite: BetterSqlite.Database,
  country: Country,
  args: { random: Random; componentIds: readonly string[]; charterVersion: string; level: Level },
) {
  const { random, componentIds } = args;
  const q = statements(sqlite);
  const lastMonth = country.months.length - 1;
  const progress = new Map<number, Progress>(
    country.organisations.map((o) => [
      o.id,
      {
        status: componentIds.map(() => 0),
        version: componentIds.map(() => 1),
        evidence: componentIds.map(() => []),
        pace: 0.3 + random.next() * 1.7,
      },
    ]),
  );

  country.months.forEach((month, m) => {
    const day = (d: number, hour: number) =>
      `${month.startsOn.slice(0, 8)}${String(d).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;
    sqlite.transaction(() => {
      for (const org of country.organisations) {
        const p = progress.get(org.id)!;
        advance(p, random);
        const state = monthState(random, m === lastMonth);
        if (state === "none") continue;
        const created = day(random.int(1, 10), random.int(8, 17));
        const updated = day(random.int(11, 27), random.int(8, 17));
        const assessmentId = q.assessment(
          org.id,
          country.periodIdsOf.get(org.systemId)![m],
          args.charterVersion,
          state === "submitted" ? "submitted" : "draft",
          created,
          updated,
          state === "submitted" ? updated : null,
        );
        insertAnswers(q, org, p, { assessmentId, at: created, updated, random, componentIds });
        if (state === "draft" && !(m === lastMonth && random.chance(0.1))) continue;
        // Submitted, or (a few in the newest month) reopened after submitting.
        const fulfilled = componentIds.filter((_, i) => p.status[i] === 2);
        q.submission(assessmentId, org.championUserId, updated, args.level(fulfilled));
      }
    })();
  });
}

type Statements = ReturnType<typeof statements>;

function statements(sqlite: BetterSqlite.Database) {
  const run = (sql: string) => {
    const statement = sqlite.prepare(sql);
    return (...values: unknown[]) => Number(statement.run(...values).lastInsertRowid);
  };
  return {
    assessment: run(
      "insert into assessment (organisation_id, period_id, charter_version, status, created_at, updated_at, submitted_at) values (?, ?, ?, ?, ?, ?, ?)",
    ),
    answer: run(
      "insert into component_answer (assessment_id, component_id, status, opportunities, practices_in_place, version, updated_at, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    evidence: run(
      "insert into evidence_item (organisation_id, kind, title, body, url, measure_value, measure_unit, measure_date, created_at, shared_at, shared_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    link: run(
      "insert into component_evidence (component_answer_id, evidence_item_id) values (?, ?)",
    ),
    review: run(
      "insert into component_review (component_answer_id, answer_version, reviewer_id, verdict, comment, created_at) values (?, ?, ?, ?, ?, ?)",
    ),
    action: run(
      "insert into progression_action (component_answer_id, description, owner, target_date, created_at) values (?, ?, ?, ?, ?)",
    ),
    // The snapshot is a placeholder: no page reads it whole, and it would double the size.
    submission: run(
      "insert into assessment_submission (assessment_id, submitted_by, submitted_at, level, snapshot) values (?, ?, ?, ?, '{}')",
    ),
  };
}

/** One month's move: components start, get fulfilled, and now and then slip back. */
function advance(p: Progress, random: Random) {
  p.status.forEach((status, i) => {
    const before = status;
    if (status === 0 && random.chance(0.08 * p.pace)) p.status[i] = 1;
    else if (status === 1 && random.chance(0.05 * p.pace)) p.status[i] = 2;
    else if (status === 2 && random.chance(0.004)) p.status[i] = 1;
    if (p.status[i] !== before || random.chance(0.05)) p.version[i]! += 1;
  });
}

/** Every past month has an assessment (the shape); a few were never submitted. */
function monthState(random: Random, newest: boolean): "none" | "draft" | "submitted" {
  const r = random.next();
  if (newest) return r < 0.2 ? "none" : r < 0.5 ? "draft" : "submitted";
  return r < 0.03 ? "draft" : "submitted";
}

function insertAnswers(
  q: Statements,
  org: SyntheticOrganisation,
  p: Progress,
  a: {
    assessmentId: number;
    at: string;
    updated: string;
    random: Random;
    componentIds: readonly string[];
  },
) {
  const { random } = a;
  a.componentIds.forEach((componentId, i) => {
    const status = p.status[i]!;
    const evidence = p.evidence[i]!;
    // Fulfilled needs evidence; work in progress often has some; more arrives now and then.
    const wants =
      (status === 2 && evidence.length === 0) ||
      (status === 1 && evidence.length === 0 && random.chance(0.3)) ||
      (status > 0 && evidence.length < MAX_EVIDENCE_PER_COMPONENT && random.chance(0.01));
    if (wants) evidence.push(newEvidence(q, org, componentId, a.at, random));
    const answerId = q.answer(
      a.assessmentId,
      componentId,
      STATUSES[status],
      status === 1 ? `Next: extend ${componentId} to more teams` : "",
      status === 2 ? "[0,1]" : status === 1 ? "[0]" : "[]",
      p.version[i],
      a.updated,
      // The synthetic country answers every component each month (ADR 026).
      a.updated,
    );
    for (const item of evidence) q.link(answerId, item);
    if (status === 2 && random.chance(0.05)) {
      const verified = random.chance(0.85);
      q.review(
        answerId,
        p.version[i],
        org.reviewerUserId,
        verified ? "verified" : "queried",
        verified ? "" : "Please add the latest figures",
        a.updated,
      );
    }
    if (status === 1 && random.chance(0.15)) {
      q.action(
        answerId,
        `Agree the ${componentId} plan`,
        "Board lead",
        a.updated.slice(0, 10),
        a.at,
      );
    }
  });
}

function newEvidence(
  q: Statements,
  org: SyntheticOrganisation,
  componentId: string,
  at: string,
  random: Random,
): number {
  const kind = random.pick(KINDS);
  const shared = random.chance(0.04);
  return q.evidence(
    org.id,
    kind,
    `Evidence for ${componentId}: ${kind === "measure" ? "local spend" : "programme report"}`,
    kind === "narrative" ? "What we did, who took part and what changed." : null,
    kind === "link" ? "https://example.org/report" : null,
    kind === "measure" ? random.int(1, 100) : null,
    kind === "measure" ? "%" : null,
    kind === "measure" ? at.slice(0, 10) : null,
    at,
    shared ? at : null,
    shared ? org.championUserId : null,
  );
}
