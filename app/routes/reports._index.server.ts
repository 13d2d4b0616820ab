import { redirect } from "@remix-run/node";
import {
  canReadAnnualReport,
  championedOrganisationIds,
  overseenPlaceIds,
  type Principal,
  rollupSystemIds,
} from "~/access/policy";
import { annualReportSchema } from "~/forms/annual-report";
import { readForm } from "~/http/form-body.server";
import { listOrganisations } from "~/models/organisations.server";
import { listPlaces } from "~/models/places.server";
import { MAX_WAITING_PER_PERSON, requestReportJob } from "~/models/report-requests.server";
import { requireUser } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { reportScopeAccess } from "~/reports/access.server";
import {
  type ReportingYear,
  type YearKind,
  yearInWords,
  yearOf,
  yearValue,
} from "~/periods/reporting-year";

/**
 * The scopes offered to a person: their systems (administrators and system
 * readers), every place they read, and the organisations they champion.
 * Anyone else's scope is refused on the server whatever the form sends.
 */
async function scopeChoices(p: Principal) {
  const db = getDb();
  const systemIds = rollupSystemIds(p);
  const systems = systemIds.length
    ? await db
        .selectFrom("system")
        .select(["id", "name"])
        .where("id", "in", systemIds)
        .orderBy("name")
        .execute()
    : [];
  const places = await listPlaces(db, { systemIds, placeIds: overseenPlaceIds(p) });
  const organisations = await listOrganisations(db, {
    organisationIds: championedOrganisationIds(p),
  });
  return [
    ...systems.map((s) => ({
      value: `system:${s.id}`,
      label: `${s.name} (whole system)`,
      systemId: s.id,
    })),
    ...places.map((x) => ({
      value: `place:${x.id}`,
      label: `${x.name} (place)`,
      systemId: x.systemId,
    })),
    ...organisations.map((o) => ({
      value: `organisation:${o.id}`,
      label: o.name,
      systemId: o.systemId,
    })),
  ];
}

/**
 * The reporting years with at least one month in the person's systems,
 * newest first: financial years (the default) and calendar years.
 */
async function yearsIn(systemIds: number[]) {
  if (!systemIds.length) return [];
  const rows = await getDb()
    .selectFrom("assessment_period")
    .select("starts_on")
    .where("system_id", "in", systemIds)
    .execute();
  const of = (kind: YearKind) =>
    [...new Set(rows.map((r) => yearOf(kind, r.starts_on).start))]
      .sort((a, b) => b - a)
      .map((start) => ({ value: yearValue({ kind, start }), label: yearInWords({ kind, start }) }));
  return [...of("financial"), ...of("calendar")];
}

export async function loadReportRequest(request: Request) {
  const auth = await requireUser(request);
  const scopes = await scopeChoices(auth.principal);
  const years = await yearsIn([...new Set(scopes.map((s) => s.systemId))]);
  // A page that links here may name the scope to offer first (if it is one of theirs).
  const asked = new URL(request.url).searchParams.get("scope");
  return {
    scopes: scopes.map(({ value, label }) => ({ value, label })),
    chosen: scopes.find((s) => s.value === asked)?.value ?? null,
    years,
    maxWaiting: MAX_WAITING_PER_PERSON,
  };
}

const yearCovered = async (systemId: number, year: ReportingYear) =>
  (await yearsIn([systemId])).some((y) => y.value === yearValue(year));

export async function requestReport(request: Request) {
  const auth = await requireUser(request);
  const form = parseForm(annualReportSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  const scope = await reportScopeAccess(form.data.scope);
  if (!scope || !canReadAnnualReport(auth.principal, scope.access)) {
    return formErrors({ scope: "Choose one of the reports you can read" }, form.values, {
      status: 403,
    });
  }
  if (!(await yearCovered(scope.systemId, form.data.year))) {
    return formErrors({ year: "Choose a year that has reporting months" }, form.values);
  }
  const asked = await requestReportJob(getDb(), {
    scope_kind: form.data.scope.kind,
    scope_id: form.data.scope.id,
    system_id: scope.systemId,
    year: form.data.year.start,
    year_kind: form.data.year.kind,
    provisional: form.data.provisional ? 1 : 0,
    format: form.data.format,
    requested_by: auth.user.id,
    now: new Date(),
  });
  if (asked.outcome === "tooMany") {
    return formErrors(
      {
        scope: `You have ${asked.waiting} reports waiting to be built. Wait for one of them to finish, then ask for this one.`,
      },
      form.values,
      { status: 429 },
    );
  }
  // The same report already waiting or being built: its page, not a second job.
  return redirect(`/reports/${asked.job.id}`);
}
