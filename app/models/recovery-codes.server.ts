import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

/** A new set replaces every earlier code of the person, in one transaction. */
export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  args: { userId: number; codeHashes: string[]; now: Date },
) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("recovery_code").where("user_id", "=", args.userId).execute();
    await trx
      .insertInto("recovery_code")
      .values(
        args.codeHashes.map((code_hash) => ({
          user_id: args.userId,
          code_hash,
          created_at: args.now.toISOString(),
        })),
      )
      .execute();
  });
}

/**
 * Uses one code, once: the update only matches an unused code of this
 * person, so the same code sent twice at once signs in only one of them.
 */
export async function spendRecoveryCode(
  db: Db,
  args: { userId: number; codeHash: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("recovery_code")
    .set({ used_at: args.now.toISOString() })
    .where("user_id", "=", args.userId)
    .where("code_hash", "=", args.codeHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Db, args: { userId: number }): Promise<number> {
  const row = await db
    .selectFrom("recovery_code")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("user_id", "=", args.userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
