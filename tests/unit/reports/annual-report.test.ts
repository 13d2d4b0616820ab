import { beforeEach, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import type { Charter } from "~/charter/schema";
import { annualReport, type AnnualReportInput } from "~/reports/annual-report";
import { ALL, answers, ONE_EACH, ret, TWO_EACH } from "../charter/returns";

/**
 * A place of four over a year: A moves up from bronze to silver, B stays at
 * silver with two answers verified, C submitted last year but only has a
 * draft now, D never returned. The report's figures are checked by hand.
 */
let charter: Charter;
beforeEach(() => {
  charter = loadCharter();
});

const organisations = ["A", "B", "C", "D"].map((name, i) => ({
  id: i + 1,
  name,
  type: "nhs_trust",
  placeId: 1,
  placeName: "Blackpool",
}));

function input(overrides: Partial<AnnualReportInput> = {}): AnnualReportInput {
  return {
    charter,
    scope: { kind: "place", id: 1, name: "Blackpool" },
    systemName: "Lancashire and South Cumbria ICS",
    year: { kind: "financial", start: 2026 },
    generatedAt: "2026-12-20T10:42:00.000Z",
    today: "2026-12-20",
    now: { label: "November 2026", endsOn: "2026-11-30", dueOn: "2026-12-14", final: true },
    before: { label: "November 2025", endsOn: "2025-11-30", dueOn: "2025-12-12", final: true },
    leftOut: null,
    organisations,
    places: [],
    returnsNow: [
      ret(1, "submitted", answers(TWO_EACH)),
      ret(2, "submitted", answers(TWO_EACH, { "1.1": "verified", "2.1": "verified" })),
      ret(3, "draft", answers(ALL)),
    ],
    returnsBefore: [
      ret(1, "submitted", answers(ONE_EACH)),
      ret(2, "submitted", answers(TWO_EACH)),
      ret(3, "submitted", answers(ONE_EACH)),
    ],
    sharedPractice: [],
    actions: [
      {
        organisationId: 1,
        componentId: "1.3",
        description: "Pay review",
        owner: "HR",
        targetDate: "2026-10-31",
      },
      {
        organisationId: 2,
        componentId: "3.3",
        description: "Local suppliers",
        owner: null,
        targetDate: "2027-01-31",
      },
      {
        organisationId: 2,
        componentId: "1.3",
        description: "Apprentices",
        owner: null,
        targetDate: "2026-09-30",
      },
    ],
    ...overrides,
  };
}

const levelName = (i: number) => charter.levels[i]!.name;
const countOf = (rows: Array<{ label: string; count: number }>, label: string) =>
  rows.find((r) => r.label === label)?.count;

describe("the annual report's content", () => {
  it("says how many moved up, down or could not be compared between the two years", () => {
    const report = annualReport(input());
    expect(report.summary).toMatchObject({
      organisations: 4,
      submittedNow: 2,
      submittedBefore: 3,
      movedUp: 1,
      movedDown: 0,
      stayed: 1,
      notComparable: 2,
    });
    expect(report.title).toBe("Anchor charter annual report 2026/27");
    expect(report.periodNow).toBe("November 2026");
    expect(report.periodBefore).toBe("November 2025");
  });

  it("counts the levels held now and a year ago as the readers' pages do", () => {
    const report = annualReport(input());
    expect(countOf(report.summary.levelsNow, levelName(1))).toBe(2);
    expect(countOf(report.summary.levelsNow, "Not yet submitted")).toBe(1);
    expect(countOf(report.summary.levelsNow, "No return this period")).toBe(1);
    expect(countOf(report.summary.levelsBefore, levelName(0))).toBe(2);
    expect(countOf(report.summary.levelsBefore, levelName(1))).toBe(1);
  });

  it("sets verified levels against self-assessed ones", () => {
    const report = annualReport(input());
    expect(report.verification.fulfilledAnswers).toBe(24);
    expect(report.verification.verifiedAnswers).toBe(2);
    expect(countOf(report.verification.verified, levelName(1))).toBe(0);
    expect(countOf(report.verification.verified, "No level yet")).toBe(2);
  });

  it("gives each domain its fulfilled and verified answers out of the submitted returns", () => {
    const [one, two, three] = annualReport(input()).domains;
    expect(one).toMatchObject({ number: 1, fulfilled: 4, verified: 1, possible: 6 });
    expect(two).toMatchObject({ number: 2, fulfilled: 4, verified: 1, possible: 4 });
    expect(three).toMatchObject({ number: 3, fulfilled: 4, verified: 0, possible: 8 });
    expect(one!.rows.map((r) => r.componentId)).toEqual(["1.1", "1.2", "1.3"]);
  });

  it("lists the most common gaps, least often fulfilled first", () => {
    const gaps = annualReport(input()).gaps;
    expect(gaps.map((g) => g.componentId)).toEqual(["1.3", "3.3", "3.4", "6.3"]);
    expect(gaps.every((g) => g.fulfilled === 0 && g.returns === 2)).toBe(true);
  });

  it("counts open actions and lists the overdue ones, oldest target first", () => {
    const { actions } = annualReport(input());
    expect(actions.open).toBe(3);
    expect(actions.overdue).toBe(2);
    expect(actions.overdueList.map((a) => [a.organisationName, a.description])).toEqual([
      ["B", "Apprentices"],
      ["A", "Pay review"],
    ]);
  });

  it("judges actions overdue at the month's end, not on the day the report is built", () => {
    // A year later, the same November: the action due 31 January 2027 was not overdue then.
    const late = annualReport(input({ today: "2027-12-01" }));
    expect(late.actionsAsOf).toBe("2026-12-01");
    expect(late.actions.overdue).toBe(2);
    // An action due on the month's last day was due, and not done, by its end.
    const onTheDay = annualReport(
      input({
        today: "2027-12-01",
        actions: [
          {
            organisationId: 1,
            componentId: "1.3",
            description: "Due on the last day",
            owner: null,
            targetDate: "2026-11-30",
          },
          {
            organisationId: 1,
            componentId: "1.3",
            description: "Due the day after",
            owner: null,
            targetDate: "2026-12-01",
          },
        ],
      }),
    );
    expect(onTheDay.actions.overdueList.map((a) => a.description)).toEqual(["Due on the last day"]);
  });

  it("gives one appendix entry per organisation with its level, domains and sheet", () => {
    const { appendix } = annualReport(input());
    expect(appendix.map((a) => a.organisation.name)).toEqual(["A", "B", "C", "D"]);
    const [a, , c, d] = appendix;
    expect(a).toMatchObject({
      returnState: "submitted",
      level: levelName(1),
      levelBefore: levelName(0),
      movement: "up",
      figures: { openActions: 1, overdueActions: 1 },
    });
    expect(a!.figures!.domains.map((x) => x.fulfilled)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(a!.figures!.sheet).toHaveLength(16);
    expect(a!.figures!.sheet.find((s) => s.componentId === "1.3")?.status).toBe("in_progress");
    // A draft and no return have no figures at all: nothing of a draft is reported.
    expect(c).toMatchObject({
      returnState: "draft",
      level: null,
      movement: "not comparable",
      figures: null,
    });
    expect(d).toMatchObject({ returnState: "none", level: null, figures: null });
  });

  it("names the financial year and the month, with the year before's for comparison", () => {
    const report = annualReport(input());
    expect(report.yearLabel).toBe("2026/27");
    expect(report.namedNow).toBe("November 2026 (2026/27)");
    expect(report.namedBefore).toBe("November 2025 (2025/26)");
    const calendar = annualReport(input({ year: { kind: "calendar", start: 2026 } }));
    expect(calendar.title).toBe("Anchor charter annual report 2026");
    expect(calendar.namedBefore).toBe("November 2025 (2025)");
  });

  it("marks a month still open as provisional, in its name and in what changed", () => {
    const report = annualReport(
      input({
        now: { label: "December 2026", endsOn: "2026-12-31", dueOn: "2027-01-15", final: false },
        before: { label: "December 2025", endsOn: "2025-12-31", dueOn: "2026-01-15", final: true },
      }),
    );
    expect(report.provisional).toEqual({ dueOn: "2027-01-15" });
    expect(report.namedNow).toBe("December 2026 (2026/27, provisional)");
    expect(report.whatChanged[0]).toBe(
      "Provisional: December 2026, open until 15 January 2027: 2 of 4 have submitted so far.",
    );
    expect(report.whatChanged.join(" ")).toContain("so far");
  });

  it("says what changed in words from its own figures", () => {
    const { whatChanged } = annualReport(input());
    expect(whatChanged).toContain(
      "2 of 4 organisations submitted a return for November 2026, against 3 for November 2025.",
    );
    expect(whatChanged).toContain(
      `One organisation moved up a level: A (${levelName(0)} to ${levelName(1)}).`,
    );
    expect(whatChanged).toContain("No organisation moved down a level.");
    expect(whatChanged).toContain("2 of 24 fulfilled answers are verified by the steering group.");
  });

  it("shares one axis between the levels charts of both years", () => {
    const report = annualReport(input());
    const counts = [...report.summary.levelsNow, ...report.summary.levelsBefore].map(
      (r) => r.count,
    );
    expect(report.levelAxisMax).toBe(Math.max(...counts));
  });

  it("lists at most ten shared practices", () => {
    const item = {
      organisationName: "A",
      kind: "text",
      title: "T",
      sharedAt: "2026-01-01",
      componentIds: ["1.1"],
    };
    const report = annualReport(input({ sharedPractice: Array.from({ length: 12 }, () => item) }));
    expect(report.sharedPractice).toHaveLength(10);
  });

  it("reads sensibly when nothing was returned in either year", () => {
    const report = annualReport(
      input({ returnsNow: [], returnsBefore: [], actions: [], before: null }),
    );
    expect(report.whatChanged[0]).toBe(
      "0 of 4 organisations submitted a return for November 2026.",
    );
    expect(report.summary.submittedNow).toBe(0);
    expect(report.summary.notComparable).toBe(4);
    expect(report.gaps).toEqual([]);
    expect(report.periodBefore).toBeNull();
    expect(report.domains.every((d) => d.possible === 0)).toBe(true);
  });
});
