import { beforeEach, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import type { Charter } from "~/charter/schema";
import { type AnswerSource, buildReportingSheet, evidenceView } from "~/documents/reporting-sheet";
import { readSnapshot } from "~/documents/snapshot";

let charter: Charter;
beforeEach(() => {
  charter = loadCharter();
});

const ONE_EACH = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"];

const answer = (componentId: string, status: string, more: Partial<AnswerSource> = {}) => ({
  componentId,
  status,
  opportunities: "",
  practicesInPlace: [],
  evidence: [],
  ...more,
});

describe("the reporting sheet in the charter's Appendix A layout", () => {
  it("has one table per domain and one row per component, in the charter's order", () => {
    const sheet = buildReportingSheet({
      charter,
      organisationName: "Trust A",
      periodLabel: "November 2026",
      answers: [],
      principles: {},
      actions: {},
    });
    expect(sheet.domains.map((d) => [d.number, d.rows.map((r) => r.componentId)])).toEqual([
      [1, ["1.1", "1.2", "1.3"]],
      [2, ["2.1", "2.2"]],
      [3, ["3.1", "3.2", "3.3", "3.4"]],
      [4, ["4.1", "4.2"]],
      [5, ["5.1", "5.2"]],
      [6, ["6.1", "6.2", "6.3"]],
    ]);
    expect(sheet.domains[2]?.rows[1]?.title).toBe(charter.domains[2]?.components[1]?.title);
    // Nothing answered is not the same as an honest "Not started".
    expect(new Set(sheet.domains.flatMap((d) => d.rows.map((r) => r.statusWords)))).toEqual(
      new Set(["Not answered"]),
    );
    expect(sheet).toMatchObject({
      title: "Trust A: reporting sheet, November 2026",
      answered: 0,
      total: 16,
      levelName: "No level yet",
      submission: null,
    });
  });

  it("shows each answer's status, evidence, practices and opportunities, and the level they earn now", () => {
    const sheet = buildReportingSheet({
      charter,
      organisationName: "Trust A",
      periodLabel: "November 2026",
      answers: [
        ...ONE_EACH.map((id) => answer(id, "fulfilled")),
        answer("1.2", "not_started", {
          opportunities: "  Apprenticeships next year \n",
          practicesInPlace: [0, 2],
          evidence: [
            { id: 7, kind: "link", title: "Jobs fair", url: "https://example.org/fair" },
            {
              id: 8,
              kind: "measure",
              title: "Local hires",
              measureValue: 42,
              measureUnit: "people",
              measureDate: "2026-10-31",
            },
          ],
        }),
        answer("1.3", "in_progress"),
      ],
      principles: {},
      actions: {},
    });
    const domain1 = sheet.domains[0]!;
    expect(domain1.rows.map((r) => r.statusWords)).toEqual([
      "Fulfilled",
      "Not started",
      "In progress",
    ]);
    expect(domain1.fulfilled).toBe(1);
    const row = domain1.rows[1]!;
    expect(row.opportunities).toBe("Apprenticeships next year");
    const practices = charter.domains[0]!.components[1]!.practices;
    expect(row.practicesInPlace).toEqual([practices[0], practices[2]]);
    expect(row.evidence).toEqual([
      {
        id: 7,
        kind: "link",
        title: "Jobs fair",
        detail: "https://example.org/fair",
        url: "https://example.org/fair",
        date: null,
      },
      {
        id: 8,
        kind: "measure",
        title: "Local hires",
        detail: "42 people",
        url: null,
        date: "2026-10-31",
      },
    ]);
    expect(sheet.answered).toBe(8);
    expect(sheet.levelName).toBe("Bronze");
  });

  it("a submission shows the level it recorded and who sent it, whatever its answers would earn now", () => {
    const sheet = buildReportingSheet({
      charter,
      organisationName: "Trust A",
      periodLabel: "October 2026",
      answers: ONE_EACH.map((id) => answer(id, "fulfilled")),
      principles: {},
      actions: {},
      submission: {
        submittedBy: "Jo Bloggs",
        submittedAt: "2026-11-25T10:42:00.000Z",
        level: "silver",
      },
    });
    expect(sheet.levelName).toBe("Silver");
    expect(sheet.submission).toEqual({
      submittedBy: "Jo Bloggs",
      submittedAt: "2026-11-25T10:42:00.000Z",
    });
    const none = buildReportingSheet({
      charter,
      organisationName: "Trust A",
      periodLabel: "October 2026",
      answers: [],
      principles: {},
      actions: {},
      submission: { submittedBy: "Jo", submittedAt: "2026-11-25T10:42:00.000Z", level: null },
    });
    expect(none.levelName).toBe("No level yet");
  });

  it("lists each domain's principles in place, its note, and its components' actions in order", () => {
    const sheet = buildReportingSheet({
      charter,
      organisationName: "Trust A",
      periodLabel: "November 2026",
      answers: [answer("3.2", "in_progress")],
      principles: { 3: { principlesInPlace: [1, 6], note: " Board sponsor named " } },
      actions: {
        "3.4": [{ description: "Plant trees", owner: "Estates", targetDate: "2027-03-31" }],
        "3.1": [{ description: "Open the hall", owner: null, targetDate: null }],
        "9.9": [{ description: "Not in the charter", owner: null, targetDate: null }],
      },
    });
    const domain3 = sheet.domains[2]!;
    expect(domain3.principles.filter((p) => p.inPlace).map((p) => p.number)).toEqual([1, 6]);
    expect(domain3.principles).toHaveLength(charter.crossCuttingPrinciples.length);
    expect(domain3.principlesNote).toBe("Board sponsor named");
    expect(domain3.actions.map((a) => [a.componentId, a.description])).toEqual([
      ["3.1", "Open the hall"],
      ["3.4", "Plant trees"],
    ]);
    expect(domain3.actions[1]?.componentTitle).toBe(charter.domains[2]?.components[3]?.title);
    expect(sheet.domains[0]?.principles.some((p) => p.inPlace)).toBe(false);
    expect(sheet.domains.flatMap((d) => d.actions)).toHaveLength(2);
  });

  it("says what each kind of evidence holds", () => {
    expect(
      evidenceView({ id: 1, kind: "narrative", title: "Story", body: "We did it" }).detail,
    ).toBe("We did it");
    expect(evidenceView({ id: 2, kind: "file", title: "Report", fileName: "r.pdf" })).toMatchObject(
      {
        detail: "r.pdf",
        url: null,
      },
    );
    expect(evidenceView({ id: 3, kind: "measure", title: "M", measureValue: null }).detail).toBe(
      "",
    );
    expect(evidenceView({ id: 4, kind: "link", title: "L" })).toMatchObject({
      detail: "",
      url: null,
    });
  });
});

describe("reading a submission's snapshot", () => {
  const stored = {
    answers: [
      {
        componentId: "1.1",
        status: "fulfilled",
        opportunities: "More",
        practicesInPlace: [1],
        version: 3,
        evidence: [
          {
            id: 5,
            kind: "file",
            title: "Plan",
            body: null,
            url: null,
            measureValue: null,
            measureUnit: null,
            measureDate: null,
            fileName: "plan.pdf",
            fileSha256: "ab",
          },
        ],
      },
    ],
    principles: { "2": { principlesInPlace: [3], note: "n", version: 1 } },
    actions: { "1.1": [{ id: 1, description: "Do", owner: "Me", targetDate: "2027-01-01" }] },
  };

  it("reads the answers and plan as stored, from text or already parsed", () => {
    for (const value of [JSON.stringify(stored), stored]) {
      const snapshot = readSnapshot(value);
      expect(snapshot?.answers[0]?.evidence[0]?.fileName).toBe("plan.pdf");
      expect(snapshot?.principles[2]).toEqual({ principlesInPlace: [3], note: "n" });
      expect(snapshot?.actions["1.1"]).toEqual([
        { description: "Do", owner: "Me", targetDate: "2027-01-01" },
      ]);
    }
  });

  it("reads the first submissions, which froze the answers alone", () => {
    expect(readSnapshot(JSON.stringify(stored.answers))).toMatchObject({
      answers: [{ componentId: "1.1" }],
      principles: {},
      actions: {},
    });
  });

  it("answers null for text that is not a snapshot", () => {
    expect(readSnapshot("not json")).toBeNull();
    expect(readSnapshot(JSON.stringify({ answers: "no" }))).toBeNull();
  });
});
