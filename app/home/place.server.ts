import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { canReviewPlace, canSendReminders, type Principal } from "../access/policy";
import { listOrganisations } from "../models/organisations.server";
import { listPeriods } from "../models/periods.server";
import { placeQueuePath } from "../reviews/paths";
import { placeScope, queueCounts } from "../reviews/queue.server";
import { monthReturns } from "./returns.server";

type Place = { id: number; systemId: number };

/**
 * The first thing a place's steering group and lead see (issue 20): for
 * those who verify, what awaits review across the place and how many replies
 * wait for them; for those who chase returns (the place lead), how the open
 * months' returns stand, with the reminders one click away. Null parts are
 * not theirs to see.
 */
export async function placeHome(db: Kysely<Database>, place: Place, principal: Principal) {
  const reviews = canReviewPlace(principal, place)
    ? {
        ...(await queueCounts(db, await placeScope(db, place), principal.userId)),
        path: placeQueuePath(place.id),
      }
    : null;
  let returns = null;
  if (canSendReminders(principal, place)) {
    // The place's own organisations: system-wide ones are the ICS's to chase.
    const organisations = await listOrganisations(db, { placeIds: [place.id] });
    const open = (await listPeriods(db, { systemId: place.systemId })).filter(
      (p) => p.status === "open",
    );
    returns = await Promise.all(
      open.slice(0, 2).map(async (period) => ({
        ...(await monthReturns(db, { period, organisations })),
        remindPath: `/places/${place.id}/reminders?period=${period.id}`,
      })),
    );
  }
  return { reviews, returns };
}

export type PlaceHome = Awaited<ReturnType<typeof placeHome>>;
