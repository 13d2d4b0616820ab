import { describe, expect, it } from "vitest";
import { auditFilterSchema, ukDayEndUtc, ukDayStartUtc } from "~/forms/audit-filter";
import { parseForm } from "~/forms/parse";

const filter = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return parseForm(auditFilterSchema, form);
};

describe("a UK day as UTC bounds", () => {
  it("starts at midnight UTC in winter (GMT) and at 23:00 the day before in summer (BST)", () => {
    expect(ukDayStartUtc("2026-11-25")).toBe("2026-11-25T00:00:00.000Z");
    expect(ukDayStartUtc("2026-07-01")).toBe("2026-06-30T23:00:00.000Z");
    expect(ukDayEndUtc("2026-07-01")).toBe("2026-07-01T23:00:00.000Z");
  });

  it("gets the days the clocks change right", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(ukDayStartUtc("2026-03-29")).toBe("2026-03-29T00:00:00.000Z");
    expect(ukDayEndUtc("2026-03-29")).toBe("2026-03-29T23:00:00.000Z");
    expect(ukDayStartUtc("2026-10-25")).toBe("2026-10-24T23:00:00.000Z");
    expect(ukDayEndUtc("2026-10-25")).toBe("2026-10-26T00:00:00.000Z");
  });
});

describe("the audit log's filters", () => {
  it("takes empty fields as any, and reads good ones", () => {
    expect(filter({}).success).toBe(true);
    const read = filter({
      person: " jo.bloggs@nhs.net ",
      organisation: "12",
      kind: "component.saved",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(read.success && read.data.person).toBe("jo.bloggs@nhs.net");
  });

  it.each([
    [{ from: "2026-02-30" }, "from", "Enter a real start date"],
    [{ to: "30/11/2026" }, "to", "Enter the end date as YYYY-MM-DD, like 2026-11-25"],
    [{ from: "1999-12-31" }, "from", "Enter a start date between 2000 and 2999"],
    [
      { from: "2026-11-30", to: "2026-11-01" },
      "to",
      "The end date must be the same as or after the start date",
    ],
    [{ kind: "component.deleted" }, "kind", "Select a kind of event from the list"],
    [{ organisation: "-1" }, "organisation", "Select an organisation from the list"],
    [{ person: "jo bloggs" }, "person", "Enter the person's email address, like jo.bloggs@nhs.net"],
    [{ after: "1e3" }, "after", "The page address is not one this log made"],
  ])("refuses %o with a message for %s", (fields, field, message) => {
    const read = filter(fields);
    expect(read.success).toBe(false);
    expect(read.success ? null : read.errors[field]).toBe(message);
  });
});
