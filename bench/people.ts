import type BetterSqlite from "better-sqlite3";
import { hashPassword } from "../app/auth/password.server";
import { createTotpKey } from "../app/auth/totp.server";

export const BENCH_PASSWORD = "bench passphrase for synthetic data";

export type BenchRole = "champion" | "steering_member" | "place_lead" | "admin";
export const benchEmail = (role: BenchRole) => `bench.${role.replace("_", "-")}@bench.example`;

/**
 * The people the benchmark signs in as: a champion of the largest place's
 * first organisation, a steering member and a place lead of that place, and
 * an administrator of the largest system. Real people (not demo), so each
 * has a second factor, as everyone in a deployment must (issue 21).
 */
export async function insertBenchPeople(sqlite: BetterSqlite.Database) {
  const place = sqlite
    .prepare(
      `select place_id as id, min(id) as firstOrganisation from organisation where place_id is not null
       group by place_id order by count(*) desc, place_id limit 1`,
    )
    .get() as { id: number; firstOrganisation: number };
  const system = sqlite
    .prepare(
      "select system_id as id from organisation group by system_id order by count(*) desc, system_id limit 1",
    )
    .get() as { id: number };
  const people: Array<{ role: BenchRole; scope: [number | null, number | null, number | null] }> = [
    { role: "champion", scope: [place.firstOrganisation, null, null] },
    { role: "steering_member", scope: [null, place.id, null] },
    { role: "place_lead", scope: [null, place.id, null] },
    { role: "admin", scope: [null, null, system.id] },
  ];
  const addUser = sqlite.prepare(
    "insert into app_user (email, name, password_hash, totp_key, totp_enabled_at, is_demo) values (?, ?, ?, ?, ?, 0)",
  );
  const grant = sqlite.prepare(
    "insert into role_assignment (user_id, role, organisation_id, place_id, system_id) values (?, ?, ?, ?, ?)",
  );
  for (const person of people) {
    const secondFactor = true;
    const id = addUser.run(
      benchEmail(person.role),
      `Bench ${person.role.replace("_", " ")}`,
      await hashPassword(BENCH_PASSWORD),
      secondFactor ? createTotpKey() : null,
      secondFactor ? new Date().toISOString() : null,
    ).lastInsertRowid;
    grant.run(id, person.role, ...person.scope);
  }
}
