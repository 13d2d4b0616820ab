import { canGrant } from "../access/policy";
import type { roles } from "../forms/admin";
import { getOrganisation } from "../models/organisations.server";
import { getPlace } from "../models/places.server";
import type { Auth } from "../auth/guards.server";
import { forbidden } from "../auth/guards.server";
import { getDb } from "../models/db.server";

type RequestedGrant = {
  role: (typeof roles)[number];
  organisationId: number | null;
  placeId: number | null;
};

/**
 * Resolves a requested role to the scope it covers and refuses (403) one this
 * person may not hand out. Returns what to store in role_assignment.
 */
export async function authoriseGrant(auth: Auth, requested: RequestedGrant) {
  const db = getDb();
  if (requested.role === "champion") {
    const organisation = await getOrganisation(db, { id: requested.organisationId ?? 0 });
    if (!organisation) forbidden();
    const grant = {
      role: requested.role,
      organisationId: organisation.id,
      placeId: null,
      systemId: organisation.systemId,
    };
    if (!canGrant(auth.principal, grant, { systemId: organisation.systemId, organisation })) {
      forbidden();
    }
    return { role: grant.role, organisationId: organisation.id };
  }
  // Both are held for the system the granting administrator administers.
  if (requested.role === "admin" || requested.role === "system_reader") {
    const systemId = auth.grants.find((g) => g.role === "admin")?.systemId;
    if (systemId === undefined) forbidden();
    const grant = { role: requested.role, organisationId: null, placeId: null, systemId };
    if (!canGrant(auth.principal, grant, { systemId })) forbidden();
    return { role: grant.role, systemId };
  }
  const place = await getPlace(db, { id: requested.placeId ?? 0 });
  if (!place) forbidden();
  const grant = {
    role: requested.role,
    organisationId: null,
    placeId: place.id,
    systemId: place.systemId,
  };
  if (!canGrant(auth.principal, grant, { systemId: place.systemId })) forbidden();
  return { role: grant.role, placeId: place.id };
}
