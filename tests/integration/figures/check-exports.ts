import type { Kysely } from "kysely";
import { expect } from "vitest";
import { loadCharter } from "~/charter/content";
import { datasets } from "~/exports/datasets";
import { type ExportReturn, exportReturnPages } from "~/models/analyst-exports.server";
import type { Database } from "../../../db/schema";
import type { simpleFigures } from "./simple-figures";
import type { Written } from "./write-history";

const charter = loadCharter();

/**
 * The analysts' "returns" and "components" datasets of a written history, as
 * the export reads them (every return of the system, drafts and reopened
 * months included, as an administrator's export has them), against the
 * simple figures.
 */
export async function checkExports(
  db: Kysely<Database>,
  written: Written,
  expected: ReturnType<ReturnType<typeof simpleFigures>["exportRows"]>,
) {
  const got: ExportReturn[] = [];
  for await (const page of exportReturnPages(db, {
    organisations: { systemId: written.systemId },
    periodId: null,
    submittedOnly: false,
  }))
    got.push(...page);
  const named = (dataset: "returns" | "components", r: (typeof got)[number]) => {
    const names = datasets[dataset].columns(charter).map((c) => c.name);
    return datasets[dataset]
      .rows(charter, r)
      .map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[i]])));
  };
  expect(got.length, "exported returns").toBe(expected.length);
  for (const e of expected) {
    const where = `export of organisation ${e.organisation}, month ${e.month}`;
    const r = got.find(
      (x) =>
        x.organisationId === written.organisationIds[e.organisation] &&
        x.periodId === written.periodIds[e.month],
    );
    if (!r) throw new Error(`${where}: no row`);
    const [row] = named("returns", r);
    expect(
      {
        state: row!.return_state,
        self: row!.level_self_assessed,
        verified: row!.level_verified,
        total: row!.components_total,
        fulfilled: row!.components_fulfilled,
        verifiedComponents: row!.components_verified,
        inProgress: row!.components_in_progress,
        notStarted: row!.components_not_started,
        domains: charter.domains.flatMap((d) => [
          row![`domain_${d.number}_fulfilled`],
          row![`domain_${d.number}_verified`],
        ]),
      },
      where,
    ).toEqual({
      state: e.returnState,
      self: e.levelSelf,
      verified: e.levelVerified,
      total: e.total,
      fulfilled: e.fulfilled,
      verifiedComponents: e.verified,
      inProgress: e.inProgress,
      notStarted: e.notStarted,
      domains: e.domains,
    });
    expect(
      named("components", r).map((c) => ({
        componentId: c.component_id,
        status: c.component_status,
        verified: c.verified,
      })),
      `${where}: components`,
    ).toEqual(e.components);
  }
}
