import { Form } from "@remix-run/react";
import { RadioGroup } from "~/components/forms/ChoiceFields";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { componentStatuses, fieldId, statusLabels } from "~/forms/sheet";
import { AddEvidenceForm } from "./AddEvidenceForm";
import { ConflictPanel } from "./ConflictPanel";
import { EvidenceList } from "./EvidenceList";
import { RestoredDraftNotice, SaveStatus } from "./SaveStatus";
import type { SheetActionData, SheetAnswerView, SheetComponent } from "./types";
import { useAutosave } from "./useAutosave";

const statusOptions = componentStatuses.map((s) => ({ value: s, label: statusLabels[s] }));

/** One component of Appendix A: its practices, status, evidence and opportunities. */
export function ComponentBlock(props: {
  path: string;
  component: SheetComponent;
  answer: SheetAnswerView | undefined;
  editable: boolean;
  saved: boolean;
  /** The refused post, if it was about this component. */
  result: SheetActionData | undefined;
}) {
  const { component, answer, editable, saved } = props;
  const autosave = useAutosave({ path: props.path, componentId: component.id, answer });
  // A refused autosave shows exactly as a refused Save would.
  const result = autosave.refusal ?? props.result;
  const title = `${component.id} ${component.title}`;
  const id = (field: string) => fieldId(component.id, field);
  const save = result?.form === "save" ? result : undefined;
  const status = answer?.status ?? "not_started";
  return (
    <section className="app-component" id={id("block")} aria-labelledby={id("heading")}>
      <h3 className="nhsuk-heading-s" id={id("heading")}>
        {title}
      </h3>
      <p className="nhsuk-body">Practices:</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {component.practices.map((practice) => (
          <li key={practice}>{practice}</li>
        ))}
      </ul>
      {saved ? (
        <p className="nhsuk-body" role="status">
          <strong>Saved.</strong>
        </p>
      ) : null}
      {save?.conflict ? (
        <ConflictPanel
          path={props.path}
          componentId={component.id}
          theirs={save.conflict}
          mine={save.values}
          onKeepTheirs={autosave.discard}
        />
      ) : null}
      {editable ? (
        // With JavaScript it saves itself (useAutosave), which decides when to reset the fields.
        <Form
          method="post"
          noValidate
          key={autosave.formKey}
          ref={autosave.formRef}
          onChange={autosave.onChange}
          onSubmit={autosave.onSubmit}
        >
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="componentId" value={component.id} />
          <input type="hidden" name="version" value={autosave.version} />
          {autosave.restoredFrom ? (
            <RestoredDraftNotice at={autosave.restoredFrom} onDiscard={autosave.discard} />
          ) : null}
          <RadioGroup
            name="status"
            id={id("status")}
            legend={title}
            hint="Status of this component"
            options={statusOptions}
            defaultValue={save && !save.conflict ? save.values.status : status}
            error={save?.errors.status}
          />
          <TextArea
            name="opportunities"
            id={id("opportunities")}
            label="Opportunities for progression"
            defaultValue={
              save && !save.conflict ? save.values.opportunities : answer?.opportunities
            }
            error={save?.errors.opportunities}
          />
          {/* Named by component, so only this form's button shows "Please wait…". */}
          <SubmitButton name="componentId" value={component.id}>
            Save<span className="nhsuk-u-visually-hidden"> {title}</span>
          </SubmitButton>
          <SaveStatus
            id={id("save-status")}
            state={autosave.state}
            onSignIn={autosave.leaveKeepingDraft}
          />
        </Form>
      ) : (
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Status</dt>
            <dd className="nhsuk-summary-list__value">{statusLabels[status]}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Opportunities for progression</dt>
            <dd className="nhsuk-summary-list__value">
              {answer?.opportunities || "None recorded"}
            </dd>
          </div>
        </dl>
      )}
      <h4 className="nhsuk-heading-xs" id={id("evidence")}>
        Evidence
      </h4>
      {result?.form === "remove" && result.errors.evidence ? (
        <p className="nhsuk-error-message">{result.errors.evidence}</p>
      ) : null}
      <EvidenceList
        componentId={component.id}
        title={title}
        evidence={answer?.evidence ?? []}
        editable={editable}
      />
      {editable ? (
        <AddEvidenceForm
          componentId={component.id}
          title={title}
          errors={result?.form === "evidence" ? result.errors : undefined}
          values={result?.form === "evidence" ? result.values : undefined}
        />
      ) : null}
    </section>
  );
}
