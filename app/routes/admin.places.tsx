import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { placeSchema } from "~/forms/admin";
import { recordAudit } from "~/models/audit.server";
import { createPlace, listPlaces, placeNameTaken } from "~/models/places.server";
import { requireAdmin } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Places – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { systemId } = await requireAdmin(request);
  return { places: await listPlaces(getDb(), { systemIds: [systemId] }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { auth, systemId } = await requireAdmin(request);
  const form = parseForm(placeSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  const db = getDb();
  const { name } = form.data;
  if (await placeNameTaken(db, { systemId, name })) {
    return formErrors({ name: "A place with that name already exists" }, form.values);
  }
  const id = await createPlace(db, { systemId, name });
  await recordAudit(db, {
    actorUserId: auth.user.id,
    action: "place.created",
    targetType: "place",
    targetId: id,
    detail: { name },
    ip: clientIp(context),
    now: new Date(),
  });
  return redirect("/admin/places");
}

export default function Places() {
  const { places } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="nhsuk-heading-l">Places</h1>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
          Places in the system
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Place
            </th>
            <th scope="col" className="nhsuk-table__header">
              Organisations
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {places.map((p) => (
            <tr className="nhsuk-table__row" key={p.id}>
              <td className="nhsuk-table__cell">{p.name}</td>
              <td className="nhsuk-table__cell">{p.organisationCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="nhsuk-heading-m">Add a place</h2>
      <Form method="post" noValidate>
        <TextField
          name="name"
          label="Place name"
          defaultValue={result?.values?.name}
          error={result?.errors?.name}
        />
        <SubmitButton>Add place</SubmitButton>
      </Form>
    </>
  );
}
