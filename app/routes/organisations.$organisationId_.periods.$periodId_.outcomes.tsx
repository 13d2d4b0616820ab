import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { FiguresForm } from "~/components/outcomes/FiguresForm";
import { MeasureDefinition } from "~/components/outcomes/MeasureDefinition";
import { frequencyWords } from "~/forms/outcomes";
import { requireSheetEditor, requireSheetReader } from "~/auth/guards.server";
import { loadOutcomesPage } from "~/sheet/outcomes.server";
import { handleSheetPost } from "~/sheet/post.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Outcome figures, ${data.period.label}, ${data.organisation.name} – Anchor Charter`
      : "Outcome figures – Anchor Charter",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOutcomesPage(await requireSheetReader(request, params));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleSheetPost(await requireSheetEditor(request, params), request, context, {
    outcomes: true,
  });
}

/** The month's outcome figures: the measures due, entered once, with last period's beside them. */
export default function OutcomeFigures() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const saved = search.get("saved");
  const refused = result && result.form === "figures" ? result : null;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{page.organisation.name}</span>
        Outcome figures for {page.period.label}
      </h1>
      <p className="nhsuk-body">
        <Link to={page.path}>Back to {page.period.label}&apos;s self-assessment</Link>
      </p>
      {saved !== null && !result ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Figures saved. Each is also evidence on the components its measure evidences.{" "}
            <Link to={`/organisations/${page.organisation.id}#outcomes`}>
              See your figures over time
            </Link>
            .
          </p>
        </div>
      ) : null}
      {page.due.length === 0 ? (
        <p className="nhsuk-body">
          No outcome measures are due in {page.period.label}. Quarterly measures are due in March,
          June, September and December; yearly ones in March.
        </p>
      ) : page.editable ? (
        <>
          <p className="nhsuk-body">
            Enter each figure once: it counts in your organisation&apos;s series, in your
            place&apos;s and the system&apos;s totals once the month is submitted and its returns
            are due, and as evidence on the components its measure evidences. Leave a measure empty
            if you have no figure for it.
          </p>
          <p className="nhsuk-body">{page.changeRule}</p>
          <FiguresForm
            due={page.due}
            typed={refused ? refused.values : null}
            errors={refused?.errors ?? {}}
          />
        </>
      ) : (
        <>
          {page.canStart ? (
            <Form method="get" action={page.path}>
              <p className="nhsuk-body">
                Start {page.period.label}&apos;s self-assessment before entering its figures.
              </p>
              <SubmitButton secondary>Go to {page.period.label}</SubmitButton>
            </Form>
          ) : (
            <p className="nhsuk-body">
              {page.submitted
                ? `${page.period.label} has been submitted: its figures can no longer change.`
                : !page.period.open
                  ? `${page.period.label} is closed: its figures can no longer change.`
                  : "You can read these figures; the organisation's champions enter them."}
            </p>
          )}
          <FiguresTable due={page.due} />
        </>
      )}
      {page.notDue.length ? (
        <>
          <h2 className="nhsuk-heading-m">Not due in {page.period.label}</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {page.notDue.map((m) => (
              <li key={m.measureId}>
                {m.name}: collected {frequencyWords[m.frequency].charAt(0).toLowerCase()}
                {frequencyWords[m.frequency].slice(1)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function FiguresTable(props: { due: ReturnType<typeof useLoaderData<typeof loader>>["due"] }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption">Figures saved</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Measure
          </th>
          <th scope="col" className="nhsuk-table__header">
            Figure
          </th>
          <th scope="col" className="nhsuk-table__header">
            Source
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {props.due.map((m) => (
          <tr className="nhsuk-table__row" key={m.measureId}>
            <th scope="row" className="nhsuk-table__header">
              {m.name}
              <MeasureDefinition
                definition={m.definition}
                version={m.version}
                componentIds={m.componentIds}
                frequency={frequencyWords[m.frequency]}
              />
            </th>
            <td className="nhsuk-table__cell">
              {m.saved
                ? `${m.saved.words}${m.kind === "ratio" ? ` (${m.saved.parts})` : ""}`
                : "No figure"}
            </td>
            <td className="nhsuk-table__cell">{m.saved?.source ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
