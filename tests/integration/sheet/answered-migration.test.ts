import { describe, expect, it } from "vitest";
import { migrateTo, migrateToLatest } from "../../../db/migrator";
import { createTestDatabase } from "../../setup/database";
import { insertDraftMonth } from "../../support/draft-month";

describe("the answered migration (ADR 026)", () => {
  it("marks answered every row someone saved or that holds a status, and nothing else", async () => {
    const database = await createTestDatabase();
    const db = database.open();
    try {
      await migrateTo(db, "2026-11-25-07-newest-citation-index");
      const { assessment } = await insertDraftMonth(db);
      const rows = [
        // Made by starting the month and never touched: nobody answered it.
        { component_id: "1.1", status: "not_started", version: 1 },
        // Saved as Not started: an answer.
        { component_id: "1.2", status: "not_started", version: 3 },
        // Carried forward or saved with a status: an answer.
        { component_id: "1.3", status: "in_progress", version: 1 },
        { component_id: "2.1", status: "fulfilled", version: 2 },
      ] as const;
      for (const row of rows) {
        await db
          .insertInto("component_answer")
          .values({
            assessment_id: assessment.id,
            opportunities: "",
            updated_at: "2026-05-20 10:00:00",
            ...row,
          })
          .execute();
      }
      expect(await migrateToLatest(db)).toContain("2026-11-25-08-answered");
      const after = await db
        .selectFrom("component_answer")
        .select(["component_id", "answered_at"])
        .orderBy("component_id")
        .execute();
      expect(after).toEqual([
        { component_id: "1.1", answered_at: null },
        { component_id: "1.2", answered_at: "2026-05-20 10:00:00" },
        { component_id: "1.3", answered_at: "2026-05-20 10:00:00" },
        { component_id: "2.1", answered_at: "2026-05-20 10:00:00" },
      ]);
    } finally {
      await db.destroy();
      await database.cleanup();
    }
  });
});
