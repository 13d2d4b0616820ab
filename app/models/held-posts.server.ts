import type { Kysely } from "kysely";
import type { Database, HeldPost } from "../../db/schema";

/** The most a person has held at once: the oldest go first. */
const MOST_HELD = 5;

export async function holdPostFor(
  db: Kysely<Database>,
  args: {
    userId: number;
    path: string;
    fields: Array<[string, string]>;
    filesLeftOut: number;
    now: Date;
    minutes: number;
  },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("held_post")
      .values({
        user_id: args.userId,
        path: args.path,
        fields: JSON.stringify(args.fields),
        files_left_out: args.filesLeftOut,
        created_at: args.now.toISOString(),
        expires_at: new Date(args.now.getTime() + args.minutes * 60_000).toISOString(),
      })
      .execute();
    const keep = await trx
      .selectFrom("held_post")
      .select("id")
      .where("user_id", "=", args.userId)
      .orderBy("id", "desc")
      .limit(MOST_HELD)
      .execute();
    await trx
      .deleteFrom("held_post")
      .where("user_id", "=", args.userId)
      .where(
        "id",
        "not in",
        keep.map((k) => k.id),
      )
      .execute();
  });
}

/** What is still held for the person, oldest first. */
export async function heldPostsOf(
  db: Kysely<Database>,
  args: { userId: number; now: Date },
): Promise<HeldPost[]> {
  return db
    .selectFrom("held_post")
    .selectAll()
    .where("user_id", "=", args.userId)
    .where("expires_at", ">", args.now.toISOString())
    .orderBy("id")
    .execute();
}

/** Removes one held post of the person (sent again, or discarded). */
export async function releaseHeldPost(
  db: Kysely<Database>,
  args: { userId: number; id: number },
): Promise<boolean> {
  const result = await db
    .deleteFrom("held_post")
    .where("id", "=", args.id)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Housekeeping: held posts past their minutes. */
export async function deleteExpiredHeldPosts(
  db: Kysely<Database>,
  args: { now: Date },
): Promise<number> {
  const result = await db
    .deleteFrom("held_post")
    .where("expires_at", "<=", args.now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
