import type { Migration } from "kysely";
import * as initial from "./2026-11-23-01-initial";
import * as peopleAndAccess from "./2026-11-23-02-people-and-access";
import * as submissions from "./2026-11-24-01-submissions";
import * as evidenceFiles from "./2026-11-24-02-evidence-files";
import * as reviewsAndSharing from "./2026-11-24-03-reviews-and-sharing";
import * as sheetPlan from "./2026-11-24-04-sheet-plan";
import * as postgresLikeSqlite from "./2026-11-25-01-postgres-like-sqlite";
import * as auditActorIndex from "./2026-11-25-02-audit-actor-index";
import * as systemReaderRole from "./2026-11-25-03-system-reader-role";
import * as reminders from "./2026-11-25-04-reminders";
import * as newestCitationIndex from "./2026-11-25-07-newest-citation-index";
import * as answered from "./2026-11-25-08-answered";
import * as queryReplies from "./2026-11-25-09-query-replies";
import * as reportJobs from "./2026-11-25-10-report-jobs";
import * as periodDueDates from "./2026-12-07-20-period-due-dates";
import * as outcomeMeasures from "./2026-12-07-50-outcome-measures";

/**
 * Every migration, by name. Listed explicitly (not read from the folder at
 * run time) so the bundled server build carries them. Names sort by date;
 * never rename or edit one that has landed: add a new one.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-23-01-initial": initial,
  "2026-11-23-02-people-and-access": peopleAndAccess,
  "2026-11-24-01-submissions": submissions,
  "2026-11-24-02-evidence-files": evidenceFiles,
  "2026-11-24-03-reviews-and-sharing": reviewsAndSharing,
  "2026-11-24-04-sheet-plan": sheetPlan,
  "2026-11-25-01-postgres-like-sqlite": postgresLikeSqlite,
  "2026-11-25-02-audit-actor-index": auditActorIndex,
  "2026-11-25-03-system-reader-role": systemReaderRole,
  "2026-11-25-04-reminders": reminders,
  "2026-11-25-07-newest-citation-index": newestCitationIndex,
  "2026-11-25-08-answered": answered,
  "2026-11-25-09-query-replies": queryReplies,
  "2026-11-25-10-report-jobs": reportJobs,
  "2026-12-07-20-period-due-dates": periodDueDates,
  "2026-12-07-50-outcome-measures": outcomeMeasures,
};
