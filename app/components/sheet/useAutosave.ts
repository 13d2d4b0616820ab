import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  clearDraft,
  type DraftScope,
  type DraftValues,
  readDraft,
  writeDraft,
} from "~/components/sheet/drafts";
import { networkMessage } from "./sheetClientAction";
import type { SheetActionData, SheetAnswerView, SheetData } from "./types";

/** How long after typing stops a component saves itself; a radio saves at once. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string; signInPath?: string };

function readValues(form: HTMLFormElement): DraftValues {
  const data = new FormData(form);
  return {
    status: String(data.get("status") ?? ""),
    opportunities: String(data.get("opportunities") ?? ""),
  };
}

function fillIn(form: HTMLFormElement, values: DraftValues) {
  const text = form.elements.namedItem("opportunities");
  if (text instanceof HTMLTextAreaElement) text.value = values.opportunities;
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="status"]')) {
    radio.checked = radio.value === values.status;
  }
}

/** What the server holds, as the form reads it: no status until the component is answered. */
const savedValues = (answer: SheetAnswerView): DraftValues => ({
  status: answer.answered ? answer.status : "",
  opportunities: answer.opportunities,
});

const same = (a: DraftValues, b: DraftValues) =>
  a.status === b.status && a.opportunities === b.opportunities;

function failure(data: SheetActionData, path: string): SaveState {
  if (data.form === "session") {
    return {
      kind: "failed",
      message: data.errors.form ?? "You have been signed out.",
      signInPath: `/sign-in?redirectTo=${encodeURIComponent(path)}`,
    };
  }
  if (data.form === "network") return { kind: "failed", message: networkMessage };
  if (data.conflict) {
    return {
      kind: "failed",
      message: "Not saved: someone else saved this component first. Both versions are shown.",
    };
  }
  const first = Object.values(data.errors)[0];
  return { kind: "failed", message: `Not saved: ${first ?? "please try again."}` };
}

/**
 * With JavaScript, a component's form saves itself through a fetcher: the
 * same form data, action, schema and version guard as its Save button.
 * What is typed is kept as a browser draft until the server has it; the
 * form moves to the version its own save created, and takes someone else's
 * newer version only when nothing unsaved would be overwritten.
 */
