import { decodeHex } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { hashPassword } from "~/auth/password.server";
import { createTotpKey } from "~/auth/totp.server";
import { openSql } from "../setup/database";
import { signIn, visit, type Visitor } from "./http";

/** A role as stored: an administrator's system, a place role's place, a champion's organisation. */
export type StoredGrant =
  | { role: "admin" | "system_reader"; systemId: number }
  | { role: "place_lead" | "steering_member"; placeId: number }
  | { role: "champion"; organisationId: number };

/**
 * A real (not demo) person, as an invitation would leave them, with a second
 * factor (an authenticator app) unless asked for one without: everyone must
 * use one (issue 21). `lastStep` is the app's last time step that signed in,
 * since the server accepts each code once.
 */
export type Person = {
  id: number;
  email: string;
  password: string;
  totpKey: string | null;
  lastStep?: number;
};

export async function addPerson(
  databaseUrl: string,
  person: { email: string; grants: StoredGrant[]; secondFactor?: boolean },
): Promise<Person> {
  const password = "a long passphrase nobody guesses";
  const hash = await hashPassword(password);
  const totpKey = person.secondFactor === false ? null : createTotpKey();
  const db = openSql(databaseUrl);
  try {
    const { id } = await db.one<{ id: number }>(
      "insert into app_user (email, name, password_hash, totp_key, totp_enabled_at) values (?, ?, ?, ?, ?) returning id",
      person.email,
      person.email,
      hash,
      totpKey,
      totpKey ? new Date().toISOString() : null,
    );
    for (const g of person.grants) {
      await db.run(
        "insert into role_assignment (user_id, role, organisation_id, place_id, system_id) values (?, ?, ?, ?, ?)",
        id,
        g.role,
        "organisationId" in g ? g.organisationId : null,
        "placeId" in g ? g.placeId : null,
        "systemId" in g ? g.systemId : null,
      );
    }
    return { id: Number(id), email: person.email, password, totpKey };
  } finally {
    await db.close();
  }
}

export const currentCode = (totpKey: string) => generateTOTP(decodeHex(totpKey), 30, 6);

/**
 * A code the server will take for `person` now: its step must be later than
 * the last one that signed them in, and within one step of the clock (the
 * server's grace). Signing the same person in several times within 30
 * seconds uses the steps either side, then waits for the next.
 */
export async function freshCode(person: Person): Promise<string> {
  const key = decodeHex(person.totpKey ?? "");
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now - 1, (person.lastStep ?? -Infinity) + 1);
    if (step <= now + 1) {
      person.lastStep = step;
      return generateHOTP(key, BigInt(step), 6);
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
  }
}

/** Password, then (for someone with a second factor) a code from their app. */
export async function signInAsPerson(baseUrl: string, person: Person): Promise<Visitor> {
  const visitor = await signIn(baseUrl, person.email, person.password);
  if (!person.totpKey) return visitor;
  const response = await visit(baseUrl, "/sign-in/two-factor", {
    visitor,
    method: "POST",
    form: { code: await freshCode(person) },
  });
  if (response.status !== 302) throw new Error(`The code for ${person.email} was refused`);
  return visitor;
}

/**
 * A second integrated care system beside the demo one: a place, an
 * organisation in it, an open month, and its own administrator, steering
 * group member and champion.
 */
export async function addSecondSystem(databaseUrl: string) {
  const db = openSql(databaseUrl);
  let ids: { system: number; place: number; organisation: number; period: number };
  try {
    const insert = async (sql: string, ...args: unknown[]) =>
      Number((await db.one<{ id: number }>(`${sql} returning id`, ...args)).id);
    const system = await insert("insert into system (name) values ('Second ICS')");
    const place = await insert(
      "insert into place (system_id, name) values (?, 'Second Place')",
      system,
    );
    const organisation = await insert(
      "insert into organisation (system_id, place_id, name, type) values (?, ?, 'Second Trust', 'nhs_trust')",
      system,
      place,
    );
    const period = await insert(
      "insert into assessment_period (system_id, label, starts_on, ends_on, status) values (?, 'Second month', '2026-11-01', '2026-11-30', 'open')",
      system,
    );
    ids = { system, place, organisation, period };
  } finally {
    await db.close();
  }
  const admin = await addPerson(databaseUrl, {
    email: "admin@second.example",
    grants: [{ role: "admin", systemId: ids.system }],
    secondFactor: true,
  });
  const steering = await addPerson(databaseUrl, {
    email: "steering@second.example",
    grants: [{ role: "steering_member", placeId: ids.place }],
  });
  const champion = await addPerson(databaseUrl, {
    email: "champion@second.example",
    grants: [{ role: "champion", organisationId: ids.organisation }],
  });
  return { ...ids, admin, steering, champion };
}
