import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { RadioGroup } from "~/components/forms/ChoiceFields";
import { fieldId } from "~/forms/sheet-words";

/** An item of the organisation's evidence, with what tells it apart (worded on the server). */
export type LibraryItem = { id: number; title: string; hint: string };

export type Library = { items: LibraryItem[]; total: number; query: string };

/**
 * Puts evidence the organisation already has on this component: no second
 * upload. Only the newest few are listed; a long library is searched on the
 * server (a GET form, so it works without JavaScript, ADR 026).
 */
export function ReuseEvidenceForm(props: {
  path: string;
  componentId: string;
  library: Library;
  shown: number;
  errors?: Record<string, string>;
}) {
  const { library } = props;
  const id = fieldId(props.componentId, "reuse-evidenceId");
  const searchId = fieldId(props.componentId, "reuse-search");
  const error = props.errors?.evidenceId;
  const searchable = library.total > props.shown || library.query !== "";
  if (!searchable && !library.items.length) return null;
  return (
    <section aria-labelledby={`${id}-heading`} id={fieldId(props.componentId, "reuse")}>
      <h2 className="nhsuk-heading-s" id={`${id}-heading`}>
        Use evidence your organisation has already added
      </h2>
      {searchable ? (
        <Form method="get" action={`${props.path}#${fieldId(props.componentId, "reuse")}`}>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={searchId}>
              Search your organisation&apos;s evidence by title or file name
            </label>
            <input
              className="nhsuk-input nhsuk-input--width-20"
              id={searchId}
              name="evidenceSearch"
              type="search"
              defaultValue={library.query}
            />
          </div>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Search
          </button>
        </Form>
      ) : null}
      {searchable ? (
        <p className="nhsuk-body" role="status">
          {library.total === 0
            ? `No evidence matches “${library.query}”.`
            : library.total > library.items.length
              ? `Showing the newest ${library.items.length} of ${library.total}${library.query ? ` matching “${library.query}”` : ""}: search to narrow them down.`
              : `${library.total} ${library.total === 1 ? "item matches" : "items match"}${library.query ? ` “${library.query}”` : ""}.`}
        </p>
      ) : null}
      {library.items.length ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="reuseEvidence" />
          <input type="hidden" name="componentId" value={props.componentId} />
          <RadioGroup
            name="evidenceId"
            id={id}
            legend="Evidence to use"
            error={error}
            options={library.items.map((item) => ({
              value: String(item.id),
              label: item.title,
              hint: item.hint,
            }))}
          />
          <SubmitButton secondary>Use this evidence</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
