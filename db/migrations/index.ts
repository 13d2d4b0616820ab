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
import * as reportYearKind from "./2026-12-07-10-report-year-kind";
import * as assessmentLastChange from "./2026-12-07-11-assessment-last-change";
import * as periodDueDates from "./2026-12-07-20-period-due-dates";
import * as reviewsCoverEvidence from "./2026-12-07-21-reviews-cover-evidence";
import * as queryReplyEmails from "./2026-12-07-22-query-reply-emails";
import * as secondFactors from "./2026-12-07-31-second-factors";
import * as organisationSignIn from "./2026-12-07-32-organisation-sign-in";
import * as heldPosts from "./2026-12-07-33-held-posts";
import * as auditEventSystem from "./2026-12-07-41-audit-event-system";
import * as reportJobOneAtATime from "./2026-12-07-42-report-job-one-at-a-time";
import * as messageSystem from "./2026-12-07-43-message-system";
import * as outcomeMeasures from "./2026-12-07-50-outcome-measures";
import * as postgresFanOutStatistics from "./2026-12-07-60-postgres-fan-out-statistics";

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
  "2026-12-07-10-report-year-kind": reportYearKind,
  "2026-12-07-11-assessment-last-change": assessmentLastChange,
  "2026-12-07-20-period-due-dates": periodDueDates,
  "2026-12-07-21-reviews-cover-evidence": reviewsCoverEvidence,
  "2026-12-07-22-query-reply-emails": queryReplyEmails,
  "2026-12-07-31-second-factors": secondFactors,
  "2026-12-07-32-organisation-sign-in": organisationSignIn,
  "2026-12-07-33-held-posts": heldPosts,
  "2026-12-07-41-audit-event-system": auditEventSystem,
  "2026-12-07-42-report-job-one-at-a-time": reportJobOneAtATime,
  "2026-12-07-43-message-system": messageSystem,
  "2026-12-07-50-outcome-measures": outcomeMeasures,
  "2026-12-07-60-postgres-fan-out-statistics": postgresFanOutStatistics,
};
