import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { principlesFieldId } from "~/forms/sheet-words";
import { CheckboxGroup } from "./CheckboxGroup";
import type { SheetActionData, SheetData } from "./types";

type Plan = SheetData["plan"];

/**
 * The six cross-cutting principles, to be taken within every domain: which
 * are in place here, with a note. Saved per domain on its own form, guarded
 * by its own version like a component (ADR 009).
 */
export function DomainPrinciples(props: {
  path: string;
  domain: number;
  principleList: Plan["principleList"];
  saved: Plan["principles"][number] | undefined;
  editable: boolean;
  justSaved: boolean;
  result: SheetActionData | undefined;
}) {
  const { domain, principleList, saved, editable, result } = props;
  const id = (field: string) => principlesFieldId(domain, field);
  const ticked = saved?.principlesInPlace ?? [];
  const theirs = result?.principles;
  const typed = result?.values;
  const nameOf = (n: number) => principleList.find((p) => p.number === n)?.summary ?? String(n);
  return (
    <section className="app-component" id={id("block")} aria-labelledby={id("heading")}>
      <h3 className="nhsuk-heading-s" id={id("heading")}>
        Cross-cutting principles in domain {domain}
      </h3>
      {props.justSaved ? (
        <p className="nhsuk-body" role="status">
          <strong>Saved.</strong>
        </p>
      ) : null}
      {theirs ? (
        <div className="nhsuk-inset-text" role="alert" id={id("conflict")}>
          <p className="nhsuk-body">
            <strong>Someone else saved these principles while you were editing.</strong> They saved:{" "}
            {theirs.principlesInPlace.map(nameOf).join(", ") || "none in place"}
            {theirs.note ? `; note: ${theirs.note}` : ""}.
          </p>
          <p className="nhsuk-body">
            What you typed is below. <a href={`${props.path}#${id("block")}`}>Keep their version</a>{" "}
            (your changes here are discarded), or save again to put yours over theirs.
          </p>
        </div>
      ) : null}
      {editable ? (
        <Form method="post" noValidate key={saved?.version ?? 0}>
          <input type="hidden" name="intent" value="savePrinciples" />
          <input type="hidden" name="domain" value={domain} />
          <input type="hidden" name="version" value={theirs?.version ?? saved?.version ?? 0} />
          <CheckboxGroup
            name="principles"
            id={id("principles")}
            legend={`Principles in place in domain ${domain}`}
            options={principleList.map((p) => ({ value: String(p.number), label: p.summary }))}
            checked={
              typed?.principles !== undefined
                ? typed.principles.split(",").filter(Boolean)
                : ticked.map(String)
            }
            error={result?.errors[id("principles")]}
          />
          <TextArea
            name="note"
            id={id("note")}
            label="Note on the principles (optional)"
            defaultValue={typed?.note ?? saved?.note ?? ""}
            error={result?.errors[id("note")]}
          />
          <SubmitButton name="domain" value={String(domain)}>
            Save<span className="nhsuk-u-visually-hidden"> principles in domain {domain}</span>
          </SubmitButton>
        </Form>
      ) : (
        <>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {principleList.map((p) => (
              <li key={p.number}>
                {p.summary}: {ticked.includes(p.number) ? "in place" : "not yet"}
              </li>
            ))}
          </ul>
          {saved?.note ? <p className="nhsuk-body app-wrap-anywhere">{saved.note}</p> : null}
        </>
      )}
    </section>
  );
}
