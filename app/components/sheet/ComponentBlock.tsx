import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { RadioGroup } from "~/components/forms/ChoiceFields";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { componentStatuses, fieldId, statusLabels } from "~/forms/sheet-words";
import { AddEvidenceForm, type EvidenceKind } from "./AddEvidenceForm";
import { ConflictPanel } from "./ConflictPanel";
import { EvidenceList } from "./EvidenceList";
import { PracticesFieldset, PracticesList } from "./PracticesInPlace";
import { ReuseEvidenceForm } from "./ReuseEvidenceForm";
import { ReviewNote } from "./ReviewNote";
import { RestoredDraftNotice, SaveStatus } from "./SaveStatus";
import type { SheetActionData, SheetAnswerView, SheetComponent, SheetContext } from "./types";
import { useAutosave } from "./useAutosave";

const statusOptions = componentStatuses.map((s) => ({ value: s, label: statusLabels[s] }));

/** A component's status as words: "Not answered" until a champion gives one (ADR 026). */
export const answerLabel = (answer: Pick<SheetAnswerView, "answered" | "status"> | undefined) =>
  answer?.answered ? statusLabels[answer.status] : "Not answered";

/**
 * One component of Appendix A on its own page: its practices, status,
 * opportunities, actions and evidence. Its form saves itself with JavaScript
 * (useAutosave); "Save and continue" goes on to `nextPath`.
 */
export function ComponentBlock(props: {
  /** This page's address: every form here posts to it. */
  path: string;
  sheetPath: string;
  nextPath: string;
  component: SheetComponent;
  answer: SheetAnswerView | undefined;
  editable: boolean;
  saved: boolean;
  /** The refused post, if any. */
  result: SheetActionData | undefined;
  context: SheetContext;
  addEvidenceKind: EvidenceKind | null;
  /** What changed since the last submission, and the improvement plan's actions. */
  changed?: ReactNode;
  actions?: ReactNode;
}) {
  const { component, answer, editable, saved } = props;
  const autosave = useAutosave({
    path: props.path,
    componentId: component.id,
    answer,
    continueTo: props.nextPath,
  });
  // A refused autosave shows exactly as a refused Save would.
  const result = autosave.refusal ?? props.result;
  const title = `${component.id} ${component.title}`;
  const id = (field: string) => fieldId(component.id, field);
  const save = result?.form === "save" ? result : undefined;
  const status = answer?.answered ? answer.status : undefined;
  const evidenceResult = result?.form === "evidence" ? result : undefined;
  return (
    <section className="app-component" id={id("block")} aria-labelledby="component-title">
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
            legend="Status"
            hint="Not started is an honest answer: choose it if work has not begun."
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
          <div className="app-button-row">
            <SubmitButton name="then" value="next">
              Save and continue
            </SubmitButton>{" "}
            <SubmitButton secondary name="then" value="stay">
              Save
            </SubmitButton>
          </div>
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
            <dd className="nhsuk-summary-list__value">{answerLabel(answer)}</dd>
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
      <h2 className="nhsuk-heading-s" id={id("evidence")}>
        Evidence
      </h2>
      {result?.form === "remove" && result.errors.evidence ? (
        <p className="nhsuk-error-message">{result.errors.evidence}</p>
      ) : null}
      <EvidenceList
        componentId={component.id}
        title={title}
        evidence={answer?.evidence ?? []}
        editable={editable}
        returnTo={`${props.path}#${id("evidence")}`}
        organisationPath={props.context.organisationPath}
        canShare={props.context.can.share}
      />
      {editable ? (
        <AddEvidenceForm
          path={props.path}
          componentId={component.id}
          title={title}
          kind={
            evidenceResult
              ? ((evidenceResult.values.kind as EvidenceKind | undefined) ?? props.addEvidenceKind)
              : props.addEvidenceKind
          }
          errors={evidenceResult?.errors}
          values={evidenceResult?.values}
          maxMegabytes={props.context.evidenceMaxMegabytes}
          suggestedMeasures={component.suggestedMeasures}
        />
      ) : null}
      {editable && props.context.library ? (
        <ReuseEvidenceForm
          path={props.path}
          componentId={component.id}
          library={props.context.library}
          shown={props.context.libraryShown}
          errors={result?.form === "reuse" ? result.errors : undefined}
        />
      ) : null}
      <ReviewNote
        review={answer?.review ?? null}
        reviewPath={
          props.context.can.verify && answer?.answered && answer.status === "fulfilled"
            ? `${props.sheetPath}/review/${component.id}`
            : null
        }
        title={title}
      />
    </section>
  );
}
