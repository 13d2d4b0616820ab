import type { Kysely } from "kysely";
import { afterEach, beforeEach } from "vitest";
import { createDatabase } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrator";
import type { Database } from "../../db/schema";
import { makeTempDir } from "./temp";

/**
 * Gives each test of the file a fresh SQLite file, migrated as the app would,
 * removed after the test. Read `.db` inside hooks and tests (not at import).
 */
export function freshDatabasePerTest() {
  const state = {} as { db: Kysely<Database>; dir: string; cleanup: () => void };
  beforeEach(async () => {
    const temp = makeTempDir();
    state.dir = temp.dir;
    state.cleanup = temp.cleanup;
    state.db = createDatabase({ dialect: "sqlite", file: `${temp.dir}/test.db` });
    await migrateToLatest(state.db);
  });
  afterEach(async () => {
    await state.db.destroy();
    state.cleanup();
  });
  return state;
}
