import type { ExpressionBuilder, Kysely } from "kysely";
import type { AuditEvent, Database } from "../../db/schema";
import { auditEventInSystems, userInSystems } from "./system-scope.server";
import { normaliseEmail } from "./users.server";

/** Everything the audit log records, so a filter can list them and a typo cannot. */
export const auditActions = [
  "sign_in.success",
  "sign_in.failure",
  "sign_in.rate_limited",
  "sign_out",
  "sign_out.everywhere",
  "two_factor.enabled",
  "two_factor.disabled",
  "two_factor.failure",
  "invitation.sent",
  "invitation.failed",
  "invitation.accepted",
  "password_reset.requested",
  "password_reset.completed",
  "role.granted",
  "role.revoked",
  "component.reviewed",
  "evidence.shared",
  "evidence.unshared",
  "user.deactivated",
  "user.reactivated",
  "place.created",
  "place.updated",
  "organisation.created",
  "organisation.updated",
  "period.opened",
  "period.closed",
  "assessment.changed",
  "assessment.started",
  "assessment.submitted",
  "assessment.reopened",
  "principles.saved",
  "action.added",
  "action.removed",
  "component.saved",
  "evidence.added",
  "evidence.removed",
  "reminder.sent",
  "reminder.failed",
  "query.notified",
  "query.replied",
  // Issue 21: second factors, passkeys and organisations' own sign-in.
  "two_factor.verified",
  "passkey.added",
  "passkey.renamed",
  "passkey.removed",
  "passkey.refused",
  "recovery_codes.created",
  "recovery_code.failure",
  "second_factor.reset",
  "oidc_provider.created",
  "oidc_provider.updated",
  "oidc_provider.removed",
  "query.reply_notified",
  "system.due_rule_set",
  "period.due_date_set",
  "outcome_measure.created",
  "outcome_measure.revised",
  "outcome_measure.retired",
  "outcome_target.set",
  "outcome_figures.saved",
] as const;

export type AuditAction = (typeof auditActions)[number];

export type AuditEventWithActor = AuditEvent & {
  actor_name: string | null;
  actor_email: string | null;
  detailParsed: Record<string, unknown> | null;
};

// Any key with one of these words in it (`token`, `resetLink`, `recovery_codes`...)
// is refused, because its value is likely to be something that signs someone in.
const secretWords = new Set(["token", "password", "link", "code"].flatMap((w) => [w, `${w}s`]));

function secretKeyIn(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = secretKeyIn(item);
      if (found) return found;
    }
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const words = key
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    if (words.some((word) => secretWords.has(word))) return key;
    const found = secretKeyIn(inner);
    if (found) return found;
  }
  return null;
}

/**
 * Where an event happened, when its target does not say: a system, or a
 * place or organisation of one (a role given for a place belongs to the
 * place's system). `null`: about a person alone, in no one system.
 */
export type AuditSystem = { systemId: number } | { placeId: number } | { organisationId: number };

type AuditEventToRecord = {
  actorUserId: number | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
  ip?: string | null;
  now: Date;
  /** Only for events about a person done within a system (a role given or taken away). */
  system?: AuditSystem;
};

/**
 * Appends to the audit log, with the system the event belongs to (ADR 032):
 * the system of the organisation, place, month or assessment it is about,
 * looked up in the same statement, or the one the caller names. Throws
 * rather than store a detail whose keys suggest a secret.
 */
export async function recordAudit(db: Kysely<Database>, event: AuditEventToRecord): Promise<void> {
  const secretKey = secretKeyIn(event.detail);
  if (secretKey) {
    throw new Error(
      `Audit detail for ${event.action} has a key named "${secretKey}": secrets must not be logged`,
    );
  }
  await db
    .insertInto("audit_event")
    .values((eb) => ({
      at: event.now.toISOString(),
      actor_user_id: event.actorUserId,
      action: event.action,
      target_type: event.targetType ?? null,
      target_id: event.targetId === undefined ? null : String(event.targetId),
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
      ip: event.ip ?? null,
      system_id: systemOf(eb, event),
    }))
    .execute();
}

