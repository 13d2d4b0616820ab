import { data } from "@remix-run/node";
import { adminSystemIds } from "~/access/policy";
import { auditSentence } from "~/audit/sentences";
import { componentById, loadCharter } from "~/charter/content";
import {
  auditFilterSchema,
  type AuditFilter,
  ukDayEndUtc,
  ukDayStartUtc,
} from "~/forms/audit-filter";
import { auditNames } from "~/models/audit-names.server";
import { auditPersonInSystems, listAuditEvents } from "~/models/audit.server";
import { listOrganisations } from "~/models/organisations.server";
import { requireAdmin } from "~/auth/guards.server";
import { formatDateTime } from "~/utils/dates";
import { getDb } from "~/models/db.server";
import { parseForm } from "~/forms/parse";

export const AUDIT_PAGE = 50;

/** The filters as an address, with a page position, for the pagination links. */
function pageHref(filter: Record<string, string>, position: { before?: number; after?: number }) {
  const params = new URLSearchParams();
  for (const key of ["person", "organisation", "kind", "from", "to"]) {
    if (filter[key]) params.set(key, filter[key]!);
  }
  if (position.before !== undefined) params.set("before", String(position.before));
  if (position.after !== undefined) params.set("after", String(position.after));
  const query = params.toString();
  return `/admin/audit${query ? `?${query}` : ""}`;
}

/**
 * The audit log of the administrator's systems, a page at a time, filtered
 * by who, which organisation, which kind and which UK days. A filter that
 * cannot be read answers 400 with its message beside the field and lists
 * nothing, rather than showing everything as if it had been applied.
 */
export async function loadAuditLog(request: Request) {
  const { auth } = await requireAdmin(request);
  const db = getDb();
  const systemIds = adminSystemIds(auth.principal);
  const url = new URL(request.url);
  const formData = new FormData();
  for (const [key, value] of url.searchParams) formData.set(key, value.slice(0, 1000));
  const form = parseForm(auditFilterSchema, formData);
  const organisations = (await listOrganisations(db, { systemIds })).map((o) => ({
    value: String(o.id),
    label: o.name,
  }));
  const base = { organisations, values: form.values, pageSize: AUDIT_PAGE };
  if (!form.success) {
    return data(
      { ...base, errors: form.errors, events: null, previous: null, next: null },
      { status: 400 },
    );
  }
  const filter: AuditFilter = form.data;
  let actorUserId: number | undefined;
  if (filter.person) {
    // The same answer for an unknown address and another system's person.
    const person = await auditPersonInSystems(db, { email: filter.person, systemIds });
    if (!person) {
      const errors = { person: "No one in your system has this email address" };
      return data({ ...base, errors, events: null, previous: null, next: null }, { status: 400 });
    }
    actorUserId = person.id;
  }
  const organisationId = filter.organisation ? Number(filter.organisation) : undefined;
  if (organisationId !== undefined && !organisations.some((o) => o.value === filter.organisation)) {
    const errors = { organisation: "Select an organisation from the list" };
    return data({ ...base, errors, events: null, previous: null, next: null }, { status: 400 });
  }
  const query = {
    systemIds,
    actorUserId,
    organisationId,
    action: filter.kind || undefined,
    from: filter.from ? ukDayStartUtc(filter.from) : undefined,
    to: filter.to ? ukDayEndUtc(filter.to) : undefined,
  };
  const before = filter.before ? Number(filter.before) : undefined;
  const after = filter.after && !filter.before ? Number(filter.after) : undefined;
  // One more than a page says whether there is more beyond it, without counting the log.
  const rows = await listAuditEvents(db, {
    ...query,
    limit: AUDIT_PAGE + 1,
    beforeId: before,
    afterId: after,
  });
  const more = rows.length > AUDIT_PAGE;
  const events =
    after !== undefined ? rows.slice(rows.length - AUDIT_PAGE) : rows.slice(0, AUDIT_PAGE);
  const newest = events[0]?.id;
  const oldest = events[events.length - 1]?.id;
  const hasNewer =
    after !== undefined
      ? more
      : before !== undefined && newest !== undefined
        ? (await listAuditEvents(db, { ...query, limit: 1, afterId: newest })).length > 0
        : false;
  const hasOlder =
    after === undefined
      ? more
      : oldest !== undefined &&
        (await listAuditEvents(db, { ...query, limit: 1, beforeId: oldest })).length > 0;
  const names = await auditNames(db, events);
  const charter = loadCharter();
  const componentName = (id: string) => {
    const component = componentById(charter, id);
    return component ? `${component.id} ${component.title}` : id;
  };
  return data({
    ...base,
    errors: {} as Record<string, string>,
    filtered: Boolean(
      filter.person || filter.organisation || filter.kind || filter.from || filter.to,
    ),
    events: events.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at),
      sentence: auditSentence({
        action: e.action,
        actor: e.actor_name,
        detail: e.detailParsed,
        targetName: names.targetName(e),
        month: names.month(e),
        componentName,
      }),
      ip: e.ip ?? "",
    })),
    previous:
      hasNewer && newest !== undefined
        ? { href: pageHref(form.values, { after: newest }), label: "Newer events" }
        : null,
    next:
      hasOlder && oldest !== undefined
        ? { href: pageHref(form.values, { before: oldest }), label: "Older events" }
        : null,
  });
}
