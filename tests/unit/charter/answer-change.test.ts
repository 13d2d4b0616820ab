import { describe, expect, it } from "vitest";
import { answerChange, changesAnything, type StoredAnswer } from "~/charter/answer-change";

const stored: StoredAnswer = {
  status: "fulfilled",
  answered: true,
  opportunities: "Agree the approach\nwith the people team",
  practicesInPlace: [0, 2],
};

const change = (proposed: Parameters<typeof answerChange>[1], from: StoredAnswer = stored) =>
  answerChange(from, proposed);

describe("whether a save changes anything", () => {
  it("the answer exactly as it stands is no change: what Save and continue sends when paging", () => {
    const same = change({
      status: "fulfilled",
      opportunities: stored.opportunities,
      practicesInPlace: [0, 2],
    });
    expect(same).toEqual({ status: false, opportunities: false, practices: false });
    expect(changesAnything(same)).toBe(false);
  });

  it("ignores what a person cannot see: line endings, surrounding spaces, the order of ticks", () => {
    expect(
      changesAnything(
        change({
          status: "fulfilled",
          opportunities: "  Agree the approach\r\nwith the people team \n",
          practicesInPlace: [2, 0, 2],
        }),
      ),
    ).toBe(false);
  });

  it("leaves alone what the save does not send: no status chosen, no practices posted", () => {
    expect(changesAnything(change({ opportunities: stored.opportunities }))).toBe(false);
  });

  it("sees each field that changed, and only those", () => {
    expect(change({ status: "in_progress", opportunities: stored.opportunities })).toEqual({
      status: true,
      opportunities: false,
      practices: false,
    });
    expect(change({ status: "fulfilled", opportunities: "Something new" })).toEqual({
      status: false,
      opportunities: true,
      practices: false,
    });
    expect(
      change({ status: "fulfilled", opportunities: stored.opportunities, practicesInPlace: [0] }),
    ).toEqual({ status: false, opportunities: false, practices: true });
    expect(change({ opportunities: stored.opportunities, practicesInPlace: [] }).practices).toBe(
      true,
    );
  });

  it("answering a component nobody has answered is a change, even to the status it shows", () => {
    const unanswered: StoredAnswer = {
      status: "not_started",
      answered: false,
      opportunities: "",
      practicesInPlace: [],
    };
    expect(change({ status: "not_started", opportunities: "" }, unanswered).status).toBe(true);
    expect(changesAnything(change({ opportunities: "" }, unanswered))).toBe(false);
  });
});
