import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { MeasureDefinition } from "~/components/outcomes/MeasureDefinition";
import { TargetForm } from "~/components/outcomes/TargetForm";
import { notFound, requireTargetSetter, routeId } from "~/auth/guards.server";
import { progressRule } from "~/charter/outcome-targets";
import { joinDates } from "~/forms/fields";
import { frequencyWords, targetSchema } from "~/forms/outcomes";
import { parseForm } from "~/forms/parse";
import { formErrors } from "~/http/form-errors.server";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { getDb } from "~/models/db.server";
import { getMeasure } from "~/models/outcome-measures.server";
import { setTarget, targetsInForce } from "~/models/outcome-targets.server";
import { formatDate } from "~/utils/dates";
import { figureWords } from "~/utils/figures";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Own target: ${data?.measure.name ?? "outcome measure"} – Anchor Charter` },
];

async function requireTarget(request: Request, params: Record<string, string | undefined>) {
  const reader = await requireTargetSetter(request, params.organisationId);
  const measure = await getMeasure(getDb(), { id: routeId(params.measureId) });
  if (!measure || measure.systemId !== reader.organisation.systemId) notFound();
  return { ...reader, measure };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, measure } = await requireTarget(request, params);
  const db = getDb();
  const [own, system] = await Promise.all([
    targetsInForce(db, { measureIds: [measure.id], organisationId: organisation.id }),
    targetsInForce(db, { measureIds: [measure.id], organisationId: null }),
  ]);
  return {
    organisation: { id: organisation.id, name: organisation.name },
    measure: {
      id: measure.id,
      ...measure.current,
      componentIds: [...measure.current.componentIds],
    },
    own: own.get(measure.id) ?? null,
    system: system.get(measure.id) ?? null,
    progressRule,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, organisation, measure } = await requireTarget(request, params);
  const formData = joinDates(await readForm(request), ["baselineOn", "targetOn"]);
  const form = parseForm(targetSchema(measure.current.kind), formData);
  if (!form.success) return formErrors(form.errors, form.values);
  await setTarget(getDb(), {
    measure: { id: measure.id, name: measure.current.name },
    organisationId: organisation.id,
    target: form.data,
    actor: { userId: auth.user.id, ip: clientIp(context), now: new Date() },
  });
  return redirect(`/organisations/${organisation.id}#outcomes`);
}

/** A champion sets their organisation's own target for a measure, beside the system's. */
export default function OwnTarget() {
  const { organisation, measure, own, system, progressRule } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const words = (value: number) => figureWords(measure.kind, measure.unit, value);
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{organisation.name}</span>
        Own target: {measure.name}
      </h1>
      <p className="nhsuk-body">
        <Link to={`/organisations/${organisation.id}#outcomes`}>Back to {organisation.name}</Link>
      </p>
      <MeasureDefinition
        definition={measure.definition}
        version={measure.version}
        componentIds={measure.componentIds}
        frequency={frequencyWords[measure.frequency]}
      />
      <p className="nhsuk-body">
        {system
          ? `The system's target: from ${words(system.baselineValue)} on ${formatDate(system.baselineOn)} to ${words(system.targetValue)} by ${formatDate(system.targetOn)}.`
          : "The system has set no target for this measure."}{" "}
        Your own target is what your organisation&apos;s series is judged against. {progressRule}
      </p>
      {own ? (
        <p className="nhsuk-body">
          Your target now: from {words(own.baselineValue)} on {formatDate(own.baselineOn)} to{" "}
          {words(own.targetValue)} by {formatDate(own.targetOn)}. Saving a new one replaces it.
        </p>
      ) : null}
      <TargetForm
        kind={measure.kind}
        unit={measure.unit}
        saved={own}
        result={result}
        submitLabel="Save your own target"
      />
    </>
  );
}
