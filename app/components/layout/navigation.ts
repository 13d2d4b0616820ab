import {
  canManagePeople,
  overseenPlaceIds,
  type Principal,
  rollupSystemIds,
} from "../../access/policy";

/** The place whose good practice a person sees first: one they oversee, or their organisation's. */
function goodPracticePlaceId(principal: Principal): number | undefined {
  const champion = principal.grants.find((g) => g.role === "champion" && g.organisationPlaceId);
  return overseenPlaceIds(principal)[0] ?? champion?.organisationPlaceId ?? undefined;
}

export type NavigationItem = { href: string; text: string };

/**
 * The header's links for a signed-in person: only places their roles open, so
 * nobody is shown a link that would answer 403.
 */
export function navigationFor(principal: Principal): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/organisations", text: "Organisations" }];
  const placeId = overseenPlaceIds(principal)[0];
  if (placeId !== undefined) {
    items.push({ href: `/places/${placeId}`, text: "Place summary" });
    items.push({ href: `/places/${placeId}/comparison`, text: "Compare" });
  }
  const sharedIn = goodPracticePlaceId(principal);
  if (sharedIn !== undefined) {
    items.push({ href: `/places/${sharedIn}/good-practice`, text: "Good practice" });
  }
  const rollupSystem = rollupSystemIds(principal)[0];
  if (rollupSystem !== undefined) {
    // Administrators and system readers read every place: the list of them all.
    items.push({ href: "/places", text: "Place summaries" });
    items.push({ href: `/systems/${rollupSystem}`, text: "ICS roll-up" });
  }
  if (canManagePeople(principal)) items.push({ href: "/admin", text: "Administration" });
  items.push({ href: "/exports", text: "Data exports" });
  items.push({ href: "/charter", text: "The charter" });
  return items;
}
