import type { Grant, Principal } from "~/access/policy";

/**
 * Two systems (two ICSs sharing one deployment), enough to state every rule:
 * system 1 has places 10 and 20, organisation 100 in place 10, 200 in place 20
 * and 300 serving the whole system; system 2 has place 90, organisation 900 in
 * it and 950 serving the whole system.
 */
export const system1 = {
  place10: { id: 10, systemId: 1 },
  place20: { id: 20, systemId: 1 },
  inPlace10: { id: 100, placeId: 10, systemId: 1 },
  inPlace20: { id: 200, placeId: 20, systemId: 1 },
  systemWide: { id: 300, placeId: null, systemId: 1 },
};
export const system2 = {
  place90: { id: 90, systemId: 2 },
  inPlace90: { id: 900, placeId: 90, systemId: 2 },
  systemWide: { id: 950, placeId: null, systemId: 2 },
};

export const person = (...grants: Grant[]): Principal => ({ userId: 1, grants });

const grant = (role: Grant["role"], over: Partial<Grant>): Grant => ({
  role,
  organisationId: null,
  placeId: null,
  systemId: 1,
  ...over,
});

export const adminGrant = (systemId = 1) => grant("admin", { systemId });
export const placeLeadGrant = (placeId: number, systemId = 1) =>
  grant("place_lead", { placeId, systemId });
export const steeringGrant = (placeId: number, systemId = 1) =>
  grant("steering_member", { placeId, systemId });
export const championGrant = (
  organisationId: number,
  organisationPlaceId: number | null,
  systemId = 1,
) => grant("champion", { organisationId, organisationPlaceId, systemId });

export const admin = (systemId = 1) => person(adminGrant(systemId));
export const placeLead = (placeId: number, systemId = 1) =>
  person(placeLeadGrant(placeId, systemId));
export const steering = (placeId: number, systemId = 1) => person(steeringGrant(placeId, systemId));
export const champion = (
  organisationId: number,
  organisationPlaceId: number | null,
  systemId = 1,
) => person(championGrant(organisationId, organisationPlaceId, systemId));

export const systemReaderGrant = (systemId = 1) => grant("system_reader", { systemId });
export const systemReader = (systemId = 1) => person(systemReaderGrant(systemId));
