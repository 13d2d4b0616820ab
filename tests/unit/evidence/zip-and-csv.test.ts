import { describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import type { PeriodEvidence } from "~/models/evidence-files.server";
import { csvField, csvRows } from "~/utils/csv";
import { safeSegment, zipEntries } from "~/evidence/zip.server";

describe("CSV fields", () => {
  it("quote every field and double quotes inside", () => {
    expect(csvField('He said "yes", twice')).toBe('"He said ""yes"", twice"');
    expect(csvField(null)).toBe('""');
    expect(csvField(87.5)).toBe('"87.5"');
  });
  it("keep a spreadsheet from running typed text as a formula", () => {
    for (const formula of ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)"]) {
      expect(csvField(formula)).toBe(`"'${formula}"`);
    }
  });
  it("start with a byte-order mark and end rows with CRLF, as Excel expects", () => {
    expect(
      csvRows([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe('\uFEFF"a","b"\r\n"c","d"\r\n');
  });
});

describe("names inside the evidence ZIP", () => {
  it("never climb out of their folder or use characters Windows refuses", () => {
    expect(safeSegment("../../etc/passwd")).toBe("etc passwd");
    expect(safeSegment('a<b>c:d"e|f?g*h')).toBe("a b c d e f g h");
    expect(safeSegment("...")).toBe("evidence");
    expect(safeSegment("name\u0000with\u001fcontrols")).toBe("name with controls");
  });

  const item = (over: Partial<PeriodEvidence>): PeriodEvidence => ({
    id: 1,
    kind: "narrative",
    title: "t",
    body: null,
    url: null,
    measure: { value: null, unit: null, date: null },
    file: null,
    componentIds: ["1.1"],
    ...over,
  });

  it("put a file in the folder of each component it backs, and list every item in evidence.csv", () => {
    const charter = loadCharter();
    const entries = zipEntries(charter, [
      item({
        id: 7,
        kind: "file",
        title: "Pay policy",
        file: { name: "pay/policy.pdf", sha256: "a".repeat(64) },
        componentIds: ["1.1", "1.3"],
      }),
      item({
        id: 8,
        kind: "measure",
        title: "Living wage",
        measure: { value: 87, unit: "%", date: "2026-03-31" },
      }),
    ]);
    expect(entries.map((e) => e.name)).toEqual([
      "evidence.csv",
      "1.1 Widening workforce participation/7 pay policy.pdf",
      "1.3 Being a good employer/7 pay policy.pdf",
    ]);
    const csv = entries[0]?.text ?? "";
    expect(csv).toContain(
      '"1.3","file","Pay policy","","1.3 Being a good employer/7 pay policy.pdf"',
    );
    expect(csv).toContain('"1.1","measure","Living wage","87 % at 31 March 2026",""');
  });
});
