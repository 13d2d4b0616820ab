/**
 * Where a review happens, and which queue its "Next" follows: the place's
 * (from the place's review queue) or the month's (from a month's overview).
 */
export type QueueRef = { kind: "place"; placeId: number } | { kind: "month" };

export function reviewPath(
  item: { organisationId: number; periodId: number; componentId: string },
  queue?: QueueRef,
): string {
  const path = `/organisations/${item.organisationId}/periods/${item.periodId}/review/${encodeURIComponent(item.componentId)}`;
  if (!queue) return path;
  return queue.kind === "place" ? `${path}?queue=place-${queue.placeId}` : `${path}?queue=month`;
}

export const placeQueuePath = (placeId: number) => `/places/${placeId}/reviews`;

/** Reads `?queue=` back; anything else is no queue. */
export function queueFrom(url: URL): QueueRef | null {
  const queue = url.searchParams.get("queue");
  if (queue === "month") return { kind: "month" };
  const place = queue?.match(/^place-(\d{1,12})$/);
  return place ? { kind: "place", placeId: Number(place[1]) } : null;
}
