import { canManagePeople, overseenPlaceIds, type Principal } from "../access/policy";

export type NavigationItem = { href: string; text: string };

/**
 * The header's links for a signed-in person: only places their roles open, so
 * nobody is shown a link that would answer 403.
 */
export function navigationFor(principal: Principal): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/organisations", text: "Organisations" }];
  const placeId = overseenPlaceIds(principal)[0];
  if (placeId !== undefined) items.push({ href: `/places/${placeId}`, text: "Place summary" });
  if (canManagePeople(principal)) items.push({ href: "/admin", text: "Administration" });
  items.push({ href: "/", text: "The charter" });
  return items;
}
