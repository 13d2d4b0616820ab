import type { Kysely } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/**
 * A month's last change (assessment.updated_at) now moves with every save,
 * import, evidence, principle and action (issue 19); before, only starting
 * and submitting moved it. A draft edited before this shows a last change
 * older than its edits: it is brought forward to its latest answer or
 * principles save, or action added, where that is later. A submitted month
 * was last changed when it was submitted, which already moved it.
 * Stored times are ISO (the app's) or "YYYY-MM-DD HH:MM:SS" (SQLite's
 * CURRENT_TIMESTAMP): compared as moments, and written back as ISO.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const latest = new Map<number, number>();
  const note = (rows: Array<{ id: number; at: unknown }>) => {
    for (const row of rows) {
      const at = moment(row.at);
      if (at !== null && at > (latest.get(Number(row.id)) ?? -Infinity)) {
        latest.set(Number(row.id), at);
      }
    }
  };
  const drafts = (table: string, column: string, key: string) =>
    db
      .selectFrom(`${table} as t`)
      .innerJoin("assessment as a", "a.id", `t.${key}`)
      .select(["a.id as id", (eb) => eb.fn.max(`t.${column}`).as("at")])
      .where("a.status", "=", "draft")
      .groupBy("a.id")
      .execute();
  note(await drafts("component_answer", "updated_at", "assessment_id"));
  note(await drafts("domain_principles", "updated_at", "assessment_id"));
  note(
    await db
      .selectFrom("progression_action as pa")
      .innerJoin("component_answer as c", "c.id", "pa.component_answer_id")
      .innerJoin("assessment as a", "a.id", "c.assessment_id")
      .select(["a.id as id", (eb) => eb.fn.max("pa.created_at").as("at")])
      .where("a.status", "=", "draft")
      .groupBy("a.id")
      .execute(),
  );
  const current = await db
    .selectFrom("assessment")
    .select(["id", "updated_at"])
    .where("status", "=", "draft")
    .execute();
  for (const row of current) {
    const later = latest.get(Number(row.id));
    const now = moment(row.updated_at);
    if (later !== undefined && (now === null || later > now)) {
      await db
        .updateTable("assessment")
        .set({ updated_at: new Date(later).toISOString() })
        .where("id", "=", row.id)
        .execute();
    }
  }
}

function moment(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  const text = String(value).trim();
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text)
    ? text.replace(" ", "T")
    : `${text.replace(" ", "T")}Z`;
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? null : time;
}

export async function down(): Promise<void> {
  // The earlier, staler moments are not kept: nothing to undo.
}
