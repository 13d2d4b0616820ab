import { describe, expect, it } from "vitest";
import { type ComparableAnswer, changesSince } from "~/charter/changes";

const answer = (componentId: string, over: Partial<ComparableAnswer> = {}): ComparableAnswer => ({
  componentId,
  status: "in_progress",
  opportunities: "Work with the college",
  evidenceIds: [1, 2],
  ...over,
});

describe("changes since the last submission", () => {
  it("reports nothing when the answers are as submitted", () => {
    expect(changesSince([answer("1.1"), answer("1.2")], [answer("1.1"), answer("1.2")])).toEqual(
      {},
    );
  });

  it("names the status it was when the status changed, and only that component", () => {
    const now = [answer("1.1", { status: "fulfilled" }), answer("1.2")];
    const was = [answer("1.1"), answer("1.2")];
    expect(changesSince(now, was)).toEqual({
      "1.1": { statusWas: "in_progress", opportunities: false, evidence: false },
    });
  });

  it("flags changed opportunities but not added white space", () => {
    const was = [answer("1.1"), answer("2.1")];
    const now = [
      answer("1.1", { opportunities: "  Work with the college \n" }),
      answer("2.1", { opportunities: "Buy locally" }),
    ];
    expect(changesSince(now, was)).toEqual({
      "2.1": { statusWas: null, opportunities: true, evidence: false },
    });
  });

  it("does not flag white space the submission had and the sheet has since lost", () => {
    const was = [answer("1.1", { opportunities: "Work with the college \n" })];
    expect(changesSince([answer("1.1")], was)).toEqual({});
  });

  it("compares evidence as a set: added, removed or swapped items count, order does not", () => {
    const was = [answer("1.1"), answer("1.2"), answer("1.3"), answer("1.4")];
    const now = [
      answer("1.1", { evidenceIds: [2, 1] }),
      answer("1.2", { evidenceIds: [1, 2, 3] }),
      answer("1.3", { evidenceIds: [1] }),
      answer("1.4", { evidenceIds: [1, 3] }),
    ];
    expect(Object.keys(changesSince(now, was)).sort()).toEqual(["1.2", "1.3", "1.4"]);
    expect(changesSince(now, was)["1.3"]).toEqual({
      statusWas: null,
      opportunities: false,
      evidence: true,
    });
  });

  it("leaves out components the submission did not have", () => {
    expect(changesSince([answer("7.1", { status: "fulfilled" })], [answer("1.1")])).toEqual({});
  });

  it("reports every kind of change on one component together", () => {
    const now = [answer("3.4", { status: "not_started", opportunities: "", evidenceIds: [] })];
    expect(changesSince(now, [answer("3.4", { status: "fulfilled" })])).toEqual({
      "3.4": { statusWas: "fulfilled", opportunities: true, evidence: true },
    });
  });
});
