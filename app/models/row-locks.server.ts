import { type Kysely, PostgresAdapter, type SelectQueryBuilder } from "kysely";
import type { Database } from "../../db/schema";

/**
 * Locks the rows a write transaction read before deciding (ADR 016).
 * PostgreSQL runs many transactions at once, so two submits could both read
 * "draft"; `for update` makes the second wait and read the first's result.
 * SQLite needs none: its transactions begin immediate and so run one writer
 * at a time (ADR 017), and it has no `for update`.
 */
export function lockedForUpdate<DB, TB extends keyof DB, O>(
  db: Kysely<Database>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? query.forUpdate() : query;
}
