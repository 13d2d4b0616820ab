import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { freshDatabasePerTest, testingOnPostgres } from "../setup/database";

describe.skipIf(!testingOnPostgres())(
  "PostgreSQL statistics the charter fixes (the planner cannot sample them right)",
  () => {
    const state = freshDatabasePerTest();

    it("tells the planner each assessment has 16 answers and six principle rows", async () => {
      const { rows } = await sql<{ relname: string; attoptions: string[] | null }>`
        select c.relname, a.attoptions
        from pg_attribute a join pg_class c on c.oid = a.attrelid
        where a.attname = 'assessment_id' and c.relname in ('component_answer', 'domain_principles')
        order by c.relname`.execute(state.db);
      expect(rows).toEqual([
        { relname: "component_answer", attoptions: ["n_distinct=-0.0625"] },
        { relname: "domain_principles", attoptions: ["n_distinct=-0.16666666666666666"] },
      ]);
    });
  },
);