export function useAutosave(props: {
  path: string;
  componentId: string;
  answer: SheetAnswerView | undefined;
  /** Where "Save and continue" goes once its save is confirmed. */
  continueTo: string;
}) {
  const { path, componentId, answer, continueTo } = props;
  const navigate = useNavigate();
  const continuing = useRef(false);
  const sheet = useLoaderData<SheetData>();
  const scope: DraftScope = useMemo(
    () => ({
      userId: sheet.userId,
      organisationId: sheet.organisation.id,
      periodId: sheet.period.id,
      componentId,
    }),
    [sheet.userId, sheet.organisation.id, sheet.period.id, componentId],
  );
  const fetcher = useFetcher<SheetActionData>();
  const submit = fetcher.submit;
  const formRef = useRef<HTMLFormElement>(null);
  const loaded = answer?.version ?? 1;
  const [version, setVersion] = useState(loaded);
  const versionRef = useRef(loaded);
  const [formKey, setFormKey] = useState(0);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [refusal, setRefusal] = useState<SheetActionData>();
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null);
  const dirty = useRef(false);
  const inFlight = useRef<DraftValues | null>(null);
  const again = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const leaving = useRef(false);
  // The fetcher's answer from before the save in flight: an answer is this save's only if newer.
  const previousAnswer = useRef<SheetActionData | undefined>(undefined);
  const fetcherData = useRef(fetcher.data);
  fetcherData.current = fetcher.data;

  const moveTo = useCallback((next: number) => {
    versionRef.current = next;
    setVersion(next);
  }, []);

  const send = useCallback(() => {
    window.clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const data = new FormData(form);
    data.set("version", String(versionRef.current));
    inFlight.current = readValues(form);
    previousAnswer.current = fetcherData.current;
    setState({ kind: "saving" });
    void submit(data, { method: "post", action: `${path}?autosave=1` });
  }, [submit, path]);

  // The answer to this form's own save.
  useEffect(() => {
    const sent = inFlight.current;
    const data = fetcher.data;
    if (fetcher.state === "submitting" || !data || !sent) return;
    if (data === previousAnswer.current) return;
    inFlight.current = null;
    const form = formRef.current;
    const now = form ? readValues(form) : sent;
    if (data.form === "saved" && data.saved) {
      moveTo(data.saved.version);
      setRefusal(undefined);
      setState({ kind: "saved", at: data.saved.at });
      if (same(now, sent)) {
        dirty.current = false;
        clearDraft(scope);
        setRestoredFrom(null);
        if (continuing.current) {
          // Everything typed is saved: nothing more to send, and a save sent now
          // would revalidate this page over the navigation to the next one.
          continuing.current = false;
          again.current = false;
          window.clearTimeout(timer.current);
          navigate(continueTo);
          return;
        }
      } else {
        // Typed on while saving: keep it against the new version, and save it too.
        writeDraft(scope, {
          version: data.saved.version,
          values: now,
          at: new Date().toISOString(),
        });
        again.current = true;
      }
    } else {
      // A refused save stays here, whatever button sent it.
      continuing.current = false;
      setRefusal(data);
      setState(failure(data, path));
    }
    // Typed on or pressed Save while this one was on its way: send the latest too.
    if (again.current) {
      again.current = false;
      timer.current = window.setTimeout(send, 0);
    }
  }, [fetcher.state, fetcher.data, moveTo, scope, send, path, navigate, continueTo]);

  // Someone else's newer version, seen on revalidation: take it only if nothing unsaved differs.
  useEffect(() => {
    if (!answer || answer.version <= versionRef.current || inFlight.current) return;
    const form = formRef.current;
    const theirs = savedValues(answer);
    if (dirty.current && !(form && same(readValues(form), theirs))) return;
    dirty.current = false;
    clearDraft(scope);
    moveTo(answer.version);
    setRefusal(undefined);
    setFormKey((key) => key + 1);
  }, [answer, moveTo, scope]);

  // A draft left by a failed save (signed out, offline, tab closed) is filled in on return.
  useEffect(() => {
    const draft = readDraft(scope);
    const form = formRef.current;
    if (!draft || !form || !answer) return;
    if (same(draft.values, savedValues(answer))) {
      clearDraft(scope);
      return;
    }
    fillIn(form, draft.values);
    // Saved against the version it was typed on: if someone saved since, the guard shows both.
    moveTo(draft.version);
    dirty.current = true;
    setRestoredFrom(draft.at);
    // Only on arrival: later drafts are this page's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Leaving with unsaved typing, or with a save on its way, asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leaving.current || (!dirty.current && !inFlight.current)) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.clearTimeout(timer.current);
    };
  }, []);

  const onChange = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const form = formRef.current;
      if (!form) return;
      dirty.current = true;
      writeDraft(scope, {
        version: versionRef.current,
        values: readValues(form),
        at: new Date().toISOString(),
      });
      window.clearTimeout(timer.current);
      const radio = event.target instanceof HTMLInputElement && event.target.type === "radio";
      timer.current = window.setTimeout(send, radio ? 0 : AUTOSAVE_DELAY_MS);
    },
    [scope, send],
  );

  /**
   * The Save buttons, with JavaScript: save at once, through the same fetcher;
   * "Save and continue" then moves on once the server has confirmed the save.
   */
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      continuing.current = submitter?.getAttribute("value") === "next";
      send();
    },
    [send],
  );

  const discard = useCallback(() => {
    window.clearTimeout(timer.current);
    dirty.current = false;
    clearDraft(scope);
    setRestoredFrom(null);
    setRefusal(undefined);
    setState({ kind: "idle" });
    moveTo(answer?.version ?? 1);
    setFormKey((key) => key + 1);
  }, [scope, moveTo, answer?.version]);

  /** Signing in again keeps the draft in this browser: leaving then loses nothing. */
  const leaveKeepingDraft = useCallback(() => {
    leaving.current = true;
  }, []);

  return {
    formRef,
    formKey,
    version,
    state,
    /** This form's last refused autosave, shown like a refused Save. */
    refusal,
    restoredFrom,
    onChange,
    onSubmit,
    discard,
    leaveKeepingDraft,
  };
}
