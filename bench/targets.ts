import SQLite from "better-sqlite3";
import { benchEmail } from "./people";

/** The rows the pages are about, found through the bench people's own roles. */
export type Targets = {
  organisationId: number;
  placeId: number;
  systemId: number;
  /** The champion's newest month with an assessment: the sheet they would open. */
  sheetPeriodId: number;
};

export function findTargets(file: string): Targets {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const scope = (role: Parameters<typeof benchEmail>[0]) =>
      db
        .prepare(
          `select r.organisation_id as organisationId, r.place_id as placeId, r.system_id as systemId
           from role_assignment r join app_user u on u.id = r.user_id where u.email = ?`,
        )
        .get(benchEmail(role)) as Record<string, number>;
    const organisationId = scope("champion").organisationId!;
    const sheet = db
      .prepare(
        `select a.period_id as id from assessment a join assessment_period p on p.id = a.period_id
         where a.organisation_id = ? order by p.starts_on desc limit 1`,
      )
      .get(organisationId) as { id: number } | undefined;
    if (!sheet) throw new Error("The bench champion's organisation has no assessment");
    return {
      organisationId,
      placeId: scope("place_lead").placeId!,
      systemId: scope("admin").systemId!,
      sheetPeriodId: sheet.id,
    };
  } finally {
    db.close();
  }
}
