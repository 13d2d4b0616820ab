import type { Kysely, Selectable } from "kysely";
import type { Database, OutcomeMeasureVersionTable } from "../../db/schema";
import { isDue, type MeasureVersion } from "../charter/outcomes";
import type { Actor } from "./actor.server";
import { recordAudit } from "./audit.server";

/**
 * A system's outcome measures and their versions (ADR 040). A measure's
 * current definition is its newest version; a change to what it means adds
 * a version, so figures entered before keep the definition they answered.
 */

/** What a definition says: every field a change to which makes a new version. */
export type MeasureDefinition = Omit<
  MeasureVersion,
  "measureId" | "versionId" | "version" | "createdAt"
>;

export type Measure = {
  id: number;
  systemId: number;
  position: number;
  retired: boolean;
  current: MeasureVersion;
};

export function versionFromRow(row: Selectable<OutcomeMeasureVersionTable>): MeasureVersion {
  return {
    measureId: row.measure_id,
    versionId: row.id,
    version: row.version,
    name: row.name,
    definition: row.definition,
    domainNumber: row.domain_number,
    componentIds: parseIds(row.component_ids),
    kind: row.kind,
    unit: row.unit,
    numeratorLabel: row.numerator_label,
    denominatorLabel: row.denominator_label,
    frequency: row.frequency,
    createdAt: row.created_at,
  };
}

function parseIds(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

const sameDefinition = (a: MeasureDefinition, b: MeasureDefinition) =>
  a.name === b.name &&
  a.definition === b.definition &&
  a.domainNumber === b.domainNumber &&
  [...a.componentIds].sort().join() === [...b.componentIds].sort().join() &&
  a.kind === b.kind &&
  a.unit === b.unit &&
  a.numeratorLabel === b.numeratorLabel &&
  a.denominatorLabel === b.denominatorLabel &&
  a.frequency === b.frequency;

/** The measures of a system in their order, each with its current version. */
export async function listMeasures(
  db: Kysely<Database>,
  args: { systemId: number; includeRetired?: boolean },
): Promise<Measure[]> {
  let query = db
    .selectFrom("outcome_measure as m")
    .innerJoin("outcome_measure_version as v", "v.measure_id", "m.id")
    .selectAll("v")
    .select(["m.system_id as systemId", "m.position", "m.retired_at as retiredAt"])
    .where("m.system_id", "=", args.systemId)
    .where((eb) =>
      eb(
        "v.version",
        "=",
        eb
          .selectFrom("outcome_measure_version as newest")
          .select((n) => n.fn.max("newest.version").as("version"))
          .whereRef("newest.measure_id", "=", "m.id"),
      ),
    )
    .orderBy("m.position")
    .orderBy("m.id");
  if (!args.includeRetired) query = query.where("m.retired_at", "is", null);
  const rows = await query.execute();
  return rows.map(({ systemId, position, retiredAt, ...v }) => ({
    id: v.measure_id,
    systemId,
    position,
    retired: retiredAt !== null,
    current: versionFromRow(v),
  }));
}

/** The measures due in the month starting on `startsOn` (retired ones are no longer collected). */
export async function measuresDueIn(
  db: Kysely<Database>,
  args: { systemId: number; startsOn: string },
): Promise<Measure[]> {
  const measures = await listMeasures(db, { systemId: args.systemId });
  return measures.filter((m) => isDue(m.current.frequency, args.startsOn));
}

/** One measure with every version, newest first; undefined when there is none. */
export async function getMeasure(db: Kysely<Database>, args: { id: number }) {
  const measure = await db
    .selectFrom("outcome_measure")
    .selectAll()
    .where("id", "=", args.id)
    .executeTakeFirst();
  if (!measure) return undefined;
  const versions = (
    await db
      .selectFrom("outcome_measure_version")
      .selectAll()
      .where("measure_id", "=", args.id)
      .orderBy("version", "desc")
      .execute()
  ).map(versionFromRow);
  return {
    id: measure.id,
    systemId: measure.system_id,
    position: measure.position,
    retired: measure.retired_at !== null,
    current: versions[0]!,
    versions,
  };
}

/** Versions by id, for series whose figures name the version they were entered against. */
export async function versionsByIds(db: Kysely<Database>, ids: readonly number[]) {
  if (!ids.length) return new Map<number, MeasureVersion>();
  const rows = await db
    .selectFrom("outcome_measure_version")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, versionFromRow(r)]));
}

