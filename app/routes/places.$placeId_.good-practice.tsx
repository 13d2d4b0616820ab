import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { canReadGoodPractice } from "~/access/policy";
import { getPlace } from "~/models/places.server";
import { SHARED_PRACTICE_PAGE, sharedPracticeForPlace } from "~/models/shared-practice.server";
import { notFound, requireUser, routeId } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formatDate } from "~/utils/dates";
import { Pagination } from "~/components/layout/Pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Good practice in ${data?.place.name ?? "the place"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const db = getDb();
  const place = await getPlace(db, { id: routeId(params.placeId) });
  if (!place || !canReadGoodPractice(auth.principal, place)) notFound();
  const page = pageNumber(new URL(request.url).searchParams.get("page"));
  const { items, more } = await sharedPracticeForPlace(db, {
    placeId: place.id,
    systemId: place.systemId,
    limit: SHARED_PRACTICE_PAGE,
    offset: (page - 1) * SHARED_PRACTICE_PAGE,
  });
  const here = `/places/${place.id}/good-practice`;
  return {
    place: { name: place.name },
    page,
    newer:
      page > 1
        ? { href: page === 2 ? here : `${here}?page=${page - 1}`, label: "Newer items" }
        : null,
    older: more ? { href: `${here}?page=${page + 1}`, label: "Older items" } : null,
    items: items.map((item) => ({
      ...item,
      href:
        item.kind === "file"
          ? `/organisations/${item.organisationId}/evidence/${item.id}`
          : item.kind === "link" && item.url && /^https?:\/\//i.test(item.url)
            ? item.url
            : null,
      details:
        item.kind === "narrative" ? item.body : item.kind === "measure" ? item.measure : null,
      sharedOn: formatDate(item.sharedAt),
    })),
  };
}

/** Page 1 for anything that is not a page number a person could have followed. */
function pageNumber(value: string | null): number {
  const n = Number(value ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export default function GoodPractice() {
  const { place, items, page, newer, older } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">Shared by the collaborative</span>
        Good practice in {place.name}
      </h1>
      {items.length === 0 && page > 1 ? (
        <p className="nhsuk-body">There are no older items.</p>
      ) : items.length === 0 ? (
        <p className="nhsuk-body">
          No organisation in this place has shared good practice yet. Champions can share an
          evidence item from their self-assessment.
        </p>
      ) : (
        <ul className="nhsuk-list">
          {items.map((item) => (
            <li key={item.id} className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-s">{item.title}</h2>
                <p className="nhsuk-body-s nhsuk-u-secondary-text-color">
                  {item.organisationName}
                  {item.componentIds.length
                    ? `, for component${item.componentIds.length > 1 ? "s" : ""} ${item.componentIds.join(", ")}`
                    : ""}
                  , shared on {item.sharedOn}
                </p>
                {item.details ? (
                  <p className="nhsuk-body app-wrap-anywhere">{item.details}</p>
                ) : null}
                {item.href ? (
                  <p className="nhsuk-body">
                    {item.kind === "file" ? (
                      <a href={item.href}>Download {item.fileName}</a>
                    ) : (
                      <a href={item.href} rel="noopener noreferrer">
                        Open the link
                        <span className="nhsuk-u-visually-hidden"> for {item.title}</span>
                      </a>
                    )}
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination previous={newer} next={older} />
    </>
  );
}
