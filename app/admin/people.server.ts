import { adminSystemIds, canManageUser, ledPlaceIds } from "../access/policy";
import { listOrganisations } from "../models/organisations.server";
import { listPlaces } from "../models/places.server";
import { type GrantRow, roleLabels } from "../models/users.server";
import type { Auth } from "../auth/guards.server";
import { getDb } from "../models/db.server";

/** The roles, organisations and places this person may offer when inviting. */
export async function grantChoices(auth: Auth) {
  const db = getDb();
  const systemIds = adminSystemIds(auth.principal);
  const organisations = await listOrganisations(db, {
    systemIds,
    placeIds: ledPlaceIds(auth.principal),
  });
  const places = await listPlaces(db, { systemIds });
  const roles = systemIds.length
    ? (Object.keys(roleLabels) as (keyof typeof roleLabels)[])
    : (["champion"] as const);
  return {
    roles: roles.map((r) => ({ value: r, label: roleLabels[r] })),
    organisations: [
      { value: "", label: "Select an organisation" },
      ...organisations.map((o) => ({ value: String(o.id), label: o.name })),
    ],
    places: [
      { value: "", label: "Select a place" },
      ...places.map((p) => ({ value: String(p.id), label: p.name })),
    ],
  };
}

/**
 * How far this person may manage someone: administrators of a system the
 * person has a role in fully; place leads only champions of their place's
 * organisations, and only to see them and resend their invitation.
 */
export async function personAccess(
  auth: Auth,
  target: GrantRow[],
): Promise<"full" | "champion-of-led-place" | null> {
  if (target.some((g) => canManageUser(auth.principal, g.systemId))) return "full";
  const led = ledPlaceIds(auth.principal);
  if (!led.length || !target.length) return null;
  const organisationIds = target.flatMap((g) =>
    g.role === "champion" && g.organisationId ? [g.organisationId] : [],
  );
  if (organisationIds.length !== target.length) return null;
  const organisations = await listOrganisations(getDb(), { organisationIds });
  const allInLedPlaces = organisations.every((o) => o.placeId !== null && led.includes(o.placeId));
  return allInLedPlaces ? "champion-of-led-place" : null;
}

/**
 * The roles of someone this person may see and take away: an administrator's
 * only those in their own systems, so a person with roles in two systems
 * shows each system's administrators that system's roles alone, and none can
 * remove the other's. A place lead's access already covers every role the
 * person holds (all champions of their place).
 */
export function grantsInReach(
  auth: Auth,
  target: GrantRow[],
  access: "full" | "champion-of-led-place",
): GrantRow[] {
  return access === "full"
    ? target.filter((g) => canManageUser(auth.principal, g.systemId))
    : target;
}
