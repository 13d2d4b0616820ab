import type BetterSqlite from "better-sqlite3";
import type { OrganisationType } from "../db/schema";
import type { CountryShape } from "./options";
import type { Random } from "./random";

export type SyntheticOrganisation = {
  id: number;
  systemId: number;
  placeId: number | null;
  /** Who reviews its evidence: its place's steering member (system-wide: the first place's). */
  reviewerUserId: number;
  championUserId: number;
};

export type Country = {
  organisations: SyntheticOrganisation[];
  /** Per system, its periods' ids, oldest first; the last is the open month. */
  periodIdsOf: Map<number, number[]>;
  months: Array<{ label: string; startsOn: string; endsOn: string }>;
};

const TYPES: OrganisationType[] = ["nhs_trust", "local_authority", "university", "other"];
// The newest month is fixed, not today's: the same seed gives the same dataset next year.
const LAST_MONTH = { year: 2026, monthIndex: 10 };
const monthName = new Intl.DateTimeFormat("en-GB", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * Systems, places (8 to 60 organisations each), organisations (one
 * system-wide ICB per system, the rest in places), monthly periods, and the
 * people the history needs: a champion per organisation and a steering member
 * per place, invited but without a password (nobody signs in as them).
 */
export function insertCountry(sqlite: BetterSqlite.Database, shape: CountryShape, random: Random) {
  const insert = (sql: string) => {
    const statement = sqlite.prepare(sql);
    return (...args: unknown[]) => Number(statement.run(...args).lastInsertRowid);
  };
  const system = insert("insert into system (name) values (?)");
  const place = insert("insert into place (system_id, name) values (?, ?)");
  const organisation = insert(
    "insert into organisation (system_id, place_id, name, type) values (?, ?, ?, ?)",
  );
  const period = insert(
    "insert into assessment_period (system_id, label, starts_on, ends_on, status) values (?, ?, ?, ?, ?)",
  );
  const user = insert("insert into app_user (email, name) values (?, ?)");
  const role = insert(
    "insert into role_assignment (user_id, role, organisation_id, place_id) values (?, ?, ?, ?)",
  );

  const months = monthsEndingWith(LAST_MONTH, shape.months);
  const systemIds = range(shape.systems).map((i) => system(`System ${pad(i + 1, 2)} ICS`));
  const periodIdsOf = new Map<number, number[]>();
  for (const systemId of systemIds) {
    periodIdsOf.set(
      systemId,
      months.map((m, i) =>
        period(
          systemId,
          m.label,
          m.startsOn,
          m.endsOn,
          i === months.length - 1 ? "open" : "closed",
        ),
      ),
    );
  }

  // Every system has a place; the rest fall where the dice say.
  const placeSystems = range(shape.places).map((i) =>
    i < systemIds.length ? systemIds[i]! : random.pick(systemIds),
  );
  const sizes = placeSizes(shape.places, shape.organisations - shape.systems, random);
  const organisations: SyntheticOrganisation[] = [];
  const steeringUserOf = new Map<number, number>();
  const firstPlaceOf = new Map<number, number>();
  const addOrganisation = (systemId: number, placeId: number | null, reviewerUserId: number) => {
    const n = organisations.length + 1;
    const id = organisation(systemId, placeId, `Organisation ${pad(n, 5)}`, random.pick(TYPES));
    const championUserId = user(`champion.${n}@bench.example`, `Champion ${n}`);
    role(championUserId, "champion", id, null);
    organisations.push({ id, systemId, placeId, reviewerUserId, championUserId });
  };
  placeSystems.forEach((systemId, i) => {
    const placeId = place(systemId, `Place ${pad(i + 1, 3)}`);
    if (!firstPlaceOf.has(systemId)) firstPlaceOf.set(systemId, placeId);
    const steering = user(`steering.${i + 1}@bench.example`, `Steering member ${i + 1}`);
    role(steering, "steering_member", null, placeId);
    steeringUserOf.set(placeId, steering);
    for (let k = 0; k < sizes[i]!; k++) addOrganisation(systemId, placeId, steering);
  });
  for (const systemId of systemIds) {
    addOrganisation(systemId, null, steeringUserOf.get(firstPlaceOf.get(systemId)!)!);
    const last = organisations.at(-1)!;
    sqlite.prepare("update organisation set type = 'icb_ccg' where id = ?").run(last.id);
  }
  return { organisations, periodIdsOf, months } satisfies Country;
}

/** Sizes from 8 to 60 that add up to `total`. */
function placeSizes(places: number, total: number, random: Random): number[] {
  const [min, max] = [8, 60];
  if (total < places * min || total > places * max) {
    throw new Error(`${total} organisations cannot fill ${places} places of ${min} to ${max}`);
  }
  const sizes = range(places).map(() => random.int(min, max));
  let sum = sizes.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = random.int(0, places - 1);
    const step = sum > total ? -1 : 1;
    if (sizes[i]! + step < min || sizes[i]! + step > max) continue;
    sizes[i]! += step;
    sum += step;
  }
  return sizes;
}

function monthsEndingWith(last: { year: number; monthIndex: number }, count: number) {
  return range(count).map((i) => {
    const start = new Date(Date.UTC(last.year, last.monthIndex - (count - 1 - i), 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    return {
      label: monthName.format(start),
      startsOn: start.toISOString().slice(0, 10),
      endsOn: end.toISOString().slice(0, 10),
    };
  });
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const pad = (n: number, width: number) => String(n).padStart(width, "0");
