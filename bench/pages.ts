import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import {
  comparisonSql,
  goodPracticeSql,
  organisationOverviewSql,
  placeSummarySql,
  reportingSheetSql,
  rollupSql,
} from "./bare-sql";
import type { BenchRole } from "./people";
import type { Targets } from "./targets";

export type BenchPage = {
  name: string;
  /** Who reads it: the role the issue names for the page. */
  as: BenchRole;
  /** Null while the page is not built: it is listed, never given made-up figures. */
  measure: null | {
    path: (t: Targets) => string;
    bareSql: (db: Kysely<Database>, t: Targets) => Promise<void>;
  };
};

/** The pages the issue names. Adding one, or building one listed here, is one entry. */
export const pages: BenchPage[] = [
  {
    name: "Organisation overview",
    as: "champion",
    measure: {
      path: (t) => `/organisations/${t.organisationId}`,
      bareSql: (db, t) => organisationOverviewSql(db, t.organisationId),
    },
  },
  {
    name: "Comparison matrix",
    as: "steering_member",
    measure: {
      path: (t) => `/places/${t.placeId}/comparison`,
      bareSql: (db, t) => comparisonSql(db, t.placeId),
    },
  },
  {
    name: "Place summary (largest place)",
    as: "place_lead",
    measure: {
      path: (t) => `/places/${t.placeId}`,
      bareSql: (db, t) => placeSummarySql(db, t.placeId),
    },
  },
  {
    name: "ICS roll-up (largest system)",
    as: "admin",
    measure: {
      path: (t) => `/systems/${t.systemId}`,
      bareSql: (db, t) => rollupSql(db, t.systemId),
    },
  },
  {
    name: "Good practice (largest place)",
    as: "steering_member",
    measure: {
      path: (t) => `/places/${t.placeId}/good-practice`,
      bareSql: (db, t) => goodPracticeSql(db, t.placeId),
    },
  },
  {
    // The month's overview: its task list, level and submit area (ADR 026).
    name: "Reporting sheet (newest month)",
    as: "champion",
    measure: {
      path: (t) => `/organisations/${t.organisationId}/periods/${t.sheetPeriodId}`,
      bareSql: (db, t) => reportingSheetSql(db, t.organisationId, t.sheetPeriodId),
    },
  },
  {
    // One component's page, with the organisation's evidence library offered to reuse.
    name: "Component page (newest month, 1.1)",
    as: "champion",
    measure: {
      path: (t) => `/organisations/${t.organisationId}/periods/${t.sheetPeriodId}/components/1.1`,
      bareSql: (db, t) => reportingSheetSql(db, t.organisationId, t.sheetPeriodId),
    },
  },
];
