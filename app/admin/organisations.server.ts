import { adminSystemIds, canCreateOrganisationIn, ledPlaceIds } from "../access/policy";
import { organisationSchema } from "../forms/admin";
import { recordAudit } from "../models/audit.server";
import {
  createOrganisation,
  organisationNameTaken,
  type OrganisationRow,
  updateOrganisation,
} from "../models/organisations.server";
import { getPlace, listPlaces } from "../models/places.server";
import type { Auth } from "../auth/guards.server";
import { forbidden } from "../auth/guards.server";
import { getDb } from "../models/db.server";
import { formErrors } from "../http/form-errors.server";
import { parseForm } from "../forms/parse";

/** The places this person may put an organisation in, and whether "system-wide" is one. */
export async function placeChoices(auth: Auth) {
  const systemIds = adminSystemIds(auth.principal);
  const places = await listPlaces(getDb(), { systemIds, placeIds: ledPlaceIds(auth.principal) });
  return {
    places: places.map((p) => ({ value: String(p.id), label: p.name })),
    allowSystemWide: systemIds.length > 0,
  };
}

/**
 * Creates or updates an organisation after checking that the person may
 * manage both where it is and where it goes (a place lead cannot move an
 * organisation out of their place, or into another).
 */
export async function saveOrganisation(args: {
  auth: Auth;
  formData: FormData;
  existing: OrganisationRow | null;
  ip: string | null;
}) {
  const { auth, existing } = args;
  const form = parseForm(organisationSchema, args.formData);
  if (!form.success) return { response: formErrors(form.errors, form.values) };
  const db = getDb();
  const { name, type, placeId } = form.data;
  const place = placeId ? await getPlace(db, { id: placeId }) : undefined;
  if (placeId && !place) forbidden();
  const systemId = existing?.systemId ?? place?.systemId ?? adminSystemIds(auth.principal)[0];
  if (systemId === undefined || (place && place.systemId !== systemId)) forbidden();
  if (!canCreateOrganisationIn(auth.principal, { systemId, placeId })) forbidden();
  if (await organisationNameTaken(db, { systemId, name, exceptId: existing?.id })) {
    return {
      response: formErrors({ name: "An organisation with that name already exists" }, form.values),
    };
  }
  const id = existing
    ? (await updateOrganisation(db, { id: existing.id, name, type, placeId }), existing.id)
    : await createOrganisation(db, { systemId, placeId, name, type });
  await recordAudit(db, {
    actorUserId: auth.user.id,
    action: existing ? "organisation.updated" : "organisation.created",
    targetType: "organisation",
    targetId: id,
    detail: { name, type, placeId },
    ip: args.ip,
    now: new Date(),
  });
  return { id };
}
