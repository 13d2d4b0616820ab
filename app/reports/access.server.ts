import { canReadAnnualReport, type ReportScopeAccess } from "../access/policy";
import { getOrganisation } from "../models/organisations.server";
import { getPlace, getSystem } from "../models/places.server";
import { getReportJob } from "../models/report-jobs.server";
import { getDb } from "../models/db.server";
import { notFound, requireUser, routeId } from "../auth/guards.server";

export type ReportScopeRef = { kind: "organisation" | "place" | "system"; id: number };

/** The scope as the access rules see it, with its name; null when it does not exist. */
export async function reportScopeAccess(
  scope: ReportScopeRef,
): Promise<{ access: ReportScopeAccess; name: string; systemId: number } | null> {
  const db = getDb();
  if (scope.kind === "organisation") {
    const organisation = await getOrganisation(db, { id: scope.id });
    return organisation
      ? {
          access: { kind: "organisation", organisation },
          name: organisation.name,
          systemId: organisation.systemId,
        }
      : null;
  }
  if (scope.kind === "place") {
    const place = await getPlace(db, { id: scope.id });
    return place
      ? { access: { kind: "place", place }, name: place.name, systemId: place.systemId }
      : null;
  }
  const system = await getSystem(db, { id: scope.id });
  return system
    ? { access: { kind: "system", systemId: system.id }, name: system.name, systemId: system.id }
    : null;
}

/**
 * A report job whose scope the person may read (whoever asked for it); any
 * other answers 404, as one that does not exist, so job ids cannot be probed.
 */
export async function requireReportJobReader(request: Request, jobId: string | undefined) {
  const auth = await requireUser(request);
  const job = await getReportJob(getDb(), { id: routeId(jobId) });
  if (!job) notFound();
  const scope = await reportScopeAccess({ kind: job.scope_kind, id: job.scope_id });
  if (!scope || !canReadAnnualReport(auth.principal, scope.access)) notFound();
  return { auth, job, scopeName: scope.name };
}
