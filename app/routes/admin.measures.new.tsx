import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { MeasureForm } from "~/components/outcomes/MeasureForm";
import { charterChoices, readDefinition } from "~/admin/measures.server";
import { requireAdmin } from "~/auth/guards.server";
import { formErrors } from "~/http/form-errors.server";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { getDb } from "~/models/db.server";
import { createMeasure } from "~/models/outcome-measures.server";

export const meta: MetaFunction = () => [{ title: "Add an outcome measure – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { domains: charterChoices() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { auth, systemId } = await requireAdmin(request);
  const read = readDefinition(await readForm(request));
  if (!read.success) return formErrors(read.errors, read.values);
  const id = await createMeasure(getDb(), {
    systemId,
    definition: read.definition,
    actor: { userId: auth.user.id, ip: clientIp(context), now: new Date() },
  });
  return redirect(`/admin/measures/${id}`);
}

export default function NewMeasure() {
  const { domains } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="nhsuk-heading-l">Add an outcome measure</h1>
      <MeasureForm domains={domains} saved={null} result={result} submitLabel="Add the measure" />
    </>
  );
}
