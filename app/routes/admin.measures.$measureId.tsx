import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { MeasureForm } from "~/components/outcomes/MeasureForm";
import { TargetForm } from "~/components/outcomes/TargetForm";
import { charterChoices, readDefinition } from "~/admin/measures.server";
import { notFound, requireAdmin, routeId } from "~/auth/guards.server";
import { progressRule } from "~/charter/outcome-targets";
import { joinDates } from "~/forms/fields";
import { targetSchema } from "~/forms/outcomes";
import { parseForm } from "~/forms/parse";
import { formErrors } from "~/http/form-errors.server";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { refusal } from "~/http/refusal";
import { getDb } from "~/models/db.server";
import { getMeasure, reviseMeasure, setMeasureRetired } from "~/models/outcome-measures.server";
import { setTarget, targetsInForce } from "~/models/outcome-targets.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { figureWords } from "~/utils/figures";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.measure.current.name ?? "Outcome measure"} – Anchor Charter` },
];

/** A measure of the administrator's own system; another system's is as absent as none. */
async function requireMeasure(request: Request, measureId: string | undefined) {
  const admin = await requireAdmin(request);
  const measure = await getMeasure(getDb(), { id: routeId(measureId) });
  if (!measure || measure.systemId !== admin.systemId) notFound();
  return { ...admin, measure };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { measure } = await requireMeasure(request, params.measureId);
  const target = (
    await targetsInForce(getDb(), { measureIds: [measure.id], organisationId: null })
  ).get(measure.id);
  return { measure, target: target ?? null, domains: charterChoices(), progressRule };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, measure } = await requireMeasure(request, params.measureId);
  const formData = await readForm(request);
  const actor = { userId: auth.user.id, ip: clientIp(context), now: new Date() };
  const db = getDb();
  const here = `/admin/measures/${measure.id}`;
  const intent = formData.get("intent");
  if (intent === "definition") {
    const read = readDefinition(formData);
    if (!read.success) return formErrors(read.errors, { ...read.values, form: "definition" });
    const result = await reviseMeasure(db, {
      measureId: measure.id,
      expectedVersion: read.version,
      definition: read.definition,
      actor,
    });
    if (result.outcome === "conflict")
      return formErrors(
        {
          name: "Someone else changed this measure while you were editing it: check its definition below and make your change again",
        },
        { form: "definition" },
        { status: 409 },
      );
    return redirect(`${here}?saved=${result.outcome}`);
  }
  if (intent === "target") {
    const form = parseForm(
      targetSchema(measure.current.kind),
      joinDates(formData, ["baselineOn", "targetOn"]),
    );
    if (!form.success) return formErrors(form.errors, { ...form.values, form: "target" });
    await setTarget(db, {
      measure: { id: measure.id, name: measure.current.name },
      organisationId: null,
      target: form.data,
      actor,
    });
    return redirect(`${here}?saved=target`);
  }
  if (intent === "retire" || intent === "restore") {
    await setMeasureRetired(db, {
      measureId: measure.id,
      retired: intent === "retire",
      name: measure.current.name,
      actor,
    });
    return redirect(`${here}?saved=${intent}`);
  }
  throw refusal(
    400,
    "Choose what to change: the definition, the target, or whether it is collected.",
  );
}

const savedWords: Record<string, string> = {
  revised: "Saved as a new version of the definition. Figures entered before keep their version.",
  unchanged: "Nothing had changed, so no new version was made.",
  target: "The system's target is saved.",
  retire: "The measure is no longer collected. Its figures are kept.",
  restore: "The measure is collected again.",
};

export default function MeasurePage() {
  const { measure, target, domains, progressRule } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const saved = savedWords[search.get("saved") ?? ""];
  const which = result?.values?.form;
  const v = measure.current;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">Outcome measure</span>
        {v.name}
      </h1>
      <p className="nhsuk-body">
        <Link to="/admin/measures">All outcome measures</Link>
      </p>
      {saved && !result ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {measure.retired ? <p className="nhsuk-body">No longer collected.</p> : null}

      <h2 className="nhsuk-heading-m">System target</h2>
      <p className="nhsuk-body">
        The target the system&apos;s total is judged against
        {v.kind === "ratio"
          ? ", and each place's and organisation's share without its own"
          : ""}. {progressRule}
      </p>
      {target ? (
        <p className="nhsuk-body">
          In force: from {figureWords(v.kind, v.unit, target.baselineValue)} on{" "}
          {formatDate(target.baselineOn)} to {figureWords(v.kind, v.unit, target.targetValue)} by{" "}
          {formatDate(target.targetOn)}.{target.note ? ` ${target.note}` : ""}
        </p>
      ) : (
        <p className="nhsuk-body">No target set.</p>
      )}
      <TargetForm
        kind={v.kind}
        unit={v.unit}
        saved={target}
        result={which === "target" ? result : null}
        submitLabel="Save the system target"
        intent="target"
      />

      <h2 className="nhsuk-heading-m">Definition (version {v.version})</h2>
      <MeasureForm
        domains={domains}
        saved={{ ...v, version: v.version }}
        result={which === "definition" ? result : null}
        submitLabel="Save the definition"
      />

      <h2 className="nhsuk-heading-m">Earlier versions</h2>
      {measure.versions.length > 1 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {measure.versions.slice(1).map((old) => (
            <li key={old.versionId}>
              Version {old.version}, from {formatDateTime(old.createdAt)}: {old.name}.{" "}
              {old.definition}
            </li>
          ))}
        </ul>
      ) : (
        <p className="nhsuk-body">None: this is the first definition.</p>
      )}

      <h2 className="nhsuk-heading-m">Collecting it</h2>
      <Form method="post">
        <input type="hidden" name="intent" value={measure.retired ? "restore" : "retire"} />
        <SubmitButton secondary>
          {measure.retired ? "Collect this measure again" : "Stop collecting this measure"}
        </SubmitButton>
      </Form>
    </>
  );
}
