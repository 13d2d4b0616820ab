import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { startingDefinitions } from "~/admin/measures.server";
import { requireAdmin } from "~/auth/guards.server";
import { frequencyWords } from "~/forms/outcomes";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";
import { refusal } from "~/http/refusal";
import { getDb } from "~/models/db.server";
import { addStartingSet, listMeasures } from "~/models/outcome-measures.server";
import { targetsInForce } from "~/models/outcome-targets.server";
import { formatDate } from "~/utils/dates";
import { figureWords } from "~/utils/figures";

export const meta: MetaFunction = () => [{ title: "Outcome measures – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { systemId } = await requireAdmin(request);
  const db = getDb();
  const measures = await listMeasures(db, { systemId, includeRetired: true });
  const targets = await targetsInForce(db, {
    measureIds: measures.map((m) => m.id),
    organisationId: null,
  });
  return {
    starting: startingDefinitions().map((d) => d.name),
    measures: measures.map((m) => {
      const target = targets.get(m.id);
      return {
        id: m.id,
        name: m.current.name,
        version: m.current.version,
        frequency: m.current.frequency,
        kind: m.current.kind,
        retired: m.retired,
        target: target
          ? `${figureWords(m.current.kind, m.current.unit, target.targetValue)} by ${formatDate(target.targetOn)}`
          : null,
      };
    }),
  };
}

/** The one post here: add the starting set, to a system with no measures yet. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { auth, systemId } = await requireAdmin(request);
  const formData = await readForm(request);
  if (formData.get("intent") !== "startingSet")
    throw refusal(400, "Choose what to do: this page adds the starting set of measures.");
  await addStartingSet(getDb(), {
    systemId,
    definitions: startingDefinitions(),
    actor: { userId: auth.user.id, ip: clientIp(context), now: new Date() },
  });
  return redirect("/admin/measures");
}

export default function Measures() {
  const { measures, starting } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">Outcome measures</h1>
      <p className="nhsuk-body">
        The figures champions enter each month, quarter or year, and that the place summaries, the
        ICS roll-up and the annual report add up across organisations. Changing a measure&apos;s
        definition makes a new version: figures already entered keep the version they answered.
      </p>
      {measures.length === 0 ? (
        <>
          <p className="nhsuk-body">This system has no outcome measures yet.</p>
          <p className="nhsuk-body">
            Start from the outcomes the charter&apos;s slides name, one per domain, and change them
            as you need:
          </p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {starting.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          <Form method="post">
            <input type="hidden" name="intent" value="startingSet" />
            <SubmitButton>Add these {starting.length} measures</SubmitButton>
          </Form>
        </>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Outcome measures, in the order pages show them
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Measure
              </th>
              <th scope="col" className="nhsuk-table__header">
                Collected
              </th>
              <th scope="col" className="nhsuk-table__header">
                System target
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {measures.map((m) => (
              <tr className="nhsuk-table__row" key={m.id}>
                <td className="nhsuk-table__cell">
                  <Link to={`/admin/measures/${m.id}`}>{m.name}</Link> (version {m.version})
                  {m.retired ? " – no longer collected" : ""}
                </td>
                <td className="nhsuk-table__cell">{frequencyWords[m.frequency]}</td>
                <td className="nhsuk-table__cell">{m.target ?? "None set"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="nhsuk-body">
        <Link to="/admin/measures/new">Add a measure</Link>
      </p>
    </>
  );
}
