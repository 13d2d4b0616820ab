import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { RadioGroup } from "~/components/forms/ChoiceFields";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { componentStatuses, fieldId, statusLabels } from "~/forms/sheet";
import { AddEvidenceForm } from "./AddEvidenceForm";
import { ConflictPanel } from "./ConflictPanel";
import { EvidenceList } from "./EvidenceList";
import { PracticesFieldset, PracticesList } from "./PracticesInPlace";
import { ReviewNote } from "./ReviewNote";
import { RestoredDraftNotice, SaveStatus } from "./SaveStatus";
import type { SheetActionData, SheetAnswerView, SheetComponent, SheetContext } from "./types";
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
  context: SheetContext;
  /** What changed since the last submission, and the improvement plan's actions. */
  changed?: ReactNode;
  actions?: ReactNode;
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
      {props.changed}
      {editable ? null : (
        <PracticesList practices={component.practices} saved={answer?.practicesInPlace ?? []} />
      )}
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
          <PracticesFieldset
            componentId={component.id}
            practices={component.practices}
            saved={answer?.practicesInPlace ?? []}
            typed={save && !save.conflict ? save.values.practices : undefined}
            error={save?.errors.practices}
          />
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
      {props.actions}
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
        returnTo={`${props.path}#${id("block")}`}
        organisationPath={props.context.organisationPath}
        canShare={props.context.can.share}
      />
      {editable ? (
        <AddEvidenceForm
          path={props.path}
          componentId={component.id}
          title={title}
          errors={result?.form === "evidence" ? result.errors : undefined}
          values={result?.form === "evidence" ? result.values : undefined}
          library={props.context.library.filter(
            (item) => !answer?.evidence.some((e) => e.id === item.id),
          )}
          reuseErrors={result?.form === "reuse" ? result.errors : undefined}
          maxMegabytes={props.context.evidenceMaxMegabytes}
          suggestedMeasures={component.suggestedMeasures}
        />
      ) : null}
      <ReviewNote
        review={answer?.review ?? null}
        reviewPath={
          props.context.can.verify && status === "fulfilled"
            ? `${props.path}/review/${component.id}`
            : null
        }
        title={title}
      />
    </section>
  );
}
