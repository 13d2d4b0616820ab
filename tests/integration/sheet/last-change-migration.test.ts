import { describe, expect, it } from "vitest";
import { migrateTo, migrateToLatest } from "../../../db/migrator";
import { createTestDatabase } from "../../setup/database";
import { insertDraftMonth } from "../../support/draft-month";

describe("the last-change migration (issue 19, point 7)", () => {
  it("brings a draft's last change forward to its latest save or action, and leaves the rest", async () => {
    const database = await createTestDatabase();
    const db = database.open();
    try {
      await migrateTo(db, "2026-12-07-10-report-year-kind");
      const { assessment } = await insertDraftMonth(db);
      await db
        .updateTable("assessment")
        .set({ updated_at: "2026-05-02 09:00:00" })
        .where("id", "=", assessment.id)
        .execute();
      const answer = await db
        .insertInto("component_answer")
        .values({
          assessment_id: assessment.id,
          component_id: "1.1",
          status: "in_progress",
          opportunities: "",
          updated_at: "2026-05-20T10:00:00.000Z",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("progression_action")
        .values({
          component_answer_id: answer.id,
          description: "Later still",
          owner: null,
          target_date: null,
          created_at: "2026-05-21T08:30:00.000Z",
        })
        .execute();
      expect(await migrateToLatest(db)).toContain("2026-12-07-11-assessment-last-change");
      const after = await db
        .selectFrom("assessment")
        .select("updated_at")
        .where("id", "=", assessment.id)
        .executeTakeFirstOrThrow();
      expect(after.updated_at).toBe("2026-05-21T08:30:00.000Z");
    } finally {
      await db.destroy();
      await database.cleanup();
    }
  });
});