const versionRow = (measureId: number, version: number, d: MeasureDefinition, actor: Actor) => ({
  measure_id: measureId,
  version,
  name: d.name,
  definition: d.definition,
  domain_number: d.domainNumber,
  component_ids: JSON.stringify([...d.componentIds]),
  kind: d.kind,
  unit: d.unit,
  numerator_label: d.kind === "ratio" ? d.numeratorLabel : null,
  denominator_label: d.kind === "ratio" ? d.denominatorLabel : null,
  frequency: d.frequency,
  created_at: actor.now.toISOString(),
  created_by: actor.userId,
});

const auditMeasure = (
  db: Kysely<Database>,
  actor: Actor,
  action: "outcome_measure.created" | "outcome_measure.revised" | "outcome_measure.retired",
  measureId: number,
  detail: Record<string, unknown>,
) =>
  recordAudit(db, {
    actorUserId: actor.userId,
    action,
    targetType: "outcome_measure",
    targetId: measureId,
    detail,
    ip: actor.ip,
    now: actor.now,
  });

async function insertMeasure(
  trx: Kysely<Database>,
  args: { systemId: number; definition: MeasureDefinition; actor: Actor },
) {
  const last = await trx
    .selectFrom("outcome_measure")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("system_id", "=", args.systemId)
    .executeTakeFirst();
  const measure = await trx
    .insertInto("outcome_measure")
    .values({
      system_id: args.systemId,
      position: Number(last?.position ?? 0) + 1,
      created_at: args.actor.now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("outcome_measure_version")
    .values(versionRow(measure.id, 1, args.definition, args.actor))
    .execute();
  await auditMeasure(trx, args.actor, "outcome_measure.created", measure.id, {
    name: args.definition.name,
  });
  return measure.id;
}

export async function createMeasure(
  db: Kysely<Database>,
  args: { systemId: number; definition: MeasureDefinition; actor: Actor },
): Promise<number> {
  return db.transaction().execute((trx) => insertMeasure(trx, args));
}

/**
 * The starting set (the slides' six outcomes), added only to a system that
 * has no measures yet: twice clicked, it is added once.
 */
export async function addStartingSet(
  db: Kysely<Database>,
  args: { systemId: number; definitions: readonly MeasureDefinition[]; actor: Actor },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const any = await trx
      .selectFrom("outcome_measure")
      .select("id")
      .where("system_id", "=", args.systemId)
      .limit(1)
      .executeTakeFirst();
    if (any) return 0;
    for (const definition of args.definitions)
      await insertMeasure(trx, { systemId: args.systemId, definition, actor: args.actor });
    return args.definitions.length;
  });
}

/**
 * Saves a measure's definition: a new version when anything it says has
 * changed, nothing when it has not. Figures already entered keep their
 * version. `expectedVersion` guards against two administrators' edits.
 */
export async function reviseMeasure(
  db: Kysely<Database>,
  args: {
    measureId: number;
    expectedVersion: number;
    definition: MeasureDefinition;
    actor: Actor;
  },
): Promise<{ outcome: "revised"; version: number } | { outcome: "unchanged" | "conflict" }> {
  return db.transaction().execute(async (trx) => {
    const newest = await trx
      .selectFrom("outcome_measure_version")
      .selectAll()
      .where("measure_id", "=", args.measureId)
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    if (newest.version !== args.expectedVersion) return { outcome: "conflict" } as const;
    if (sameDefinition(versionFromRow(newest), args.definition))
      return { outcome: "unchanged" } as const;
    const version = newest.version + 1;
    await trx
      .insertInto("outcome_measure_version")
      .values(versionRow(args.measureId, version, args.definition, args.actor))
      .execute();
    await auditMeasure(trx, args.actor, "outcome_measure.revised", args.measureId, {
      name: args.definition.name,
      version,
    });
    return { outcome: "revised", version } as const;
  });
}

/** Stops (or starts again) collecting a measure; its figures and versions are kept. */
export async function setMeasureRetired(
  db: Kysely<Database>,
  args: { measureId: number; retired: boolean; name: string; actor: Actor },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("outcome_measure")
      .set({ retired_at: args.retired ? args.actor.now.toISOString() : null })
      .where("id", "=", args.measureId)
      .execute();
    await auditMeasure(trx, args.actor, "outcome_measure.retired", args.measureId, {
      name: args.name,
      retired: args.retired,
    });
  });
}
