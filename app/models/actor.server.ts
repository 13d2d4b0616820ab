import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type AuditAction, recordAudit } from "./audit.server";

/** Who is changing an assessment, for the audit row written in the same transaction. */
export type Actor = { userId: number; ip: string | null; now: Date };

export function audit(
  trx: Kysely<Database>,
  actor: Actor,
  action: AuditAction,
  assessmentId: number,
  detail: Record<string, unknown>,
) {
  return recordAudit(trx, {
    actorUserId: actor.userId,
    action,
    targetType: "assessment",
    targetId: assessmentId,
    detail,
    ip: actor.ip,
    now: actor.now,
  });
}
