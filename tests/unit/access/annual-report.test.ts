import { describe, expect, it } from "vitest";
import { canReadAnnualReport, type Principal, type ReportScopeAccess } from "~/access/policy";
import { admin, champion, placeLead, steering, system1, system2, systemReader } from "./people";

/** Who may build and download which annual report: whoever reads the scope's submitted returns. */
const { place10, place20, inPlace10, inPlace20, systemWide } = system1;
const organisation = (o: typeof inPlace10 | typeof systemWide): ReportScopeAccess => ({
  kind: "organisation",
  organisation: o,
});
const place = (p: typeof place10): ReportScopeAccess => ({ kind: "place", place: p });
const system = (systemId: number): ReportScopeAccess => ({ kind: "system", systemId });

const reads = (p: Principal) =>
  [
    organisation(inPlace10),
    organisation(inPlace20),
    organisation(systemWide),
    organisation(system2.inPlace90),
    place(place10),
    place(place20),
    place(system2.place90),
    system(1),
    system(2),
  ].map((scope) => canReadAnnualReport(p, scope));

describe("the annual report's access", () => {
  it("lets a champion build only their own organisation's report", () => {
    expect(reads(champion(100, 10))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("lets a place lead and a steering group build their place's, its organisations' and the system-wide ones'", () => {
    const expected = [true, false, true, false, true, false, false, false, false];
    expect(reads(placeLead(10))).toEqual(expected);
    expect(reads(steering(10))).toEqual(expected);
  });

  it("lets system readers and administrators build anything in their own system, nothing in another", () => {
    const expected = [true, true, true, false, true, true, false, true, false];
    expect(reads(systemReader(1))).toEqual(expected);
    expect(reads(admin(1))).toEqual(expected);
  });
});
