import type { Charter } from "../../app/charter/schema";
import { DEFAULT_DUE_RULE, dueDateByRule } from "../../app/periods/due-dates";
import type { MonthlyPeriod } from "../../app/periods/monthly";
import type { ComponentStatus, EvidenceKind, ReviewVerdict } from "../schema";
import {
  actionByDomain,
  type Course,
  demoCourses,
  demoFiles,
  fullyVerified,
  lapsedLastMonth,
  queries,
  sharedNarratives,
  fulfilledCount,
  fulfilmentOrder,
  mulberry32,
} from "./demo-story";

/**
 * The demo's rows as plain data, worked out before anything is written: each
 * organisation's sheet in each month it has one, the evidence it built up,
 * the actions on its plan, and the steering group's reviews. Pure, and
 * deterministic for a given `today`.
 */

export type PlannedEvidence = {
  key: string;
  organisation: string;
  kind: EvidenceKind;
  title: string;
  body: string | null;
  url: string | null;
  measure: { value: number; unit: string; date: string } | null;
  file: { key: string; name: string } | null;
  createdAt: string;
  shared: boolean;
};

export type PlannedAnswer = {
  componentId: string;
  status: ComponentStatus;
  opportunities: string;
  practicesInPlace: number[];
  version: number;
  updatedAt: string;
  evidence: string[];
  action: { description: string; owner: string; targetDate: string; createdAt: string } | null;
  /** `carried`: the previous month's verification, carried forward unchanged (ADR 039). */
  review: { verdict: ReviewVerdict; comment: string; at: string; carried?: true } | null;
};