function systemOf(eb: ExpressionBuilder<Database, "audit_event">, event: AuditEventToRecord) {
  const placeSystem = (id: number) =>
    eb.selectFrom("place").select("place.system_id").where("place.id", "=", id);
  const organisationSystem = (id: number) =>
    eb
      .selectFrom("organisation")
      .select("organisation.system_id")
      .where("organisation.id", "=", id);
  if (event.system) {
    if ("systemId" in event.system) return event.system.systemId;
    if ("placeId" in event.system) return placeSystem(event.system.placeId);
    return organisationSystem(event.system.organisationId);
  }
  // A person, or nothing: no system of its own.
  const id = Number(event.targetId);
  if (event.targetId === undefined || !Number.isSafeInteger(id)) return null;
  switch (event.targetType) {
    case "organisation":
      return organisationSystem(id);
    case "place":
      return placeSystem(id);
    case "assessment_period":
      return eb
        .selectFrom("assessment_period")
        .select("assessment_period.system_id")
        .where("assessment_period.id", "=", id);
    case "outcome_measure":
      return eb
        .selectFrom("outcome_measure")
        .select("outcome_measure.system_id")
        .where("outcome_measure.id", "=", id);
    case "assessment":
      return eb
        .selectFrom("assessment")
        .innerJoin("organisation", "organisation.id", "assessment.organisation_id")
        .select("organisation.system_id")
        .where("assessment.id", "=", id);
    default:
      return null;
  }
}

/**
 * Newest first, with who did it. `beforeId` pages back from the last row
 * shown; `afterId` pages forward (newer) from the first, and still returns
 * newest first. Filters: who acted, which organisation it was about (the
 * organisation itself or one of its months), which kind, and a time range
 * (`from` inclusive, `to` exclusive, ISO UTC).
 */
export async function listAuditEvents(
  db: Kysely<Database>,
  args: {
    /** Only events about these systems: done by their people, or to their things. */
    systemIds: readonly number[];
    limit: number;
    beforeId?: number;
    afterId?: number;
    actorUserId?: number;
    action?: string;
    organisationId?: number;
    from?: string;
    to?: string;
  },
): Promise<AuditEventWithActor[]> {
  if (!args.systemIds.length) return [];
  let query = db
    .selectFrom("audit_event")
    .leftJoin("app_user", "app_user.id", "audit_event.actor_user_id")
    .selectAll("audit_event")
    .select(["app_user.name as actor_name", "app_user.email as actor_email"])
    .where(auditEventInSystems(args.systemIds))
    .orderBy("audit_event.id", args.afterId !== undefined ? "asc" : "desc")
    .limit(args.limit);
  if (args.beforeId !== undefined) query = query.where("audit_event.id", "<", args.beforeId);
  if (args.afterId !== undefined) query = query.where("audit_event.id", ">", args.afterId);
  if (args.actorUserId !== undefined) {
    query = query.where("audit_event.actor_user_id", "=", args.actorUserId);
  }
  if (args.action) query = query.where("audit_event.action", "=", args.action);
  if (args.from) query = query.where("audit_event.at", ">=", args.from);
  if (args.to) query = query.where("audit_event.at", "<", args.to);
  if (args.organisationId !== undefined) {
    const organisationId = args.organisationId;
    // Target ids are text: compare with the ids as text, so both databases use the index.
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb("audit_event.target_type", "=", "organisation"),
          eb("audit_event.target_id", "=", String(organisationId)),
        ]),
        eb.and([
          eb("audit_event.target_type", "=", "assessment"),
          eb(
            "audit_event.target_id",
            "in",
            eb
              .selectFrom("assessment")
              .select((inner) => inner.cast<string>("assessment.id", "text").as("id"))
              .where("assessment.organisation_id", "=", organisationId),
          ),
        ]),
      ]),
    );
  }
  const rows = await query.execute();
  if (args.afterId !== undefined) rows.reverse();
  return rows.map((row) => ({ ...row, detailParsed: parseDetail(row.detail) }));
}

/**
 * The person with this address, if they belong to one of the systems: they
 * hold a role there, or did something its log records (a role since taken
 * away). Anyone else is answered as no one, so the audit page's filter
 * never tells another system's administrator which addresses have accounts.
 */
export async function auditPersonInSystems(
  db: Kysely<Database>,
  args: { email: string; systemIds: readonly number[] },
): Promise<{ id: number } | undefined> {
  if (!args.systemIds.length) return undefined;
  return db
    .selectFrom("app_user")
    .select("app_user.id")
    .where("app_user.email", "=", normaliseEmail(args.email))
    .where((eb) =>
      eb.or([
        userInSystems("app_user.id", args.systemIds),
        eb.exists(
          eb
            .selectFrom("audit_event")
            .select("audit_event.id")
            .whereRef("audit_event.actor_user_id", "=", "app_user.id")
            .where("audit_event.system_id", "in", [...args.systemIds]),
        ),
      ]),
    )
    .executeTakeFirst();
}

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (detail === null) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    // A row written by hand or by an older version should not break the page that lists it.
    return null;
  }
}
