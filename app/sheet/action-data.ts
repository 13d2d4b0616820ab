import type { Refusal } from "~/models/component-answers.server";
import type { DomainPrinciples } from "~/models/principles.server";

/**
 * What the month's action answers as data: a refused post (which form, which
 * component, the errors and what was typed) or an autosave's success. Shared
 * by the intents that write it and the pages that read it.
 */
export type SheetActionData = {
  form:
    | "start"
    | "save"
    | "evidence"
    | "reuse"
    | "remove"
    | "submit"
    | "locked"
    | "principles"
    | "action"
    | "removeAction"
    | "figures"
    | AutosaveAnswer;
  componentId?: string;
  /** The domain whose principles form was refused. */
  domain?: number;
  errors: Record<string, string>;
  values: Record<string, string>;
  conflict?: Extract<Refusal, { refused: "conflict" }>["theirs"];
  /** A domain's principles as someone else saved them meanwhile. */
  principles?: DomainPrinciples;
  /** An autosave's success: the version the form now carries, and when. */
  saved?: { version: number; at: string; changesSummary: boolean };
};

/** Only autosave (JavaScript) posts get these: "saved", "session" (signed out), "network". */
type AutosaveAnswer = "saved" | "session" | "network";
