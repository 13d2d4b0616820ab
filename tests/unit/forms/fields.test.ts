import { describe, expect, it } from "vitest";
import { addActionSchema } from "~/forms/sheet-plan";
import { evidenceSchema } from "~/forms/sheet";
import { endOfYearAhead, isoDateBetween, multiLineText, singleLineText } from "~/forms/fields";

const owner = singleLineText("The owner", 200);
const note = multiLineText("The note", 2000);

describe("one-line fields keep what people type and refuse hidden characters", () => {
  it.each([
    "Jo Bloggs",
    "Zoë O'Brien-Łukasz",
    "王秀英",
    "Estates 🌳 team",
    `"Quoted" = fine; really`,
  ])("keeps %j", (value) => {
    expect(owner.parse(value)).toBe(value);
  });

  it.each([
    ["a carriage return and line feed", "Jo\r\nBloggs"],
    ["a line feed", "Jo\nBloggs"],
    ["a tab", "Jo\tBloggs"],
    ["NUL", "Jo\u0000"],
    ["BEL", "Jo\u0007"],
    ["an escape code", "\u001b[31mJo"],
    ["DEL", "Jo\u007f"],
    ["a C1 control", "Jo\u0085"],
    ["a Unicode line separator", "Jo\u2028Bloggs"],
  ])("refuses %s with a message", (_, value) => {
    const result = owner.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "The owner must be on one line, without line breaks or hidden control characters",
    );
  });

  it("trims the ends, where a stray space or newline is not part of the name", () => {
    expect(owner.parse("  Jo Bloggs \n")).toBe("Jo Bloggs");
  });
});

describe("multi-line fields keep line breaks and tabs, and refuse other control characters", () => {
  it("keeps paragraphs and tabs", () => {
    expect(note.parse("First.\r\n\r\nSecond.\n\tIndented")).toBe(
      "First.\r\n\r\nSecond.\n\tIndented",
    );
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["BEL", "a\u0007b"],
    ["a form feed", "a\u000cb"],
    ["a vertical tab", "a\u000bb"],
    ["an escape code", "a\u001b[0m"],
    ["DEL", "a\u007f"],
  ])("refuses %s", (_, value) => {
    const result = note.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/must not contain hidden control characters/);
  });

  it("counts its limit with a thousands separator in the message", () => {
    expect(note.safeParse("x".repeat(2001)).error?.issues[0]?.message).toBe(
      "The note must be 2,000 characters or fewer",
    );
  });
});

describe("dates are bounded to ones a person could mean", () => {
  const date = isoDateBetween(
    { earliest: "2000-01-01", latest: () => "2027-12-31" },
    { invalid: "invalid", outOfRange: (a, b) => `between ${a} and ${b}` },
  );

  it.each(["2000-01-01", "2026-11-25", "2027-12-31"])("accepts %s", (value) => {
    expect(date.parse(value)).toBe(value);
  });

  it.each([
    ["0000-01-01", "between 2000-01-01 and 2027-12-31"],
    ["1999-12-31", "between 2000-01-01 and 2027-12-31"],
    ["2028-01-01", "between 2000-01-01 and 2027-12-31"],
    ["9999-12-31", "between 2000-01-01 and 2027-12-31"],
    ["2026-02-30", "invalid"],
    ["25/11/2026", "invalid"],
  ])("refuses %s", (value, message) => {
    expect(date.safeParse(value).error?.issues[0]?.message).toBe(message);
  });

  it("measures run to the end of next year, action targets ten years ahead", () => {
    const year = new Date().getUTCFullYear();
    expect(endOfYearAhead(1)()).toBe(`${year + 1}-12-31`);
    const measure = (measureDate: string) =>
      evidenceSchema(["1.1"]).safeParse({
        intent: "addEvidence",
        componentId: "1.1",
        kind: "measure",
        title: "Living wage",
        measureValue: "93",
        measureDate,
      }).success;
    expect(measure(`${year + 1}-12-31`)).toBe(true);
    expect(measure(`${year + 2}-01-01`)).toBe(false);
    expect(measure("0000-01-01")).toBe(false);
    const action = (targetDate: string) =>
      addActionSchema(["1.1"]).safeParse({
        intent: "addAction",
        componentId: "1.1",
        description: "Publish the pay gap",
        targetDate,
      }).success;
    expect(action("")).toBe(true);
    expect(action(`${year + 10}-12-31`)).toBe(true);
    expect(action("9999-12-31")).toBe(false);
    expect(action("2020-12-31")).toBe(false);
    // As the page's GOV.UK date input sends it: three fields, joined by the schema itself.
    const typed = (day: string, month: string, yearTyped: string) =>
      addActionSchema(["1.1"]).safeParse({
        intent: "addAction",
        componentId: "1.1",
        description: "Publish the pay gap",
        "targetDate-day": day,
        "targetDate-month": month,
        "targetDate-year": yearTyped,
      });
    const joined = typed("7", "3", String(year + 1));
    expect(joined.success && joined.data.targetDate).toBe(`${year + 1}-03-07`);
    const none = typed("", "", "");
    expect(none.success && none.data.targetDate).toBe("");
    expect(typed("30", "2", String(year + 1)).error?.issues[0]?.message).toBe(
      "The target date must be a real date",
    );
    expect(typed("1", "", String(year + 1)).error?.issues[0]?.message).toBe(
      "The target date must include a month",
    );
  });
});