export type PlannedAssessment = {
  organisation: string;
  period: number;
  status: "draft" | "submitted";
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  answers: PlannedAnswer[];
  principles: Array<{ domainNumber: number; principlesInPlace: number[] }>;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function planDemo(args: {
  charter: Charter;
  today: Date;
  periods: readonly MonthlyPeriod[];
  organisations: ReadonlyArray<{ name: string; reviewed: boolean }>;
}) {
  const { charter, today, periods } = args;
  const last = periods.length - 1;
  // Courses are written for 24 months; a shorter demo keeps their latest months.
  const shift = 24 - periods.length;
  const now = today.getTime();
  const iso = (t: number) => new Date(Math.min(t, now - 60_000)).toISOString();
  const startOf = (m: number) => Date.parse(`${periods[m]!.startsOn}T00:00:00Z`);
  // The first moment after a month's due date (the tenth working day of the next), as a UK day.
  const afterDue = (m: number) =>
    Date.parse(`${dueDateByRule(periods[m]!.endsOn, DEFAULT_DUE_RULE)}T00:00:00Z`) + DAY;
  const domainOf = new Map(
    charter.domains.flatMap((d) => d.components.map((c) => [c.id, d] as const)),
  );
  const practiceCount = new Map(
    charter.domains.flatMap((d) => d.components.map((c) => [c.id, c.practices.length] as const)),
  );

  // The measure backs the first purchasing component; the link the last partnership one.
  const measureComponent = charter.domains[1]?.components[0]?.id;
  const linkComponent = charter.domains.at(-2)?.components.at(-1)?.id;
  const evidence: PlannedEvidence[] = [];
  const assessments: PlannedAssessment[] = [];

  args.organisations.forEach((organisation, index) => {
    const course: Course | undefined = demoCourses[organisation.name];
    if (!course) throw new Error(`The demo has no story for "${organisation.name}"`);
    const random = mulberry32(1000 + index);
    const between = (from: number, to: number) => from + random() * Math.max(0, to - from);
    // A day from `from` to `to`, at a working hour (09:00 to 17:00), never after now.
    const workingTime = (from: number, to: number) => {
      const day = Math.floor(between(from, to) / DAY) * DAY;
      return iso(Math.max(from, day + 9 * HOUR + random() * 8 * HOUR));
    };
    const order = fulfilmentOrder(charter, random);
    const narrative = new Map<string, string>();
    const actionOf = new Map<string, NonNullable<PlannedAnswer["action"]>>();
    let measureKey: string | null = null;
    let linkKey: string | null = null;
    let before: Map<string, ComponentStatus> | null = null;
    let previousAnswers: Map<string, PlannedAnswer> | null = null;
    const files = demoFiles.filter((f) => f.organisation === organisation.name);

    for (let m = 0; m <= last; m++) {
      const month = m + shift;
      if (month < course.joins) continue;
      const state =
        m === last
          ? course.now
          : m === last - 1
            ? course.lastMonth
            : m === last - 2
              ? (course.monthBefore ?? ("on time" as const))
              : ("on time" as const);
      if (state === "not started" || state === "none") continue;
      const submitted = state === "on time" || state === "late" || state === "submitted";
      const createdAt = workingTime(startOf(m), startOf(m) + 4 * DAY);
      const submittedAt = !submitted
        ? null
        : state === "late"
          ? workingTime(afterDue(m), afterDue(m) + 3 * DAY)
          : m === last
            ? workingTime(Date.parse(createdAt), now)
            : workingTime(startOf(m) + 19 * DAY, startOf(m) + 26 * DAY);
      const updatedAt = submittedAt ?? workingTime(Date.parse(createdAt), now);
      const k = fulfilledCount(course, month, 23);

      // Evidence built up so far: a narrative per component once fulfilled, a measure each quarter.
      order.slice(0, k).forEach((componentId, position) => {
        if (narrative.has(componentId)) return;
        const component = domainOf.get(componentId)!.components.find((c) => c.id === componentId)!;
        const key = `${organisation.name}|narrative|${componentId}`;
        narrative.set(componentId, key);
        evidence.push({
          key,
          organisation: organisation.name,
          kind: "narrative",
          title: `How we meet ${componentId} ${component.title}`,
          body: "Invented for the demonstration: not this organisation's real evidence.",
          url: null,
          measure: null,
          file: null,
          createdAt,
          shared: sharedNarratives[organisation.name] === position,
        });
      });
      if (month % 3 === 0 || measureKey === null) {
        const quarters = Math.floor((month - course.joins) / 3);
        measureKey = `${organisation.name}|measure|${month}`;
        evidence.push({
          key: measureKey,
          organisation: organisation.name,
          kind: "measure",
          title: "Share of spend with suppliers in Lancashire and South Cumbria",
          body: null,
          url: null,
          measure: {
            value: Math.round((18 + (index % 7) * 2 + quarters * 1.5) * 10) / 10,
            unit: "%",
            date: periods[m]!.startsOn,
          },
          file: null,
          createdAt,
          shared: false,
        });
      }
      if (linkKey === null && linkComponent && order.indexOf(linkComponent) < k) {
        linkKey = `${organisation.name}|link`;
        evidence.push({
          key: linkKey,
          organisation: organisation.name,
          kind: "link",
          title: "Minutes of the place anchor network (demonstration)",
          body: null,
          url: "https://www.example.org/anchor-network/minutes",
          measure: null,
          file: null,
          createdAt,
          shared: false,
        });
      }
      for (const file of files) {
        if (month !== Math.max(file.from, course.joins)) continue;
        evidence.push({
          key: `${organisation.name}|file|${file.key}`,
          organisation: organisation.name,
          kind: "file",
          title: file.name.replace(/\.pdf$/, ""),
          body: null,
          url: null,
          measure: null,
          file: { key: file.key, name: file.name },
          createdAt,
          shared: file.key === "uhmb-report",
        });
      }

      const statuses = new Map<string, ComponentStatus>();
      const lapsed = lapsedLastMonth.find((l) => l.organisation === organisation.name);
      order.forEach((componentId, position) => {
        statuses.set(
          componentId,
          position < k && !(lapsed?.position === position && m === last - 1)
            ? "fulfilled"
            : submitted || position < k + 3
              ? "in_progress"
              : "not_started",
        );
      });
      // The next two components on the way up each carry an action, kept until fulfilled.
      for (const componentId of order.slice(k, k + 2)) {
        if (actionOf.has(componentId)) continue;
        const { description, owner } = actionByDomain[domainOf.get(componentId)!.number] ?? {
          description: "Agree the next step",
          owner: "Anchor champion",
        };
        actionOf.set(componentId, {
          description,
          owner,
          targetDate: lastDayOf(periods[m]!, 3),
          createdAt,
        });
      }

      const answers: PlannedAnswer[] = [];
      for (const domain of charter.domains) {
        for (const component of domain.components) {
          const id = component.id;
          const status = statuses.get(id)!;
          const changed = before?.get(id) !== status;
          const linked: Array<string | null | undefined> = [narrative.get(id)];
          if (id === measureComponent) linked.push(measureKey);
          if (id === linkComponent) linked.push(linkKey);
          for (const file of files) {
            if (order[file.componentAt] === id && month >= file.from) {
              linked.push(`${organisation.name}|file|${file.key}`);
            }
          }
          const action = status === "fulfilled" ? null : (actionOf.get(id) ?? null);
          if (status === "fulfilled") actionOf.delete(id);
          answers.push({
            componentId: id,
            status,
            opportunities:
              status === "fulfilled"
                ? ""
                : `Invented for the demonstration: our next steps towards ${component.title.toLowerCase()}.`,
            practicesInPlace:
              status === "not_started"
                ? []
                : [...Array(status === "fulfilled" ? practiceCount.get(id)! : 1).keys()],
            version: changed ? 2 : 1,
            updatedAt: changed ? updatedAt : createdAt,
            evidence: linked.filter((key): key is string => Boolean(key)),
            action,
            review: null,
          });
        }
      }
      // The steering group reviews its place's last three months of returns.
      if (organisation.reviewed && submitted && submittedAt && m >= last - 2) {
        const reviewedAt = () =>
          workingTime(Date.parse(submittedAt), Math.min(Date.parse(submittedAt) + 4 * DAY, now));
        for (const answer of answers) {
          if (answer.status !== "fulfilled") continue;
          const query = queries.find(
            (q) =>
              q.organisation === organisation.name &&
              q.monthsAgo === last - m &&
              order[q.position] === answer.componentId,
          );
          const lapsing = lapsed && order[lapsed.position] === answer.componentId;
          if (query)
            answer.review = { verdict: "queried", comment: query.comment, at: reviewedAt() };
          else if (lapsing && m === last) continue;
          else if (fullyVerified.has(organisation.name) || random() < 0.7 || lapsing)
            answer.review = { verdict: "verified", comment: "", at: reviewedAt() };
        }
      }
      // A verified component that comes across unchanged stays verified (ADR 039).
      const earlier = previousAnswers;
      if (organisation.reviewed && earlier && m >= last - 1) {
        for (const answer of answers) {
          const was = earlier.get(answer.componentId);
          if (answer.review || answer.status !== "fulfilled" || was?.status !== "fulfilled")
            continue;
          if (was.review?.verdict !== "verified") continue;
          if ([...was.evidence].sort().join() !== [...answer.evidence].sort().join()) continue;
          const at = iso(Math.max(Date.parse(createdAt), Date.parse(was.review.at)));
          answer.review = { verdict: "verified", comment: "", at, carried: true };
        }
      }
      previousAnswers = new Map(answers.map((a) => [a.componentId, a]));
      assessments.push({
        organisation: organisation.name,
        period: m,
        status: submitted ? "submitted" : "draft",
        createdAt,
        updatedAt,
        submittedAt,
        answers,
        principles: charter.domains
          .map((d) => ({
            domainNumber: d.number,
            fulfilled: d.components.filter((c) => statuses.get(c.id) === "fulfilled").length,
          }))
          .filter((d) => d.fulfilled > 0)
          .map((d) => ({
            domainNumber: d.domainNumber,
            principlesInPlace: [
              ...Array(Math.min(charter.crossCuttingPrinciples.length, d.fulfilled + 1)).keys(),
            ].map((i) => charter.crossCuttingPrinciples[i]!.number),
          })),
      });
      before = statuses;
    }
  });
  return { evidence, assessments };
}

/** The last day of the month `plus` months after the period's, as YYYY-MM-DD. */
function lastDayOf(period: MonthlyPeriod, plus: number): string {
  const [year, month] = period.startsOn.split("-").map(Number);
  return new Date(Date.UTC(year!, month! + plus, 0)).toISOString().slice(0, 10);
}
