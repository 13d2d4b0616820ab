import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { datasetIds, datasets, isoInstant, returnState } from "~/exports/datasets";
import type { ExportReturn } from "~/models/analyst-exports.server";

const charter = loadCharter();
const readme = fs.readFileSync("README.md", "utf8");
const dictionary = readme.slice(
  readme.indexOf("## Data exports"),
  readme.indexOf("## Architecture"),
);

describe("the analysts' datasets", () => {
  it("document every column in README's data dictionary", () => {
    for (const id of datasetIds) {
      for (const column of datasets[id].columns(charter)) {
        const documented = column.name.replace(/^domain_\d+_/, "domain_<n>_");
        expect({
          id,
          column: column.name,
          documented: new RegExp(`^\\| \`${documented}\` +\\|`, "m").test(dictionary),
        }).toEqual({ id, column: column.name, documented: true });
      }
    }
  });

  it("write a row's cells in the order of its columns", () => {
    const component = charter.domains[0]!.components[0]!.id;
    const r: ExportReturn = {
      assessmentId: 1,
      periodId: 2,
      periodLabel: "May 2026",
      periodStartsOn: "2026-05-01",
      periodEndsOn: "2026-05-31",
      organisationId: 3,
      organisationName: "Trust",
      organisationType: "nhs_trust",
      placeId: null,
      placeName: null,
      charterVersion: charter.version,
      status: "draft",
      everSubmitted: true,
      submittedAt: "2026-05-20T09:00:00.000Z",
      updatedAt: "2026-05-21 10:00:00",
      dueOn: "2026-06-12",
      firstSubmittedAt: "2026-06-15 16:00:00",
      timeliness: "late",
      answers: [{ componentId: component, status: "fulfilled", review: "verified" }],
      measures: [
        { evidenceId: 9, componentId: component, title: "=1", value: 4, unit: "%", date: null },
      ],
      outcomes: [
        {
          measureId: 5,
          name: "Local share of influenceable spend",
          version: 2,
          kind: "ratio",
          unit: "£",
          frequency: "quarterly",
          numerator: 30,
          denominator: 120,
          source: "Ledger",
          note: "",
        },
      ],
    };
    for (const id of datasetIds) {
      const [row] = datasets[id].rows(charter, r);
      expect(row).toHaveLength(datasets[id].columns(charter).length);
    }
    const [wide] = datasets.returns.rows(charter, r);
    const names = datasets.returns.columns(charter).map((c) => c.name);
    const cell = (name: string) => wide![names.indexOf(name)];
    expect(cell("return_state")).toBe("reopened");
    // Not submitted: no level, as on the pages.
    expect(cell("level_self_assessed")).toBeNull();
    expect(cell("components_verified")).toBe(1);
    expect(cell("last_changed_at")).toBe("2026-05-21T10:00:00.000Z");
    // Its due date, its first submission and how that stands against it (issue 20).
    expect(cell("due_on")).toBe("2026-06-12");
    expect(cell("first_submitted_at")).toBe("2026-06-15T16:00:00.000Z");
    expect(cell("timeliness")).toBe("late");
    expect(datasets.components.rows(charter, r)[0]!.at(-1)).toBe(true);
    // An outcome figure: a share's value is its part over its whole, as a percentage.
    const [outcome] = datasets.outcomes.rows(charter, r);
    const outcomeNames = datasets.outcomes.columns(charter).map((c) => c.name);
    expect(outcome![outcomeNames.indexOf("outcome_value")]).toBe(25);
    expect(outcome![outcomeNames.indexOf("outcome_definition_version")]).toBe(2);
  });

  it("word return states and times as the data dictionary does", () => {
    expect(returnState({ status: "submitted", everSubmitted: true })).toBe("submitted");
    expect(returnState({ status: "draft", everSubmitted: false })).toBe("draft");
    expect(isoInstant("2026-11-25 10:42:00")).toBe("2026-11-25T10:42:00.000Z");
    expect(isoInstant("2026-11-25 10:42:00.123+00")).toBe("2026-11-25T10:42:00.123Z");
    expect(isoInstant("2026-07-01T12:00:00+01:00")).toBe("2026-07-01T11:00:00.000Z");
    expect(isoInstant(null)).toBeNull();
  });
});
